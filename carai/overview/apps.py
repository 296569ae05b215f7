from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """Pages that read across domains: "Mijn overzicht", the partner page, the demo loader."""

    name = "carai.overview"
    label = "overview"
    verbose_name = _("Overview")

    def ready(self) -> None:
        from collections.abc import Callable

        from django.db.models import Model
        from django.db.models.signals import m2m_changed

        from carai.accounts.models import User
        from carai.community.models import Event, EventRegistration, Membership, Organisation
        from carai.core.cache import on_write
        from carai.learning.models import (
            Assignment,
            Certificate,
            Enrolment,
            Lesson,
            LessonProgress,
            Module,
            QuizAttempt,
        )
        from carai.overview import panels
        from carai.practice.models import Case, PracticeAttempt
        from carai.register.models import Acknowledgement, AITool, Guideline
        from carai.usecases.models import JoinRequest, TeamMember, UseCase

        # Everything "Mijn overzicht" shows (its panels, "Begin hier", "Ga verder waar je
        # was"): a save or delete, or a write without signals that a service reports
        # (``core.cache.rows_written_send``), outdates the cached work of the people (or
        # organisations, or all content) it concerns.
        receivers: list[tuple[type[Model], Callable[..., None]]] = [
            (User, panels._user_saved),
            (Organisation, panels._organisation_saved),
            (Membership, panels._by_user),
            (Enrolment, panels._by_user),
            (Certificate, panels._by_user),
            (EventRegistration, panels._by_user),
            (Acknowledgement, panels._by_user),
            (TeamMember, panels._by_user),
            (Assignment, panels._assignment_changed),
            (AITool, panels._by_organisation),
            (Guideline, panels._by_organisation),
            (Module, panels._content),
            (Lesson, panels._content),
            (Case, panels._content),
            (LessonProgress, panels._by_enrolment),
            (QuizAttempt, panels._by_enrolment),
            (PracticeAttempt, panels._by_user),
            (Event, panels._content),
            (UseCase, panels._use_case_changed),
            (JoinRequest, panels._join_request_changed),
        ]
        for model, receiver in receivers:
            on_write(model, receiver, dispatch_uid=f"overview-panels-{model._meta.label}")
        m2m_changed.connect(
            panels._required_modules_changed,
            sender=AITool.required_modules.through,
            dispatch_uid="overview-panels-tool-modules",
        )
