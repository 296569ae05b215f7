"""The site's URLs plus ``/bench/bare/``: the same middleware, settings and gunicorn, but a
view that does nothing, as the measure of what Django and the server cost alone."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from carai.urls import urlpatterns as site


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site]

handler400 = "carai.core.views.bad_request"
handler403 = "carai.core.views.permission_denied"
handler404 = "carai.core.views.page_not_found"
