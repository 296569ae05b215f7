"""Edge values of the rules, written so that the planted bugs of issue 22 fail them.

Each test names the bug it is there to catch. Every one was checked by planting that bug by
hand and seeing the test fail (see the commit message). All data is fictional.
"""

from __future__ import annotations

import datetime
import pickle
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from carai.community.access import access_organisation
from carai.community.models import Membership, Role
from carai.core.engine import privacy_engine_warm_up
from carai.learning.demo import finish_lesson
from carai.learning.models import Certificate, Enrolment, Lesson, Module, Option, QuizAttempt
from carai.learning.selectors import correct_answers
from carai.learning.services.progress import enrolment_can_renew, enrolment_start
from carai.learning.services.quiz import quiz_attempt_start, quiz_attempt_submit
from tests.conftest import World, client_for

# --- The access door: deactivated organisations and memberships, outsiders -----------------


def _organisation_pages(slug: str) -> list[str]:
    return [
        reverse("community:organisation_detail", kwargs={"slug": slug}),
        reverse("community:member_list", kwargs={"slug": slug}),
        reverse("community:audit_log", kwargs={"slug": slug}),
        reverse("learning:team", kwargs={"slug": slug}),
        reverse("register:home", kwargs={"slug": slug}),
    ]


def test_members_reach_their_organisations_pages(world: World) -> None:
    """The baseline the tests below depend on: the admin of A opens every page of A."""
    client = client_for(world.org_admin)
    for url in _organisation_pages(world.org_a.slug):
        assert client.get(url).status_code == 200, url


def test_a_deactivated_organisations_pages_are_404_for_its_own_members(world: World) -> None:
    """Catches: the ``is_active`` filter dropped from the access door."""
    world.org_a.is_active = False
    world.org_a.save(update_fields=["is_active"])
    for person in (world.org_admin, world.manager, world.care_worker, world.privacy_officer):
        client = client_for(person)
        for url in _organisation_pages(world.org_a.slug):
            assert client.get(url).status_code == 404, (person.email, url)
    with pytest.raises(Http404):
        access_organisation(user=world.org_admin, slug=world.org_a.slug)


def test_an_ended_membership_opens_nothing(world: World) -> None:
    """Catches: the door counting ended memberships (``active()`` dropped)."""
    membership = Membership.objects.get(user=world.org_admin, organisation=world.org_a)
    # A second admin, so that ending this membership is allowed.
    Membership.objects.create(user=world.manager, organisation=world.org_a, role=Role.ORG_ADMIN)
    Membership.objects.filter(pk=membership.pk).update(ended_at=timezone.now())
    client = client_for(world.org_admin)
    for url in _organisation_pages(world.org_a.slug):
        assert client.get(url).status_code == 404, url


def test_a_member_without_the_role_and_an_outsider_get_404_never_403(world: World) -> None:
    """Outsiders must not learn that the page exists: 404, not 403, and not 200."""
    member_list = reverse("community:member_list", kwargs={"slug": world.org_a.slug})
    assert client_for(world.care_worker).get(member_list).status_code == 404
    for url in _organisation_pages(world.org_a.slug):
        assert client_for(world.outsider).get(url).status_code == 404, url
        assert client_for(world.outsider_admin).get(url).status_code == 404, url
    unknown = reverse("community:organisation_detail", kwargs={"slug": "bestaat-niet"})
    assert client_for(world.org_admin).get(unknown).status_code == 404


# --- Quizzes: more answers, partial answers, exactly the pass mark ------------------------


def _attempt(module: Module, world: World) -> QuizAttempt:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    return quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))


def _multiple_question_id(attempt: QuizAttempt) -> int:
    return attempt.lesson.questions.get(kind="multiple").pk


def test_a_question_with_more_answers_needs_every_right_option_and_no_wrong_one(
    module: Module, world: World
) -> None:
    """Catches: credit for any one right option (or for all options ticked)."""
    question = module.lessons.get(kind="quiz").questions.get(kind="multiple")
    right = [o.pk for o in question.options.all() if o.is_correct]
    wrong = [o.pk for o in question.options.all() if not o.is_correct]
    assert len(right) == 2
    assert wrong
    assert question.is_answered_right(right)
    assert not question.is_answered_right(right[:1])  # partial: one of two right options
    assert not question.is_answered_right(right[1:])
    assert not question.is_answered_right([*right, *wrong])  # every option ticked
    assert not question.is_answered_right([])
    assert not question.is_answered_right(wrong)


def test_a_partial_answer_scores_no_credit_through_the_service(
    module: Module, world: World
) -> None:
    attempt = _attempt(module, world)
    answers = correct_answers(question_ids=attempt.question_order)
    multiple = _multiple_question_id(attempt)
    answers[multiple] = answers[multiple][:1]
    attempt = quiz_attempt_submit(attempt=attempt, answers=answers)
    assert (attempt.score, attempt.passed) == (67, False)  # 2 of 3 right, pass mark 70
    assert attempt.answers[str(multiple)] == answers[multiple]


def test_the_pass_mark_itself_passes_and_one_below_fails(module: Module, world: World) -> None:
    """Catches: ``>=`` turned into ``>`` (or into ``<``)."""
    lesson = Lesson(pass_mark=70)
    assert lesson.passes(70)
    assert lesson.passes(71)
    assert lesson.passes(100)
    assert not lesson.passes(69)
    assert not lesson.passes(0)
    assert Lesson(pass_mark=0).passes(0)


