from django.urls import path

from carai.signin import mfa_views, views

app_name = "signin"
urlpatterns = [
    path("account/organisatie/", views.sign_in_start, name="start"),
    path("account/organisatie/terug/", views.sign_in_callback, name="callback"),
    path("account/organisatie/saml-verder/", views.saml_finish, name="saml_finish"),
    path("account/organisatie/saml/<slug:slug>/", views.saml_metadata, name="saml_metadata"),
    path("account/organisatie/saml/<slug:slug>/acs/", views.saml_acs, name="saml_acs"),
    path("account/tweestapsverificatie/", mfa_views.mfa_home, name="mfa"),
    path("account/tweestapsverificatie/instellen/", mfa_views.mfa_setup, name="mfa_setup"),
    path("account/tweestapsverificatie/bevestigen/", mfa_views.mfa_confirm, name="mfa_confirm"),
    path(
        "account/tweestapsverificatie/herstelcodes/",
        mfa_views.mfa_recovery_codes,
        name="mfa_recovery_codes",
    ),
    path("account/tweestapsverificatie/uitzetten/", mfa_views.mfa_disable, name="mfa_disable"),
    path("account/tweede-stap/", mfa_views.mfa_verify, name="mfa_verify"),
    path("account/tweede-stap/sleutel/", mfa_views.security_key_verify, name="key_verify"),
    path("account/tweestapsverificatie/sleutels/", mfa_views.security_key_add, name="key_add"),
    path(
        "account/tweestapsverificatie/sleutels/<int:key_id>/verwijderen/",
        mfa_views.security_key_remove,
        name="key_remove",
    ),
    path("organisaties/<slug:slug>/tweestapsverificatie/", mfa_views.mfa_policy, name="mfa_policy"),
    path("organisaties/<slug:slug>/inloggen/", views.connection_settings, name="settings"),
    path("organisaties/<slug:slug>/inloggen/domeinen/", views.domain_add, name="domain_add"),
    path(
        "organisaties/<slug:slug>/inloggen/domeinen/<int:domain_id>/controleren/",
        views.domain_verify,
        name="domain_verify",
    ),
    path(
        "organisaties/<slug:slug>/inloggen/domeinen/<int:domain_id>/verwijderen/",
        views.domain_remove,
        name="domain_remove",
    ),
]
