from django.urls import path

from carai.learning import authoring_views as make
from carai.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("modules/<int:module_id>/", views.module_detail, name="module_detail"),
    path("modules/<int:module_id>/starten/", views.module_enrol, name="module_enrol"),
    path("modules/<int:module_id>/opnieuw/", views.module_renew, name="module_renew"),
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
    path(
        "modules/<int:module_id>/lessen/<int:lesson_id>/sessies/<int:session_id>/",
        make.session_join,
        name="session_join",
    ),
    path("afbeeldingen/<int:image_lesson_id>/", make.lesson_image, name="lesson_image"),
    path("team/<slug:slug>/", views.team_learning, name="team"),
    # Making modules (educators)
    path("maken/", make.authoring_home, name="authoring_home"),
    path("maken/nieuw/<slug:slug>/", make.module_new, name="authoring_module_new"),
    path("maken/tekstvoorbeeld/", make.markdown_preview, name="authoring_markdown_preview"),
    path("maken/<int:draft_id>/", make.authoring_module, name="authoring_module"),
    path("maken/<int:draft_id>/gegevens/", make.module_fields_edit, name="authoring_fields"),
    path("maken/<int:draft_id>/wijzigen/", make.module_change, name="authoring_change"),
    path("maken/<int:draft_id>/publiceren/", make.module_publish, name="authoring_publish"),
    path("maken/<int:draft_id>/weggooien/", make.module_discard, name="authoring_discard"),
    path("maken/<int:draft_id>/archiveren/", make.module_archive, name="authoring_archive"),
    path("maken/<int:draft_id>/voorbeeld/", make.module_preview, name="authoring_preview"),
    path(
        "maken/<int:draft_id>/voorbeeld/<int:draft_lesson_id>/",
        make.module_preview,
        name="authoring_preview_lesson",
    ),
    path("maken/<int:draft_id>/lessen/nieuw/", make.lesson_new, name="authoring_lesson_new"),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/",
        make.lesson_edit,
        name="authoring_lesson",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/verplaatsen/",
        make.lesson_move,
        name="authoring_lesson_move",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/verwijderen/",
        make.lesson_delete,
        name="authoring_lesson_delete",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/vragen/nieuw/",
        make.question_edit,
        name="authoring_question_new",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/vragen/<int:question_id>/",
        make.question_edit,
        name="authoring_question",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/vragen/<int:question_id>/verwijderen/",
        make.question_delete,
        name="authoring_question_delete",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/sessies/nieuw/",
        make.session_new,
        name="session_new",
    ),
    path("workshops/<int:session_id>/", make.session_attendance, name="session_attendance"),
    path("workshops/<int:session_id>/annuleren/", make.session_cancel, name="session_cancel"),
    # Sharing with the whole community (community lead)
    path("delen/", make.sharing_list, name="sharing"),
    path("delen/<int:shared_id>/", make.sharing_toggle, name="sharing_toggle"),
    path("delen/<int:shared_id>/voorbeeld/", make.shared_preview, name="sharing_preview"),
    path(
        "delen/<int:shared_id>/voorbeeld/<int:draft_lesson_id>/",
        make.shared_preview,
        name="sharing_preview_lesson",
    ),
    path("controleren/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("controleren/<str:code>/badge.json", views.certificate_badge, name="certificate_badge"),
]
