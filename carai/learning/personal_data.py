"""A person's learning and certificates, for their own-data export and for erasing their
account (see ``carai.accounts.personal_data``)."""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.core.cache import rows_written_send, scopes_changed
from carai.learning.catalogue import learner_scope
from carai.learning.models import Certificate, Enrolment, LessonProgress


def learning_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "module": e.module.title,
            "language": e.module.language,
            "started_at": iso(e.started_at),
            "completed_at": iso(e.completed_at),
            "lessons_done": [
                {
                    "lesson": p.lesson.title,
                    "when": iso(p.completed_at),
                    "reflection": p.reflection,
                }
                for p in e.progress.select_related("lesson")
            ],
            "quiz_attempts": [
                {"quiz": a.lesson.title, "when": iso(a.submitted_at), "score": a.score}
                for a in e.attempts.select_related("lesson").filter(submitted_at__isnull=False)
            ],
        }
        for e in Enrolment.objects.filter(user=user).select_related("module")
    ]


def learning_erase(user: User) -> None:
    # The free text people wrote goes; completion counts stay for the figures.
    progress = list(LessonProgress.objects.filter(enrolment__user=user).select_related("enrolment"))
    LessonProgress.objects.filter(enrolment__user=user).update(reflection="")
    # One update sends no signals (core.cache.rows_written_send). The memberships the
    # erasure ends reach the team figures the same way (community.personal_data).
    rows_written_send(model=LessonProgress, instances=progress, update_fields=["reflection"])
    # And the person's kept learning facts whatever rows there were (an erasure is rare).
    scopes_changed(learner_scope(user.pk))


def certificates_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "module": c.module_title,
            "version": c.module_version,
            "code": c.code,
            "issued_at": iso(c.issued_at),
            "valid_until": iso(c.expires_at),
        }
        for c in Certificate.objects.filter(user=user)
    ]


def certificates_erase(user: User) -> None:
    certificates = list(Certificate.objects.filter(user=user))
    Certificate.objects.filter(user=user).update(holder_name="")
    # One update sends no signals: the module page's kept certificate goes too.
    rows_written_send(model=Certificate, instances=certificates, update_fields=["holder_name"])
    scopes_changed(learner_scope(user.pk))  # as in learning_erase
