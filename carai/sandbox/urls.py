from django.urls import path

from carai.sandbox import views

app_name = "sandbox"

urlpatterns = [
    path("", views.home, name="home"),
    path("casus/<int:case_id>/", views.workspace, name="workspace"),
    path("casus/<int:case_id>/nakijken/", views.review, name="review"),
    path("casus/<int:case_id>/bewaren/", views.save, name="save"),
    path("poging/<int:sandbox_attempt_id>/", views.attempt, name="attempt"),
    path("instellingen/<slug:slug>/", views.endpoint_settings, name="settings"),
    path("community/", views.community_settings, name="community"),
]
