from django.urls import path

from carai.learning.views import (
    certificates,
    lessons,
    making,
    making_lessons,
    modules,
    previews,
    sharing,
    team,
    workshops,
)

app_name = "learning"

urlpatterns = [
    path("", modules.catalogue, name="catalogue"),
    path("modules/<int:module_id>/", modules.module_detail, name="module_detail"),
    path("modules/<int:module_id>/starten/", modules.module_enrol, name="module_enrol"),
    path("modules/<int:module_id>/opnieuw/", modules.module_renew, name="module_renew"),
    path("modules/<int:module_id>/afgerond/", modules.module_finished, name="module_finished"),
    path("modules/<int:module_id>/lessen/<int:lesson_id>/", lessons.lesson_view, name="lesson"),
    path(
        "modules/<int:module_id>/lessen/<int:lesson_id>/toets/",
        lessons.quiz_start,
        name="quiz_start",
    ),
    path("pogingen/<int:attempt_id>/", lessons.attempt_view, name="attempt"),
    path(
        "certificaten/<int:certificate_id>/",
        certificates.certificate_detail,
        name="certificate_detail",
    ),
    path(
        "certificaten/<int:certificate_id>/pdf/",
        certificates.certificate_pdf_download,
        name="certificate_pdf",
    ),
    path(
        "modules/<int:module_id>/lessen/<int:lesson_id>/sessies/<int:session_id>/",
        workshops.session_join,
        name="session_join",
    ),
    path("afbeeldingen/<int:image_lesson_id>/", making_lessons.lesson_image, name="lesson_image"),
    path("team/<slug:slug>/", team.team_learning, name="team"),
    path("team/<slug:slug>/personen/", team.team_people, name="team_people"),
    path("team/<slug:slug>/export.<str:fmt>", team.team_export, name="team_export"),
    path(
        "team/<slug:slug>/opdrachten/<int:assignment_id>/",
        team.assignment_edit,
        name="assignment_edit",
    ),
    path(
        "team/<slug:slug>/opdrachten/<int:assignment_id>/intrekken/",
        team.assignment_withdraw_view,
        name="assignment_withdraw",
    ),
    # Making modules (educators)
    path("maken/", making.authoring_home, name="authoring_home"),
    path("maken/nieuw/<slug:slug>/", making.module_new, name="authoring_module_new"),
    path(
        "maken/tekstvoorbeeld/", making_lessons.markdown_preview, name="authoring_markdown_preview"
    ),
    path("maken/<int:draft_id>/", making.authoring_module, name="authoring_module"),
    path("maken/<int:draft_id>/gegevens/", making.module_fields_edit, name="authoring_fields"),
    path("maken/<int:draft_id>/wijzigen/", making.module_change, name="authoring_change"),
    path("maken/<int:draft_id>/publiceren/", making.module_publish, name="authoring_publish"),
    path("maken/<int:draft_id>/weggooien/", making.module_discard, name="authoring_discard"),
    path("maken/<int:draft_id>/archiveren/", making.module_archive, name="authoring_archive"),
    path("maken/<int:draft_id>/voorbeeld/", previews.module_preview, name="authoring_preview"),
    path(
        "maken/<int:draft_id>/voorbeeld/<int:draft_lesson_id>/",
        previews.module_preview,
        name="authoring_preview_lesson",
    ),
    path(
        "maken/<int:draft_id>/lessen/nieuw/", making_lessons.lesson_new, name="authoring_lesson_new"
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/",
        making_lessons.lesson_edit,
        name="authoring_lesson",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/verplaatsen/",
        making_lessons.lesson_move,
        name="authoring_lesson_move",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/verwijderen/",
        making_lessons.lesson_delete,
        name="authoring_lesson_delete",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/vragen/nieuw/",
        making_lessons.question_edit,
        name="authoring_question_new",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/vragen/<int:question_id>/",
        making_lessons.question_edit,
        name="authoring_question",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/vragen/<int:question_id>/verwijderen/",
        making_lessons.question_delete,
        name="authoring_question_delete",
    ),
    path(
        "maken/<int:draft_id>/lessen/<int:draft_lesson_id>/sessies/nieuw/",
        workshops.session_new,
        name="session_new",
    ),
    path("workshops/<int:session_id>/", workshops.session_attendance, name="session_attendance"),
    path("workshops/<int:session_id>/annuleren/", workshops.session_cancel, name="session_cancel"),
    # Sharing with the whole community (community lead)
    path("delen/", sharing.sharing_list, name="sharing"),
    path("delen/<int:shared_id>/", sharing.sharing_toggle, name="sharing_toggle"),
    path("delen/<int:shared_id>/voorbeeld/", previews.shared_preview, name="sharing_preview"),
    path(
        "delen/<int:shared_id>/voorbeeld/<int:draft_lesson_id>/",
        previews.shared_preview,
        name="sharing_preview_lesson",
    ),
    path("controleren/<str:code>/", certificates.certificate_verify, name="certificate_verify"),
    path(
        "controleren/<str:code>/badge.json",
        certificates.certificate_badge,
        name="certificate_badge",
    ),
    path(
        "controleren/<str:code>/badge.jwt",
        certificates.certificate_badge_jwt,
        name="certificate_badge_jwt",
    ),
    path("badges/uitgever.json", certificates.badge_issuer, name="badge_issuer"),
    path("badges/sleutels.json", certificates.badge_keys, name="badge_keys"),
    path("badges/status.jwt", certificates.badge_status_list, name="badge_status_list"),
    path("badges/controleren/", certificates.badge_check, name="badge_check"),
]
