import sys

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "carai.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        """Use the quicker CSRF mask, and load the privacy engine at start-up, never on a
        visitor's request.

        CARAI_PRIVACY_WARMUP=1 loads it in the background (development server);
        CARAI_PRIVACY_WARMUP=wait loads it before going on. With "server" nothing
        happens here: gunicorn.conf.py loads it in the master once the socket is bound and
        before the workers fork, so they share its memory.
        Management commands and tests leave it unset.
        """
        from carai.core import mail  # noqa: F401  (declares the outbox's audit action)
        from carai.core.csrf_mask import install

        install()  # the CSRF token's mask from one random read (carai/core/csrf_mask.py)

        mode = settings.CARAI_PRIVACY_WARMUP
        if mode not in {"1", "wait"}:
            return
        if "runserver" in sys.argv and settings.CARAI_RUN_MAIN != "true":
            return  # the autoreloader's watcher process serves no pages
        from carai.core.engine import privacy_engine_warm_up

        privacy_engine_warm_up(wait=mode == "wait")
