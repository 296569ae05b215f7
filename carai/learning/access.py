"""The one door to learning objects: modules a user may see, and only their own progress."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from carai.accounts.models import User
from carai.community.access import AUTHOR_ROLES
from carai.community.models import Membership, Organisation
from carai.core.prepared import PreparedRead
from carai.learning.models import (
    Assignment,
    Certificate,
    Enrolment,
    Lesson,
    Module,
    ModuleQuerySet,
    ModuleStatus,
    Question,
    QuizAttempt,
    WorkshopSession,
)


def modules_visible_to(*, user: User) -> ModuleQuerySet:
    """Published modules of the whole community, those the lead shared with everyone, and
    those owned by the user's organisations."""
    organisation_ids = Membership.objects.active().filter(user=user).values("organisation_id")
    return Module.objects.usable_by(organisation_ids=organisation_ids)


def authoring_organisations(*, user: User) -> list[Organisation]:
    """Organisations whose modules the user writes (as their educator)."""
    return [
        m.organisation
        for m in Membership.objects.active()
        .filter(user=user, role__in=AUTHOR_ROLES, organisation__is_active=True)
        .select_related("organisation")
        .order_by("organisation__name")
    ]


def modules_authored_by(*, user: User) -> ModuleQuerySet:
    """Every module (drafts and working copies too) of the organisations the user writes for."""
    organisation_ids = (
        Membership.objects.active().filter(user=user, role__in=AUTHOR_ROLES)
    ).values("organisation_id")
    return Module.objects.filter(owner_id__in=organisation_ids)


def access_authoring_module(*, user: User, module_id: int) -> Module:
    """A module, draft or working copy, of an organisation the user is an educator of."""
    module = (
        modules_authored_by(user=user)
        .select_related("owner", "draft_of")
        .filter(pk=module_id)
        .first()
    )
    if module is None:
        raise Http404("No such module.")
    return module


def access_authoring_lesson(*, module: Module, lesson_id: int) -> Lesson:
    lesson = module.lessons.filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404("No such lesson.")
    return lesson


def access_authoring_question(*, lesson: Lesson, question_id: int) -> Question:
    question = lesson.questions.prefetch_related("options").filter(pk=question_id).first()
    if question is None:
        raise Http404("No such question.")
    return question


def access_module_for_sharing(*, user: User, module_id: int) -> Module:
    """For the community lead: a published module of an organisation, to read and share."""
    module = (
        Module.objects.published()
        .filter(pk=module_id, owner__isnull=False)
        .select_related("owner")
        .first()
        if user.is_active and user.is_community_lead
        else None
    )
    if module is None:
        raise Http404("No such module.")
    return module


def access_session_to_run(*, user: User, session_id: int) -> WorkshopSession:
    """A workshop session of an organisation the user is an educator of."""
    session = (
        WorkshopSession.objects.select_related("lesson__module", "organisation")
        .filter(
            pk=session_id,
            organisation__memberships__user=user,
            organisation__memberships__role__in=AUTHOR_ROLES,
            organisation__memberships__ended_at__isnull=True,
        )
        .first()
    )
    if session is None:
        raise Http404("No such session.")
    return session


def access_session_to_join(*, user: User, module: Module, session_id: int) -> WorkshopSession:
    """A session of one of the user's organisations, for a lesson of a module they can see."""
    session = (
        WorkshopSession.objects.select_related("lesson", "organisation")
        .filter(
            pk=session_id,
            lesson__module=module,
            cancelled_at__isnull=True,
            organisation__memberships__user=user,
            organisation__memberships__ended_at__isnull=True,
        )
        .first()
    )
    if session is None or module.status != ModuleStatus.PUBLISHED:
        raise Http404("No such session.")
    return session


def access_module(*, user: User, module_id: int) -> Module:
    module = modules_visible_to(user=user).filter(pk=module_id).first()
    if module is None:
        raise Http404("No such module.")
    return module


def access_lesson(*, module: Module, lesson_id: int) -> Lesson:
    lesson = module.lessons.filter(pk=lesson_id, is_active=True).first()
    if lesson is None:
        raise Http404("No such lesson.")
    return lesson


def access_own_enrolment(*, user: User, module: Module) -> Enrolment:
    enrolment = Enrolment.objects.filter(user=user, module=module).first()
    if enrolment is None:
        raise Http404("Not enrolled.")
    return enrolment


_OWN_ATTEMPT = PreparedRead(
    "own_attempt",
    lambda attempt_id, user_id: (
        QuizAttempt.objects.select_related("enrolment__module", "lesson")
        .filter(pk=attempt_id, enrolment__user_id=user_id)
        .order_by()
    ),
    arity=2,
)


def access_own_attempt(*, user: User, attempt_id: int) -> QuizAttempt:
    """A quiz attempt of the user themself; anyone else's attempt is 404."""
    # The query is built once per connection (``_OWN_ATTEMPT``): one row by its key, with
    # its enrolment, module and lesson, and no ordering.
    found = _OWN_ATTEMPT.rows(int(attempt_id), user.pk)
    if not found:
        raise Http404("No such attempt.")
    attempt = found[0]
    # Rows this query has already read, so that handing in (the lesson finished, the
    # learning record) reads neither again: the learner is ``user`` (the filter says so),
    # and a quiz lesson belongs to the module of the enrolment it is started in.
    attempt.enrolment.user = user
    if attempt.lesson.module_id == attempt.enrolment.module_id:
        attempt.lesson.module = attempt.enrolment.module
    return attempt


def access_own_certificate(*, user: User, certificate_id: int) -> Certificate:
    certificate = (
        Certificate.objects.select_related("module").filter(pk=certificate_id, user=user).first()
    )
    if certificate is None:
        raise Http404("No such certificate.")
    return certificate


def access_certificate_by_code(*, code: str) -> Certificate:
    """Public check: whoever has the code (printed on the certificate) may see it."""
    certificate = (
        Certificate.objects.select_related("module").filter(code=code.strip().upper()).first()
    )
    if certificate is None:
        raise Http404("No such certificate.")
    return certificate


def access_lesson_image(*, user: User, lesson_id: int) -> Lesson:
    """The image of a lesson the user may read: as a learner, as its author, or as the lead."""
    readable = Q(module__in=modules_visible_to(user=user)) | Q(
        module__in=modules_authored_by(user=user)
    )
    if user.is_community_lead:
        readable |= Q(module__in=Module.objects.published())
    lesson = Lesson.objects.filter(readable, pk=lesson_id).exclude(image="").first()
    if lesson is None:
        raise Http404("No such image.")
    return lesson


def access_assignment(*, organisation: Organisation, assignment_id: int) -> Assignment:
    """An assignment of ``organisation`` that still holds. Call after ``access_organisation``
    with the team-learning roles."""
    assignment = (
        Assignment.objects.active()
        .select_related("module", "user")
        .filter(pk=assignment_id, organisation=organisation)
        .first()
    )
    if assignment is None:
        raise Http404("No such assignment.")
    return assignment