@pytest.mark.parametrize(("pass_mark", "passed"), [(66, True), (67, True), (68, False)])
def test_a_score_equal_to_the_pass_mark_passes_through_the_service(
    module: Module, world: World, pass_mark: int, passed: bool
) -> None:
    Lesson.objects.filter(module=module, kind="quiz").update(pass_mark=pass_mark)
    attempt = _attempt(module, world)
    answers = correct_answers(question_ids=attempt.question_order)
    multiple = _multiple_question_id(attempt)
    answers[multiple] = answers[multiple][:1]  # one of three questions wrong: 67
    attempt = quiz_attempt_submit(attempt=attempt, answers=answers)
    assert attempt.score == 67
    assert attempt.passed is passed
    enrolment = Enrolment.objects.get(pk=attempt.enrolment_id)
    assert enrolment.current_progress().filter(lesson=attempt.lesson).exists() is passed


def test_an_option_of_another_question_is_never_credit(module: Module, world: World) -> None:
    attempt = _attempt(module, world)
    answers = correct_answers(question_ids=attempt.question_order)
    multiple = _multiple_question_id(attempt)
    other = Option.objects.exclude(question_id=multiple).filter(is_correct=True).first()
    assert other is not None
    answers[multiple] = [*answers[multiple], other.pk]
    with pytest.raises(ValidationError):
        quiz_attempt_submit(attempt=attempt, answers=answers)
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert attempt.score is None


# --- Certificates: expiry by date, whether or not the daily task has run -------------------


@pytest.fixture
def certificate(module: Module, world: World) -> Certificate:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    for lesson in module.lessons.filter(is_active=True).order_by("order"):
        finish_lesson(enrolment, lesson)
    return Certificate.objects.get(user=world.care_worker, module=module)


def test_a_certificate_past_its_date_is_expired_before_the_daily_task_runs(
    certificate: Certificate, world: World
) -> None:
    """Catches: validity read from ``expired_at`` (set by the daily task) instead of the date."""
    assert certificate.is_valid
    verify = reverse("learning:certificate_verify", args=[certificate.code])
    with freeze_time(certificate.expires_at - datetime.timedelta(seconds=1)):
        assert Certificate.objects.get(pk=certificate.pk).is_valid
    with freeze_time(certificate.expires_at + datetime.timedelta(days=1)):
        stored = Certificate.objects.get(pk=certificate.pk)
        assert stored.expired_at is None  # the daily task has not run
        assert not stored.is_valid
        public = client_for(None).get(verify).content.decode()
        assert "verlopen op" in public
        assert "geldig tot" not in public
        own = client_for(world.care_worker).get(
            reverse("learning:certificate_detail", kwargs={"certificate_id": certificate.pk})
        )
        assert "verlopen op" in own.content.decode()
        enrolment = Enrolment.objects.get(user=world.care_worker, module=certificate.module)
        assert enrolment_can_renew(enrolment=enrolment)


def test_the_expiry_moment_itself_is_expired(certificate: Certificate) -> None:
    with freeze_time(certificate.expires_at):
        assert not Certificate.objects.get(pk=certificate.pk).is_valid


# --- The Privacycheck keeps nothing: not in the database, the session or the cache --------

SECRET = "Mevrouw Wilhelmina Testpersoon (84), BSN 123.456.782, dochter 06-12345678."


def _cache_contents() -> list[Any]:
    """Every value in the test cache (the local-memory backend keeps them pickled)."""
    assert str(settings.CACHES["default"]["BACKEND"]).endswith("LocMemCache")
    stored = cache._cache.values()  # type: ignore[attr-defined]
    return [pickle.loads(value) for value in stored]  # noqa: S301 - the test's own cache


def test_the_privacy_check_keeps_no_text_in_the_cache(world: World) -> None:
    """Catches: the text (or its result) kept in the cache, e.g. to speed up a second check."""
    privacy_engine_warm_up(wait=True)
    client = client_for(world.care_worker)
    response = client.post(reverse("practice:privacy_check"), {"text": SECRET})
    assert response.status_code == 200
    assert "[BSN" in response.content.decode()  # the check really ran
    contents = _cache_contents()
    assert contents  # the session (cached_db) is there: the inspection sees what is kept
    dumped = " ".join(repr(value) for value in contents)
    for fragment in ("Testpersoon", "123.456.782", "06-12345678", "Wilhelmina"):
        assert fragment not in dumped


# --- Gaps found by mutation testing of community/access.py (docs/testing.md) -------------


def test_an_admin_cannot_reach_another_organisations_member_or_invitation(world: World) -> None:
    from tests.factories import InvitationFactory

    admin = client_for(world.org_admin)
    theirs = Membership.objects.get(user=world.outsider, organisation=world.org_b)
    role_url = reverse(
        "community:membership_role", kwargs={"slug": world.org_a.slug, "membership_id": theirs.pk}
    )
    assert admin.post(role_url, {"role": Role.MANAGER}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.role == Role.PROFESSIONAL
    other = InvitationFactory.create(
        organisation=world.org_b, email="iemand@zorg-b.example", invited_by=world.outsider_admin
    )
    revoke = reverse(
        "community:invitation_revoke",
        kwargs={"slug": world.org_a.slug, "invitation_id": other.pk},
    )
    assert admin.post(revoke).status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None


def test_an_invitation_link_with_a_wrong_token_is_404(world: World) -> None:
    invitation = world.open_invitation
    wrong = reverse(
        "community:invitation_accept",
        kwargs={"public_id": invitation.public_id, "token": "niet-de-goede-sleutel"},
    )
    assert client_for(None).get(wrong).status_code == 404


def test_the_lead_pages_are_404_for_an_active_person_who_is_not_the_lead(world: World) -> None:
    url = reverse("community:lead_organisation_list")
    assert client_for(world.org_admin).get(url).status_code == 404
    assert client_for(world.lead).get(url).status_code == 200
