"""The quiz and certificate rules (``carai.learning.rules``) on their own, edge values first.
No database: these are the rules the models and services call."""

from __future__ import annotations

import datetime

import pytest

from carai.learning.rules import (
    answer_count_allowed,
    answered_right,
    attempts_left,
    certificate_expiry,
    certificate_valid,
    passes,
    quiz_score,
)

UTC = datetime.UTC


def test_only_a_question_with_more_answers_takes_more_than_one_option() -> None:
    for kind in ("single", "true_false"):
        assert answer_count_allowed(kind=kind, chosen=set())
        assert answer_count_allowed(kind=kind, chosen={4})
        assert not answer_count_allowed(kind=kind, chosen={4, 5})
    assert answer_count_allowed(kind="multiple", chosen={4, 5, 6})
    assert answer_count_allowed(kind="multiple", chosen=set())


@pytest.mark.parametrize(
    ("chosen", "right"),
    [
        ([1, 2], True),  # every right option
        ([2, 1, 1], True),  # order and repeats do not matter
        ([1], False),  # one right option of two: no credit
        ([1, 2, 3], False),  # a wrong one ticked as well
        ([3], False),
        ([], False),
    ],
)
def test_right_only_with_exactly_the_correct_options(chosen: list[int], right: bool) -> None:
    assert answered_right(chosen=chosen, correct=[1, 2]) is right


def test_a_score_is_the_rounded_percentage_of_right_answers() -> None:
    assert quiz_score(correct=3, questions=3) == 100
    assert quiz_score(correct=2, questions=3) == 67  # 66.7 rounds up
    assert quiz_score(correct=1, questions=3) == 33
    assert quiz_score(correct=1, questions=8) == 12  # 12.5 rounds to even
    assert quiz_score(correct=0, questions=4) == 0
    assert quiz_score(correct=0, questions=0) == 0  # no division by zero


def test_exactly_the_pass_mark_passes_and_one_below_fails() -> None:
    assert passes(score=70, pass_mark=70)
    assert not passes(score=69, pass_mark=70)
    assert passes(score=100, pass_mark=70)
    assert passes(score=0, pass_mark=0)


def test_attempts_left_counts_down_to_zero_and_is_none_without_a_maximum() -> None:
    assert attempts_left(max_attempts=None, used=5) is None
    assert attempts_left(max_attempts=3, used=0) == 3
    assert attempts_left(max_attempts=3, used=2) == 1
    assert attempts_left(max_attempts=3, used=3) == 0
    assert attempts_left(max_attempts=3, used=4) == 0  # never below zero


@pytest.mark.parametrize(
    ("issued", "months", "expires"),
    [
        ((2026, 3, 15), 24, (2028, 3, 15)),
        ((2026, 3, 15), 12, (2027, 3, 15)),
        ((2026, 11, 30), 1, (2026, 12, 30)),  # into December, same year
        ((2026, 12, 5), 1, (2027, 1, 5)),  # over the turn of the year
        ((2026, 1, 31), 1, (2026, 2, 28)),  # a shorter month: its last day
        ((2027, 1, 31), 13, (2028, 2, 29)),  # a leap year
        ((2028, 2, 29), 12, (2029, 2, 28)),
        ((2026, 5, 31), 0, (2026, 5, 31)),
    ],
)
def test_a_certificate_expires_months_after_it_was_issued(
    issued: tuple[int, int, int], months: int, expires: tuple[int, int, int]
) -> None:
    moment = datetime.datetime(*issued, 14, 30, 5, tzinfo=UTC)
    assert certificate_expiry(moment, months) == datetime.datetime(*expires, 14, 30, 5, tzinfo=UTC)


def test_a_certificate_is_valid_until_its_expiry_moment() -> None:
    expires = datetime.datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
    second = datetime.timedelta(seconds=1)

    def valid(now: datetime.datetime, **kwargs: datetime.datetime | None) -> bool:
        found: dict[str, datetime.datetime | None] = {"revoked_at": None, "expired_at": None}
        return certificate_valid(expires_at=expires, now=now, **{**found, **kwargs})

    assert valid(expires - second)
    assert not valid(expires)  # the expiry moment itself is expired
    assert not valid(expires + second)  # also before the daily task marks it
    earlier = expires - datetime.timedelta(days=30)
    assert not valid(earlier, revoked_at=earlier)
    assert not valid(earlier, expired_at=earlier)
