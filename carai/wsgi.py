"""WSGI entry point: ``gunicorn carai.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carai.settings")
application = get_wsgi_application()
