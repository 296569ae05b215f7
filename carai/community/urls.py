from django.urls import path

from carai.community import event_views, mail_views, views

app_name = "community"

urlpatterns = [
    path("bijeenkomsten/", event_views.event_list, name="event_list"),
    path("bijeenkomsten/nieuw/", event_views.event_create, name="event_create"),
    path("bijeenkomsten/<int:event_id>/", event_views.event_detail, name="event_detail"),
    path("bijeenkomsten/<int:event_id>/wijzigen/", event_views.event_edit, name="event_edit"),
    path(
        "bijeenkomsten/<int:event_id>/agenda.ics",
        event_views.event_calendar,
        name="event_calendar",
    ),
    path(
        "bijeenkomsten/<int:event_id>/aanmelden/",
        event_views.event_register,
        name="event_register",
    ),
    path(
        "bijeenkomsten/<int:event_id>/aanwezig/",
        event_views.event_attendance,
        name="event_attendance",
    ),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisaties/<slug:slug>/leden/", views.member_list, name="member_list"),
    path(
        "organisaties/<slug:slug>/leden/<int:membership_id>/rol/",
        views.membership_role,
        name="membership_role",
    ),
    path(
        "organisaties/<slug:slug>/leden/<int:membership_id>/verwijderen/",
        views.membership_end,
        name="membership_end",
    ),
    path("organisaties/<slug:slug>/uitnodigen/", views.invitation_create, name="invitation_create"),
    path(
        "organisaties/<slug:slug>/uitnodigingen/<int:invitation_id>/intrekken/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("organisaties/<slug:slug>/logboek/", views.audit_log, name="audit_log"),
    path("organisaties/<slug:slug>/e-mail/", mail_views.mail_undelivered, name="mail_undelivered"),
    path(
        "organisaties/<slug:slug>/e-mail/<int:message_id>/opnieuw/",
        mail_views.mail_resend,
        name="mail_resend",
    ),
    path(
        "uitnodiging/<uuid:public_id>/<str:token>/",
        views.invitation_accept,
        name="invitation_accept",
    ),
    path("community/organisaties/", views.lead_organisation_list, name="lead_organisation_list"),
    path("community/e-mail/", mail_views.lead_mail_undelivered, name="lead_mail_undelivered"),
    path(
        "community/e-mail/<int:message_id>/opnieuw/",
        mail_views.lead_mail_resend,
        name="lead_mail_resend",
    ),
    path(
        "community/organisaties/nieuw/",
        views.lead_organisation_create,
        name="lead_organisation_create",
    ),
    path(
        "community/organisaties/<slug:slug>/",
        views.lead_organisation_edit,
        name="lead_organisation_edit",
    ),
]
