from django.urls import path

from carai.literacy import views

app_name = "literacy"

urlpatterns = [
    path("ai-geletterdheid/<slug:slug>/", views.overview, name="overview"),
    path("ai-geletterdheid/<slug:slug>/team/", views.team, name="team"),
    path("ai-geletterdheid/<slug:slug>/mijn/", views.mine, name="mine"),
    path("ai-geletterdheid/<slug:slug>/beoordelen/", views.reviews, name="reviews"),
    path(
        "ai-geletterdheid/<slug:slug>/beoordelen/<int:external_id>/",
        views.review,
        name="review",
    ),
    path(
        "ai-geletterdheid/<slug:slug>/tools/<int:tool_id>/eisen/",
        views.requirements,
        name="requirements",
    ),
    path("ai-geletterdheid/<slug:slug>/plan/", views.plan, name="plan"),
    path("ai-geletterdheid/<slug:slug>/plan/<int:goal_id>/", views.plan_goal, name="plan_goal"),
    path("ai-geletterdheid/<slug:slug>/dossier/", views.evidence, name="evidence"),
    path(
        "ai-geletterdheid/<slug:slug>/dossier/<int:file_id>.<str:fmt>",
        views.evidence_download,
        name="evidence_download",
    ),
]
