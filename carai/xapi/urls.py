from django.urls import path

from carai.xapi import views

app_name = "xapi"
urlpatterns = [
    path("organisaties/<slug:slug>/leerdata/", views.lrs_settings, name="settings"),
]
