"""Signal receivers of learning, connected in ``LearningConfig.ready``.

They outdate the team page's cached figures (``team.team_figures``) and member table when a
write changes what they show: who is a member, who started or finished which module, what
was asked of whom, a module's title, a person's name, the practice exercises someone passed.
"""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.community.models import Membership
from carai.core.cache import scopes_changed
from carai.learning.catalogue import learner_scope
from carai.learning.models import Assignment, Certificate, Enrolment, Lesson, LessonProgress
from carai.learning.selectors import QUESTIONS_SCOPE, lessons_scope
from carai.learning.team import MODULES_SCOPE, team_practice_scope, team_scope
from carai.practice.models import PracticeAttempt

# Saves that touch only these fields change nothing the team figures count.
_ENROLMENT_FIELDS_NOT_COUNTED = frozenset({"last_lesson"})
_USER_FIELDS_NOT_SHOWN = frozenset({"last_login", "password", "language"})


def _organisations_of(user_id: int) -> set[int]:
    memberships = Membership.objects.active().filter(user_id=user_id)
    return set(memberships.values_list("organisation_id", flat=True))


def _teams_of(user_id: int) -> list[str]:
    return [team_scope(pk) for pk in _organisations_of(user_id)]


def _only(update_fields: Any, fields: frozenset[str]) -> bool:
    return update_fields is not None and set(update_fields) <= fields


def enrolment_changed(sender: Any, instance: Enrolment, **kwargs: Any) -> None:
    if _only(kwargs.get("update_fields"), _ENROLMENT_FIELDS_NOT_COUNTED):
        return
    scopes_changed(*_teams_of(instance.user_id))


def learner_changed(
    sender: Any, instance: Enrolment | LessonProgress | Certificate, **kwargs: Any
) -> None:
    """The person's catalogue cards (started, finished, lessons done) and the module and
    lesson pages' facts about them (``catalogue.learner_module``, ``catalogue.module_page``:
    their enrolment, lessons done, newest certificate)."""
    user_id = (
        instance.enrolment.user_id if isinstance(instance, LessonProgress) else instance.user_id
    )
    scopes_changed(learner_scope(user_id))


def membership_changed(sender: Any, instance: Membership, **kwargs: Any) -> None:
    scopes_changed(team_scope(instance.organisation_id))


def assignment_changed(sender: Any, instance: Assignment, **kwargs: Any) -> None:
    scopes_changed(team_scope(instance.organisation_id))


def user_changed(sender: Any, instance: User, **kwargs: Any) -> None:
    # A name shows in "asked of"; the log-in's last_login save changes nothing shown.
    if instance.pk is None or _only(kwargs.get("update_fields"), _USER_FIELDS_NOT_SHOWN):
        return
    scopes_changed(*_teams_of(instance.pk))


def practice_changed(sender: Any, instance: PracticeAttempt, **kwargs: Any) -> None:
    """The member table shows how many exercises each person passed and when last."""
    scopes_changed(*(team_practice_scope(pk) for pk in _organisations_of(instance.user_id)))


def module_changed(sender: Any, **kwargs: Any) -> None:
    scopes_changed(MODULES_SCOPE)


def lessons_changed(sender: Any, instance: Lesson, **kwargs: Any) -> None:
    """A lesson: its module's cached lesson list (the module and lesson pages)."""
    scopes_changed(lessons_scope(instance.module_id))


def questions_changed(sender: Any, **kwargs: Any) -> None:
    """A quiz question or an answer option: the quiz form's cached questions (and so what
    the next hand-in is scored with) are read afresh."""
    scopes_changed(QUESTIONS_SCOPE)
