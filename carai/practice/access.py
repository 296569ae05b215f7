"""The one door to practice objects: cases are shared with every member; attempts are the
learner's own."""

from __future__ import annotations

from django.http import Http404

from carai.accounts.models import User
from carai.practice.models import Case, PracticeAttempt


def access_case(*, case_id: int) -> Case:
    case = Case.objects.filter(pk=case_id, is_active=True).first()
    if case is None:
        raise Http404("No such case.")
    return case


def access_own_practice_attempt(*, user: User, attempt_id: int) -> PracticeAttempt:
    attempt = (
        PracticeAttempt.objects.select_related("case").filter(pk=attempt_id, user=user).first()
    )
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt
