from django.urls import path

from carai.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("modules/<int:module_id>/", views.module_detail, name="module_detail"),
    path("modules/<int:module_id>/starten/", views.module_enrol, name="module_enrol"),
    path("modules/<int:module_id>/lessen/<int:lesson_id>/", views.lesson_view, name="lesson"),
    path(
        "modules/<int:module_id>/lessen/<int:lesson_id>/toets/",
        views.quiz_start,
        name="quiz_start",
    ),
    path("pogingen/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path("certificaten/<int:certificate_id>/", views.certificate_detail, name="certificate_detail"),
    path(
        "certificaten/<int:certificate_id>/pdf/",
        views.certificate_pdf_download,
        name="certificate_pdf",
    ),
    path("team/<slug:slug>/", views.team_learning, name="team"),
    path("controleren/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("controleren/<str:code>/badge.json", views.certificate_badge, name="certificate_badge"),
]
