"""Fictional practice cases and each learner's attempts at their exercises."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carai.community.models import CareBranch
from carai.core.markdown import render_markdown
from carai.practice.content import CaseData, case_from_mapping


class Case(models.Model):
    """A made-up client situation with a dossier extract and an AI task (from a content pack)."""

    key = models.SlugField(max_length=80)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    branch = models.CharField(_("care branch"), max_length=20, choices=CareBranch.choices)
    setting = models.CharField(_("setting"), max_length=100, blank=True)
    data = models.JSONField(default=dict)  # the whole case as read from its file
    situation_html = models.TextField(blank=True, editable=False)  # made on save
    content_hash = models.CharField(max_length=64)
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("practice case")
        verbose_name_plural = _("practice cases")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="one_case_per_language")
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.situation_html = render_markdown(str(self.data.get("situation", "")))
        super().save(*args, **kwargs)

    def as_data(self) -> CaseData:
        """The case as stored, checked by the same rules as its file (CaseError if not)."""
        return case_from_mapping(dict(self.data), f"case {self.key} ({self.language})")


class Exercise(models.TextChoices):
    PRIVACY = "privacy", _("Prepare a text for AI")
    OUTPUT = "output", _("Check what the AI wrote")


class ProblemKind(models.TextChoices):
    """The kinds of problems planted in an AI answer (content.PROBLEM_KINDS), in words."""

    INVENTED = "invented", _("made up, not in the dossier")
    OMISSION = "omission", _("something important is missing")
    DOSE = "dose", _("wrong dose or amount")
    BIAS = "bias", _("judgement or prejudice")
    SOURCE = "source", _("made-up source or rule")


class PracticeAttempt(models.Model):
    """One try at an exercise. Private to the learner; managers see completion only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="practice_attempts"
    )
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attempts")
    exercise = models.CharField(max_length=20, choices=Exercise.choices)
    output_number = models.PositiveIntegerField(default=0)
    answer = models.JSONField(default=dict)  # the prepared text, or the ticked unit numbers
    feedback = models.JSONField(default=dict)  # what the feedback page shows, kept as it was
    score = models.PositiveIntegerField()
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} · {self.case} · {self.exercise} · {self.score}%"
