"""Targets the community reports on, and the stored key figures per choice of filters."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class KpiKey(models.TextChoices):
    PROFESSIONALS = "professionals", _("Care professionals reached")
    STUDENTS = "students", _("Students reached")
    EDUCATORS = "educators", _("Educators and researchers reached")
    USE_CASES = "use_cases", _("Use cases")
    MODULES = "modules", _("Learning modules")


KPI_DEFAULT_TARGETS = {
    KpiKey.PROFESSIONALS: 800,
    KpiKey.STUDENTS: 400,
    KpiKey.EDUCATORS: 50,
    KpiKey.USE_CASES: 9,
    KpiKey.MODULES: 9,
}


class KpiTarget(models.Model):
    """A target the community reports on to its funders; set by the community lead."""

    key = models.CharField(max_length=20, choices=KpiKey.choices, unique=True)
    value = models.PositiveIntegerField(_("target"))

    def __str__(self) -> str:
        return f"{self.key}: {self.value}"


class KpiDataVersion(models.Model):
    """One row whose number goes up whenever something the key figures count changes
    (see ``carai.kpis.store``): stored figures of an older number are outdated."""

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)


class KpiSnapshot(models.Model):
    """The key figures for one choice of filters, as last computed. Labels and targets are
    not stored: the page adds them in the reader's language."""

    key = models.CharField(max_length=200, unique=True)  # KpiFilters.key()
    figures = models.JSONField(default=dict)
    data_version = models.PositiveBigIntegerField(null=True)  # what the figures show
    computed_at = models.DateTimeField(null=True)
    seconds = models.FloatField(default=0)  # how long the last computation took
    requested_version = models.PositiveBigIntegerField(null=True)  # a refresh is on its way
    requested_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.key
