"""WSGI entry point: ``gunicorn carai.wsgi``."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carai.settings")
django.setup(set_prefix=False)  # as django.core.wsgi.get_wsgi_application

from carai.core.wsgi import RememberingWSGIHandler  # noqa: E402  (needs the settings)

# Django's handler, remembering which view a path resolves to (carai/core/wsgi.py).
application = RememberingWSGIHandler()
