from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("CARAI management")
admin.site.site_title = _("CARAI management")
admin.site.index_title = _("Learning community management")

urlpatterns = [
    path("", include("carai.core.urls")),
    path("account/", include("carai.accounts.urls")),
    path("", include("carai.community.urls")),
    path("", include("carai.signin.urls")),
    path("leren/", include("carai.learning.urls")),
    path("oefenen/", include("carai.practice.urls")),
    path("ai-oefenruimte/", include("carai.sandbox.urls")),
    path("", include("carai.register.urls")),
    path("", include("carai.usecases.urls")),
    path("", include("carai.xapi.urls")),
    path("", include("carai.literacy.urls")),
    path("", include("carai.insights.urls")),
    path("", include("carai.kpis.urls")),
    path("", include("carai.overview.urls")),
    path("beheer/", admin.site.urls),
]

handler400 = "carai.core.views.bad_request"
handler403 = "carai.core.views.permission_denied"
handler404 = "carai.core.views.page_not_found"
