"""The rules of quizzes and certificates, as plain functions without the database.

The models and services call these (``Lesson.passes``, ``Question.is_answered_right``,
``Certificate.is_valid``, ``quiz_attempt_submit``, ``certificate_issue``), so that each rule
lives in one place and its tests (and mutation testing, docs/testing.md) need no database.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable
from datetime import datetime

# QuestionKind.MULTIPLE (models imports this module, not the other way round).
MORE_ANSWERS = "multiple"


def answer_count_allowed(*, kind: str, chosen: Collection[int]) -> bool:
    """Only a question with more answers takes more than one option."""
    return kind == MORE_ANSWERS or len(chosen) <= 1


def answered_right(*, chosen: Iterable[int], correct: Iterable[int]) -> bool:
    """Right only when exactly the correct options are chosen: every one of them (for a
    question with more answers) and nothing else."""
    return set(chosen) == set(correct)


def quiz_score(*, correct: int, questions: int) -> int:
    """The percentage of questions answered right, rounded; 0 for a quiz without questions."""
    return round(100 * correct / (questions or 1))


def passes(*, score: int, pass_mark: int) -> bool:
    """A quiz score (percentage) at or above the pass mark passes."""
    return score >= pass_mark


def attempts_left(*, max_attempts: int | None, used: int) -> int | None:
    """Attempts still allowed at a quiz; None when there is no maximum."""
    if max_attempts is None:
        return None
    return max(max_attempts - used, 0)


def certificate_expiry(issued: datetime, months: int) -> datetime:
    """The moment a certificate issued at ``issued`` stops being valid: the same day and
    time ``months`` later, or the last day of that month when it is shorter."""
    month = issued.month - 1 + months
    year, month = issued.year + month // 12, month % 12 + 1
    day = min(issued.day, calendar.monthrange(year, month)[1])
    return issued.replace(year=year, month=month, day=day)


def certificate_valid(
    *,
    revoked_at: datetime | None,
    expired_at: datetime | None,
    expires_at: datetime,
    now: datetime,
) -> bool:
    """Valid when not revoked, not marked expired, and its expiry moment is still to come:
    from that moment on it is expired, whether or not the daily task has marked it yet."""
    return revoked_at is None and expired_at is None and expires_at > now
