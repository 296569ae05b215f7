from django.urls import path

from carai.signin import views

app_name = "signin"
urlpatterns = [
    path("account/organisatie/", views.sign_in_start, name="start"),
    path("account/organisatie/terug/", views.sign_in_callback, name="callback"),
    path("organisaties/<slug:slug>/inloggen/", views.connection_settings, name="settings"),
    path("organisaties/<slug:slug>/inloggen/domeinen/", views.domain_add, name="domain_add"),
    path(
        "organisaties/<slug:slug>/inloggen/domeinen/<int:domain_id>/controleren/",
        views.domain_verify,
        name="domain_verify",
    ),
    path(
        "organisaties/<slug:slug>/inloggen/domeinen/<int:domain_id>/verwijderen/",
        views.domain_remove,
        name="domain_remove",
    ),
]
