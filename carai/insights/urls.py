from django.urls import path

from carai.insights.views import maturity, surveys

app_name = "insights"

urlpatterns = [
    path("community/volwassenheid/", maturity.community, name="community"),
    path("volwassenheid/<slug:slug>/", maturity.maturity_home, name="home"),
    path("volwassenheid/<slug:slug>/nieuw/", maturity.round_start, name="round_start"),
    path("volwassenheid/<slug:slug>/<int:round_id>/", maturity.round_detail, name="round_detail"),
    path(
        "volwassenheid/<slug:slug>/<int:round_id>/invullen/",
        maturity.round_answer,
        name="round_answer",
    ),
    path(
        "volwassenheid/<slug:slug>/<int:round_id>/sluiten/",
        maturity.round_close,
        name="round_close",
    ),
    path("vragenlijsten/<slug:slug>/", surveys.survey_list, name="survey_list"),
    path("vragenlijsten/<slug:slug>/nieuw/", surveys.survey_new, name="survey_new"),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/maken/",
        surveys.survey_edit,
        name="survey_edit",
    ),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/vragen/<int:item_id>/verwijderen/",
        surveys.survey_item_delete,
        name="survey_item_delete",
    ),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/versturen/",
        surveys.survey_send,
        name="survey_send",
    ),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/sluiten/",
        surveys.survey_close,
        name="survey_close",
    ),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/invullen/",
        surveys.survey_answer,
        name="survey_answer",
    ),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/intrekken/",
        surveys.survey_withdraw,
        name="survey_withdraw",
    ),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/",
        surveys.survey_results,
        name="survey_results",
    ),
    path(
        "vragenlijsten/<slug:slug>/<int:survey_id>/<str:what>.csv",
        surveys.survey_export,
        name="survey_export",
    ),
    # The community's own surveys, to every partner organisation (the community lead).
    path("community/vragenlijsten/", surveys.community_list, name="community_survey_list"),
    path("community/vragenlijsten/nieuw/", surveys.community_new, name="community_survey_new"),
    path(
        "community/vragenlijsten/<int:community_survey_id>/maken/",
        surveys.community_edit,
        name="community_survey_edit",
    ),
    path(
        "community/vragenlijsten/<int:community_survey_id>/vragen/<int:item_id>/verwijderen/",
        surveys.community_item_delete,
        name="community_survey_item_delete",
    ),
    path(
        "community/vragenlijsten/<int:community_survey_id>/versturen/",
        surveys.community_send,
        name="community_survey_send",
    ),
    path(
        "community/vragenlijsten/<int:community_survey_id>/sluiten/",
        surveys.community_close,
        name="community_survey_close",
    ),
    path(
        "community/vragenlijsten/<int:community_survey_id>/",
        surveys.community_results,
        name="community_survey_results",
    ),
    path(
        "community/vragenlijsten/<int:community_survey_id>/<str:what>.csv",
        surveys.community_export,
        name="community_survey_export",
    ),
]
