// Charts on the community lead's KPI page. The data comes from a JSON script element (no
// inline script: the Content-Security-Policy forbids it); each chart has a table beside it
// with the same figures, so the charts are a visual extra.
(function () {
  "use strict";
  var source = document.getElementById("carai-kpi-data");
  if (!source || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colours = ["#0b5e6b", "#b34700", "#5b3f8c"];
  var activityColours = ["#0b5e6b", "#b34700", "#5b3f8c", "#3d6b1f"];
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var common = { responsive: true, animation: reduced ? false : undefined, maintainAspectRatio: false };
  var reached = document.getElementById("reached-chart");
  if (reached && data.months.length) {
    new window.Chart(reached, {
      type: "line",
      data: {
        labels: data.months,
        datasets: data.series.map(function (series, index) {
          return {
            label: series.label,
            data: series.values,
            borderColor: colours[index % colours.length],
            backgroundColor: colours[index % colours.length],
            pointStyle: ["circle", "rect", "triangle"][index % 3],
            borderDash: [[], [6, 3], [2, 2]][index % 3],
          };
        }),
      },
      options: Object.assign({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }, common),
    });
  }
  var phases = document.getElementById("phase-chart");
  if (phases) {
    new window.Chart(phases, {
      type: "bar",
      data: {
        labels: data.phases.labels,
        datasets: [{ label: "", data: data.phases.values, backgroundColor: colours[0] }],
      },
      options: Object.assign(
        { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        common
      ),
    });
  }
  var activity = document.getElementById("activity-chart");
  if (activity && data.activity.months.length) {
    new window.Chart(activity, {
      type: "bar",
      data: {
        labels: data.activity.months,
        datasets: data.activity.series.map(function (series, index) {
          return {
            label: series.label,
            data: series.values,
            backgroundColor: activityColours[index % activityColours.length],
          };
        }),
      },
      options: Object.assign({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }, common),
    });
  }
})();
