from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from carai.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("taal/", views.language_switch, name="language_switch"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("", views.profile, name="profile"),
    path("wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html",
            extra_context={"login_url": reverse_lazy("accounts:login")},
        ),
        name="password_reset_complete",
    ),
    path("mijn-gegevens/", views.data_export, name="data_export"),
    path("verwijderen/", views.erase, name="erase"),
]
