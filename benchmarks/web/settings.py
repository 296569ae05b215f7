"""Settings of the web benchmark only: CARAI's own settings (production when
``CARAI_ENV=production``), with a URL conf that adds a bare Django view beside the pages.
Never used outside ``benchmarks/web``."""

from carai.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.web.urls"
