// Charts of the AI maturity self-assessment. The data comes from a JSON script element (no
// inline script: the Content-Security-Policy forbids it); each chart has a table beside it
// with the same figures, so the chart is a visual extra.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }
  var colours = ["#0b5e6b", "#b34700", "#5b3f8c", "#3d6b1f", "#8c1d40", "#2f4f8f"];
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var common = { responsive: true, animation: reduced ? false : undefined, maintainAspectRatio: false };
  // The answers to one survey question: one bar per answer (the table beside it has the counts).
  document.querySelectorAll("canvas[data-insights-source]").forEach(function (item) {
    var itemSource = document.getElementById(item.getAttribute("data-insights-source"));
    if (!itemSource) {
      return;
    }
    var itemData = JSON.parse(itemSource.textContent);
    new window.Chart(item, {
      type: "bar",
      data: { labels: itemData.labels, datasets: [{ label: "", data: itemData.values, backgroundColor: colours[0] }] },
      options: Object.assign(
        { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        common
      ),
    });
  });
  var source = document.getElementById("carai-insights-data");
  var canvas = document.getElementById("insights-chart");
  if (!source || !canvas) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var scale = { y: { beginAtZero: true, max: data.max, ticks: { precision: 0, stepSize: 1 } } };
  if (data.kind === "levels") {
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: "", data: data.values, backgroundColor: colours[0] }] },
      options: Object.assign({ plugins: { legend: { display: false } }, scales: scale }, common),
    });
  } else if (data.kind === "change") {
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.before, data: data.pre, backgroundColor: colours[1] },
          { label: data.after, data: data.post, backgroundColor: colours[0] },
        ],
      },
      options: Object.assign({ scales: { y: { beginAtZero: true } } }, common),
    });
  } else if (data.kind === "growth") {
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, index) {
          return {
            label: series.label,
            data: series.values,
            borderColor: colours[index % colours.length],
            backgroundColor: colours[index % colours.length],
            pointStyle: ["circle", "rect", "triangle", "rectRot", "star", "cross"][index % 6],
          };
        }),
      },
      options: Object.assign({ scales: scale }, common),
    });
  }
})();
