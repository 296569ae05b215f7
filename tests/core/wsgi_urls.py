"""Another URL conf for tests/core/test_wsgi_resolve.py: the same path, another view."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def other(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"other")


urlpatterns = [path("overzicht/", other, name="other")]
