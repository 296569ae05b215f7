from django.urls import path

from carai.usecases import views

app_name = "usecases"

urlpatterns = [
    path("use-cases/", views.use_case_list, name="list"),
    path("use-cases/nieuw/", views.use_case_submit, name="submit"),
    path("use-cases/cycli/", views.cycles, name="cycles"),
    path("use-cases/doe-mee/", views.open_list, name="open"),
    path("use-cases/doe-mee/<int:use_case_id>/", views.join, name="join"),
    path(
        "use-cases/aanmeldingen/<int:join_request_id>/besluit/",
        views.join_decide,
        name="join_decide",
    ),
    path(
        "use-cases/aanmeldingen/<int:join_request_id>/intrekken/",
        views.join_withdraw,
        name="join_withdraw",
    ),
    path("use-cases/<int:use_case_id>/", views.use_case_detail, name="detail"),
    path("use-cases/<int:use_case_id>/besluit/", views.use_case_triage, name="triage"),
    path("use-cases/<int:use_case_id>/fase/", views.phase_save, name="phase"),
    path("use-cases/<int:use_case_id>/team/", views.team_add, name="team_add"),
    path("use-cases/<int:use_case_id>/werven/", views.recruiting_save, name="recruiting"),
    path("use-cases/<int:use_case_id>/verantwoord/", views.rai_save, name="rai"),
    path(
        "use-cases/<int:use_case_id>/demonstrator/", views.demonstrator_add, name="demonstrator_add"
    ),
    path("use-cases/<int:use_case_id>/lessen/", views.lessons_save, name="lessons"),
    path("use-cases/<int:use_case_id>/etalage/", views.use_case_publish, name="publish"),
    path("use-cases/<int:use_case_id>/module/", views.module_draft, name="module_draft"),
    path("use-cases/<int:use_case_id>/canvas/", views.canvas, name="canvas"),
    path("use-cases/<int:use_case_id>/canvas.pdf", views.canvas_download, name="canvas_pdf"),
    path("etalage/", views.showcase, name="showcase"),
    path(
        "etalage/<int:use_case_id>/canvas.pdf",
        views.showcase_canvas_download,
        name="showcase_canvas_pdf",
    ),
    path("etalage/<int:use_case_id>/", views.showcase_detail, name="showcase_detail"),
    path(
        "demonstrators/<int:demonstrator_id>/bestand/",
        views.demonstrator_file,
        name="demonstrator_file",
    ),
]
