from django.urls import path

from carai.usecases.views import canvas, intake, joining, showcase, work

app_name = "usecases"

urlpatterns = [
    path("use-cases/", intake.use_case_list, name="list"),
    path("use-cases/nieuw/", intake.use_case_submit, name="submit"),
    path("use-cases/cycli/", intake.cycles, name="cycles"),
    path("use-cases/doe-mee/", joining.open_list, name="open"),
    path("use-cases/doe-mee/<int:use_case_id>/", joining.join, name="join"),
    path(
        "use-cases/aanmeldingen/<int:join_request_id>/besluit/",
        joining.join_decide,
        name="join_decide",
    ),
    path(
        "use-cases/aanmeldingen/<int:join_request_id>/intrekken/",
        joining.join_withdraw,
        name="join_withdraw",
    ),
    path("use-cases/<int:use_case_id>/", work.use_case_detail, name="detail"),
    path("use-cases/<int:use_case_id>/besluit/", work.use_case_triage, name="triage"),
    path("use-cases/<int:use_case_id>/fase/", work.phase_save, name="phase"),
    path("use-cases/<int:use_case_id>/team/", work.team_add, name="team_add"),
    path("use-cases/<int:use_case_id>/werven/", joining.recruiting_save, name="recruiting"),
    path("use-cases/<int:use_case_id>/verantwoord/", work.rai_save, name="rai"),
    path(
        "use-cases/<int:use_case_id>/demonstrator/", work.demonstrator_add, name="demonstrator_add"
    ),
    path("use-cases/<int:use_case_id>/lessen/", work.lessons_save, name="lessons"),
    path("use-cases/<int:use_case_id>/etalage/", work.use_case_publish, name="publish"),
    path("use-cases/<int:use_case_id>/module/", work.module_draft, name="module_draft"),
    path("use-cases/<int:use_case_id>/canvas/", canvas.canvas, name="canvas"),
    path("use-cases/<int:use_case_id>/canvas.pdf", canvas.canvas_download, name="canvas_pdf"),
    path("etalage/", showcase.showcase, name="showcase"),
    path(
        "etalage/<int:use_case_id>/canvas.pdf",
        canvas.showcase_canvas_download,
        name="showcase_canvas_pdf",
    ),
    path("etalage/<int:use_case_id>/", showcase.showcase_detail, name="showcase_detail"),
    path(
        "demonstrators/<int:demonstrator_id>/bestand/",
        work.demonstrator_file,
        name="demonstrator_file",
    ),
]
