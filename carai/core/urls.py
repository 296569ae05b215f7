from django.urls import path

from carai.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("gezond/", views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
]
