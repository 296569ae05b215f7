from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "carai.kpis"
    label = "kpis"
    verbose_name = _("Key figures")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from carai.community.models import Event, EventRegistration, Membership, Organisation
        from carai.core.cache import rows_written
        from carai.insights.models import MaturityAnswer, MaturityRound, Survey, SurveyResponse
        from carai.kpis.store import kpi_data_changed, kpi_data_saved, kpi_rows_written
        from carai.learning.models import Enrolment, Module
        from carai.usecases.models import Cycle, Demonstrator, TeamMember, UseCase

        # Everything the key figures count: a save or delete, or a write without signals that
        # a service reports (``core.cache.rows_written_send``), outdates the stored figures.
        for model in (
            Organisation,
            Membership,
            Event,
            EventRegistration,
            Enrolment,
            Module,
            Cycle,
            UseCase,
            TeamMember,
            Demonstrator,
            Survey,
            SurveyResponse,
            MaturityRound,
            MaturityAnswer,
        ):
            uid = f"kpis-{model._meta.label}"
            post_save.connect(kpi_data_saved, sender=model, dispatch_uid=uid)
            post_delete.connect(kpi_data_changed, sender=model, dispatch_uid=uid)
            rows_written.connect(kpi_rows_written, sender=model, dispatch_uid=uid)
