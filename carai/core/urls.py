from django.urls import path

from carai.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("overzicht/", views.dashboard, name="dashboard"),
    path("taal/", views.language_switch, name="language_switch"),
    path("gezond/", views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
]
