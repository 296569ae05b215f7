from django.urls import path

from carai.practice import views

app_name = "practice"

urlpatterns = [
    path("privacycheck/", views.privacy_check, name="privacy_check"),
    path("", views.case_list, name="case_list"),
    path("casussen/<int:case_id>/", views.case_detail, name="case_detail"),
    path("casussen/<int:case_id>/privacy/", views.exercise_privacy, name="exercise_privacy"),
    path(
        "casussen/<int:case_id>/ai-uitvoer/<int:output_number>/",
        views.exercise_output,
        name="exercise_output",
    ),
    path("pogingen/<int:practice_attempt_id>/", views.attempt_detail, name="attempt"),
]
