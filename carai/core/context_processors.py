from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def carai(request: HttpRequest) -> dict[str, Any]:
    return {
        "CARAI_DEVELOPMENT": settings.CARAI_ENV == "development",
    }
