from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "carai.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from carai.accounts.models import User
        from carai.accounts.personal_data import personal_data_register
        from carai.community.models import Membership
        from carai.core.cache import on_write
        from carai.learning import (
            audit,  # noqa: F401  (declares the audit actions)
            checks,  # noqa: F401  (registers the system checks)
            receivers,
        )
        from carai.learning import personal_data as data
        from carai.learning.models import (
            Assignment,
            Certificate,
            Enrolment,
            Lesson,
            LessonProgress,
            Module,
            Option,
            Question,
        )
        from carai.practice.models import PracticeAttempt

        personal_data_register(
            name="learning", export=data.learning_export, erase=data.learning_erase
        )
        personal_data_register(
            name="certificates", export=data.certificates_export, erase=data.certificates_erase
        )

        # The team page's cached figures and member table follow every write they show.
        for model, receiver in (
            (Enrolment, receivers.enrolment_changed),
            (Membership, receivers.membership_changed),
            (Assignment, receivers.assignment_changed),
            (User, receivers.user_changed),
            (Module, receivers.module_changed),
            # The member table's passed exercises.
            (PracticeAttempt, receivers.practice_changed),
            # The catalogue's cards (learning.catalogue): lesson counts, a person's progress.
            (Lesson, receivers.module_changed),
            # The module and lesson pages' lesson list (selectors.module_lessons).
            (Lesson, receivers.lessons_changed),
            (Enrolment, receivers.learner_changed),
            (LessonProgress, receivers.learner_changed),
            # The module page's certificate (learning.catalogue.module_page).
            (Certificate, receivers.learner_changed),
            # A quiz's questions and options, which the quiz form keeps (selectors.quiz_questions).
            (Question, receivers.questions_changed),
            (Option, receivers.questions_changed),
        ):
            uid = f"learning-team-{model._meta.label}-{receiver.__name__}"
            on_write(model, receiver, dispatch_uid=uid)
