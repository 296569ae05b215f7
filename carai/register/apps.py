from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "carai.register"
    label = "register"
    verbose_name = _("AI tool register")

    def ready(self) -> None:
        from carai.core.cache import on_write
        from carai.register import audit  # noqa: F401  (declares the audit actions)
        from carai.register.models import AITool, Guideline
        from carai.register.receivers import tool_or_guideline_changed

        # The tools and guideline every member sees (register_home) are kept in the cache.
        for model in (AITool, Guideline):
            uid = f"register-list-{model._meta.label}"
            on_write(model, tool_or_guideline_changed, dispatch_uid=uid)
