"""Reads for the practice environment. The privacy check writes nothing at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import IntegerField, QuerySet, Value, When
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from carai.accounts.models import User
from carai.community.models import Membership
from carai.practice.models import Case, PracticeAttempt, ProblemKind
from carai.privacy import NO_PERSONAL_DATA, PERSONAL_DATA, Result, Span

LABEL_NAMES: dict[str, Promise] = {
    "naam": _("name"),
    "datum": _("date"),
    "leeftijd": _("age"),
    "adres": _("address"),
    "postcode": _("postcode"),
    "plaats": _("place"),
    "instelling": _("organisation"),
    "bsn": _("BSN"),
    "telefoon": _("phone number"),
    "email": _("e-mail address"),
    "nummer": _("client or record number"),
    "iban": _("bank account (IBAN)"),
    "agb": _("AGB code"),
    "url": _("web address"),
    "kenteken": _("licence plate"),
}
VERDICTS: dict[str, Promise] = {
    NO_PERSONAL_DATA: _("We found no personal data. Still read it once more yourself."),
    PERSONAL_DATA: _(
        "This text contains personal data. Do not put it into an AI tool like this: use the "
        "version without personal data below."
    ),
}
SPECIAL_VERDICT = _(
    "This text contains health information together with personal data: special personal "
    "data. Never put it into an AI tool like this. Use the version without personal data "
    "below, and only in a tool your organisation allows."
)


@dataclass(frozen=True)
class Piece:
    text: str
    span: Span | None
    label_name: str = ""


def result_pieces(result: Result) -> list[Piece]:
    """The text cut into plain pieces and found pieces, in order, for highlighting."""
    pieces: list[Piece] = []
    position = 0
    for span in result.spans:
        if span.start > position:
            pieces.append(Piece(result.text[position : span.start], None))
        pieces.append(Piece(span.text, span, str(LABEL_NAMES.get(span.label, span.label))))
        position = span.end
    if position < len(result.text):
        pieces.append(Piece(result.text[position:], None))
    return pieces


def verdict_text(result: Result) -> str:
    return str(VERDICTS.get(result.verdict, SPECIAL_VERDICT))


def practice_passed_by(*, user_ids: list[int]) -> dict[int, tuple[int, date | None]]:
    """For a manager, per person: how many practice exercises they passed (per case,
    exercise and AI output, at least once) and on which day last. Never scores, answers or
    failed tries. One query for these people (a page of the member table)."""
    passed: dict[int, set[tuple[int, str, int]]] = {}
    last: dict[int, date] = {}
    attempts = PracticeAttempt.objects.filter(user_id__in=user_ids, passed=True).values_list(
        "user_id", "case_id", "exercise", "output_number", "created_at"
    )
    for user_id, case_id, exercise, output_number, created_at in attempts:
        passed.setdefault(user_id, set()).add((case_id, exercise, output_number))
        day = timezone.localdate(created_at)
        if user_id not in last or day > last[user_id]:
            last[user_id] = day
    return {user_id: (len(done), last.get(user_id)) for user_id, done in passed.items()}


@dataclass(frozen=True)
class ReviewUnit:
    """One unit of an AI answer on the feedback page: what it said, whether the learner
    ticked it, and its problem (if any) with the explanation."""

    text: str
    ticked: bool
    problem: str
    explanation: str

    @property
    def status(self) -> str:
        """found | missed | false_alarm | right"""
        if self.problem:
            return "found" if self.ticked else "missed"
        return "false_alarm" if self.ticked else "right"

    @property
    def problem_name(self) -> str:
        return str(ProblemKind(self.problem).label) if self.problem else ""


@dataclass(frozen=True)
class ReviewBlock:
    heading: str
    units: list[ReviewUnit]


def output_attempt_review(attempt: PracticeAttempt) -> list[ReviewBlock]:
    """The AI answer of an output attempt as it was shown, from the attempt itself."""
    return [
        ReviewBlock(
            heading=str(block.get("heading", "")),
            units=[
                ReviewUnit(
                    text=str(unit["text"]),
                    ticked=bool(unit["ticked"]),
                    problem=str(unit.get("problem", "")),
                    explanation=str(unit.get("explanation", "")),
                )
                for unit in block.get("units", [])
            ],
        )
        for block in attempt.feedback.get("blocks", [])
    ]


def privacy_attempt_missed(attempt: PracticeAttempt) -> list[tuple[str, str]]:
    """What still identified the client in a privacy attempt: (text, kind in words)."""
    return [
        (str(item["text"]), str(LABEL_NAMES.get(item["label"], item["label"])))
        for item in attempt.feedback.get("missed", [])
    ]


def cases_for(*, user: User, language: str) -> QuerySet[Case]:
    """The active practice cases, those of the person's own care branch (the branch of their
    organisations) first, each with ``own_branch``."""
    branches = (
        Membership.objects.active()
        .filter(user=user, organisation__is_active=True)
        .exclude(organisation__care_branch="")
        .values("organisation__care_branch")
    )
    return (
        Case.objects.filter(is_active=True, language=language)
        .annotate(
            own_branch=models.Case(
                When(branch__in=branches, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-own_branch", "branch", "title")
    )
