"""Every write of the practice environment: importing cases and storing attempts.

The privacy check page writes nothing; only exercises on fictional cases are stored.
"""

from __future__ import annotations

from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.practice.content import CaseData
from carai.practice.models import Case, Exercise, PracticeAttempt
from carai.practice.scoring import output_review, score_output, score_privacy


@transaction.atomic
def case_import(*, data: CaseData) -> tuple[Case, bool]:
    """Create or update a case; returns (case, changed). Attempts on it are kept."""
    digest = data.content_hash()
    case = Case.objects.filter(key=data.key, language=data.language).first()
    if case is not None and case.content_hash == digest and case.is_active:
        return case, False
    case = case or Case(key=data.key, language=data.language)
    case.title = data.title
    case.branch = data.branch
    case.setting = data.setting
    case.data = asdict(data)
    case.content_hash = digest
    case.is_active = True
    case.full_clean()
    case.save()
    return case, True


@transaction.atomic
def practice_privacy_submit(*, user: User, case: Case, prepared: str) -> PracticeAttempt:
    data = case.as_data()
    result = score_privacy(data, prepared)
    return PracticeAttempt.objects.create(
        user=user,
        case=case,
        exercise=Exercise.PRIVACY,
        answer={"text": prepared},
        feedback={
            "missed": [asdict(i) for i in result.missed],
            "over_removed": result.over_removed,
            "removed": len(result.removed),
            "kept": len(result.kept),
            "model_answer": data.model_answer,
        },
        score=result.score,
        passed=result.passed,
    )


@transaction.atomic
def practice_output_submit(
    *, user: User, case: Case, output_number: int, ticked: set[int]
) -> PracticeAttempt:
    """Score the ticked units of one AI answer; the attempt keeps the answer as it was shown
    and what was ticked, so its feedback stays right when the case changes later."""
    outputs = case.as_data().ai_outputs
    if not 0 <= output_number < len(outputs):
        raise ValidationError(_("This case has no such AI answer."))
    output = outputs[output_number]
    if not ticked <= set(range(len(output.units))):
        raise ValidationError(_("A ticked sentence is not part of this answer."))
    result = score_output(output, ticked)
    return PracticeAttempt.objects.create(
        user=user,
        case=case,
        exercise=Exercise.OUTPUT,
        output_number=output_number,
        answer={"ticked": sorted(ticked)},
        feedback={
            "blocks": output_review(output, ticked),
            "found": len(result.found),
            "missed": len(result.missed),
            "false_alarms": len(result.false_alarms),
        },
        score=result.score,
        passed=result.passed,
    )
