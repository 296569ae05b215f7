"""Log-in, throttling, language, password reset, personal data export and erasure."""

from __future__ import annotations

import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from carai.accounts.audit import AccountAction
from carai.accounts.models import User
from carai.community.audit import CommunityAction
from carai.community.models import Membership
from carai.core.models import AuditEvent
from tests.conftest import World, client_for
from tests.factories import PASSWORD

LOGIN = "/account/inloggen/"


def test_login_by_email_case_insensitive_and_audited(world: World) -> None:
    client = Client()
    response = client.post(LOGIN, {"username": "  SANNE@zorg-a.example ", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("overview:dashboard")
    event = AuditEvent.objects.get(action=AccountAction.LOGIN)
    assert event.actor == world.care_worker
    assert event.ip_address == "127.0.0.1"


def test_failed_login_is_audited_and_message_is_translated(world: World) -> None:
    response = Client().post(LOGIN, {"username": world.care_worker.email, "password": "fout"})
    assert response.status_code == 200
    assert "komen niet overeen" in response.content.decode()  # Dutch by default
    assert response.context["form"]["username"].value() == world.care_worker.email
    event = AuditEvent.objects.get(action=AccountAction.LOGIN_FAILED)
    assert event.target_label == world.care_worker.email
    assert event.actor is None


def test_a_failed_login_does_not_say_that_something_was_not_saved(world: World) -> None:
    """Signing in saves nothing: the error box asks to check, it does not say "not saved"."""
    response = Client().post(LOGIN, {"username": world.care_worker.email, "password": "fout"})
    body = response.content.decode()
    assert "Kijk nog even naar het volgende:" in body
    assert "Nog niet opgeslagen" not in body
    reset = Client().post(reverse("accounts:password_reset"), {"email": "geen-adres"})
    assert "Nog niet opgeslagen" not in reset.content.decode()
    assert reset.context["form"].errors


def test_login_is_throttled_after_five_failures(world: World) -> None:
    client = Client()
    for _ in range(5):
        client.post(LOGIN, {"username": world.care_worker.email, "password": "fout"})
    # Even the right password is refused while locked out.
    response = client.post(LOGIN, {"username": world.care_worker.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another person from the same address is not locked out.
    other = client.post(LOGIN, {"username": world.manager.email, "password": PASSWORD})
    assert other.status_code == 302


def test_language_preference_follows_the_user(world: World) -> None:
    world.care_worker.preferred_language = "en"
    world.care_worker.save()
    body = client_for(world.care_worker).get(reverse("overview:dashboard")).content.decode()
    assert '<html lang="en"' in body
    assert "My overview" in body


def test_language_switch_saves_preference_and_cookie(world: World) -> None:
    client = client_for(world.care_worker)
    response = client.post(
        reverse("accounts:language_switch"), {"language": "en", "next": "/overzicht/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/overzicht/"
    assert response.cookies["carai_language"].value == "en"
    world.care_worker.refresh_from_db()
    assert world.care_worker.preferred_language == "en"


def test_language_switch_refuses_foreign_redirect_and_unknown_language(db: None) -> None:
    response = Client().post(
        reverse("accounts:language_switch"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert response.cookies["carai_language"].value == "nl"


def test_password_reset_by_email(world: World, django_capture_on_commit_callbacks) -> None:
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:password_reset"), {"email": world.care_worker.email}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/wachtwoord-herstellen/\S+/\S+/", str(mail.outbox[0].body))
    assert link is not None
    path = link.group(0).split("8000", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    new = "nieuw-en-lang-wachtwoord-77"
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    world.care_worker.refresh_from_db()
    assert world.care_worker.check_password(new)
    assert AuditEvent.objects.filter(action=AccountAction.PASSWORD_RESET_DONE).exists()


def test_password_reset_for_unknown_address_says_the_same_and_sends_nothing(db: None) -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "niemand@x.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_weak_password_is_refused_with_dutch_message(world: World) -> None:
    client = client_for(world.care_worker)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "te kort" in response.content.decode()


def test_data_export_contains_own_data_only_and_is_logged(world: World) -> None:
    client = client_for(world.care_worker)
    response = client.post(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == world.care_worker.email
    assert [m["organisation"] for m in data["memberships"]] == ["Zorg A (fictief)"]
    text = response.content.decode()
    assert world.manager.email not in text
    assert world.outsider.email not in text
    assert AuditEvent.objects.filter(
        action=AccountAction.DATA_EXPORTED, actor=world.care_worker
    ).exists()


def test_the_export_page_names_what_the_file_holds_and_erasing_has_a_way_back(
    world: World,
) -> None:
    world.care_worker.preferred_language = "en"
    world.care_worker.save()
    client = client_for(world.care_worker)
    page = client.get(reverse("accounts:data_export")).content.decode()
    data = json.loads(client.post(reverse("accounts:data_export")).content)
    # What the page promises is in the file (it used to name only four of the parts).
    for words, key in [
        ("what you learned", "learning"),
        ("certificates", "certificates"),
        ("your exercises in the AI practice space", "ai_sandbox_attempts"),
        ("your answers to surveys", "surveys"),
        ("the self-assessment", "maturity_self_assessment"),
        ("your own activity log", "activity_log"),
    ]:
        assert words in page
        assert key in data
    erase = client.get(reverse("accounts:erase")).content.decode()
    form_end = erase.index("</form>")
    assert f'href="{reverse("accounts:profile")}">Back to my account</a>' in erase[form_end:]


def test_erase_requires_password_and_anonymises(world: World) -> None:
    client = client_for(world.care_worker)
    url = reverse("accounts:erase")
    response = client.post(url, {"password": "fout", "confirm": "on"})
    assert response.status_code == 200
    world.care_worker.refresh_from_db()
    assert world.care_worker.erased_at is None

    other_session = client_for(world.care_worker)
    response = client.post(url, {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    user = User.objects.get(pk=world.care_worker.pk)
    assert user.erased_at is not None
    assert user.full_name == ""
    assert "sanne" not in user.email
    assert not user.is_active
    assert not user.has_usable_password()
    # Counts stay: the membership row remains, ended.
    membership = Membership.objects.get(user=user)
    assert membership.ended_at is not None
    # Every session of the account has ended, also on another device.
    assert other_session.get(reverse("overview:dashboard")).status_code == 302
    assert AuditEvent.objects.filter(action=AccountAction.ACCOUNT_ERASED, actor=user).exists()
    # Nobody can log in with the old address.
    assert (
        Client().post(LOGIN, {"username": "sanne@zorg-a.example", "password": PASSWORD}).status_code
        == 200
    )


def test_audit_log_cannot_be_changed(world: World) -> None:
    event = AuditEvent.objects.create(action=AccountAction.LOGIN, actor=world.care_worker)
    event.action = AccountAction.LOGOUT
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="logout")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == AccountAction.LOGIN


def test_audit_log_is_read_only_in_admin(world: World) -> None:
    from carai.community.demo import _lead_group

    world.lead.is_staff = True
    world.lead.save()
    world.lead.groups.add(_lead_group())
    event = AuditEvent.objects.create(action=AccountAction.LOGIN, actor=world.care_worker)
    client = client_for(world.lead)
    url = reverse("admin:core_auditevent_change", args=[event.pk])
    assert client.get(url).status_code == 200  # view permission
    client.post(url, {"action": "logout"})
    assert client.post(reverse("admin:core_auditevent_delete", args=[event.pk])).status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).action == AccountAction.LOGIN


def test_lead_cannot_hand_out_privileges_in_admin(world: World) -> None:
    from carai.community.demo import _lead_group

    world.lead.is_staff = True
    world.lead.save()
    world.lead.groups.add(_lead_group())
    client = client_for(world.lead)
    url = reverse("admin:accounts_user_change", args=[world.lead.pk])
    page = client.get(url).content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="groups"' not in page
    client.post(
        url,
        {
            "email": world.lead.email,
            "full_name": "Noor Communityregie",
            "preferred_language": "nl",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    world.lead.refresh_from_db()
    assert not world.lead.is_superuser


def test_organisation_change_in_admin_is_audited(world: World) -> None:
    from carai.community.demo import _lead_group

    world.lead.is_staff = True
    world.lead.save()
    world.lead.groups.add(_lead_group())
    client = client_for(world.lead)
    response = client.post(
        reverse("admin:community_organisation_change", args=[world.org_a.pk]),
        {
            "name": "Zorg A nieuwe naam (fictief)",
            "slug": "zorg-a",
            "kind": "care",
            "care_branch": "vvt",
            "region": "Testregio",
            "website": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=CommunityAction.ORGANISATION_CHANGED)
    assert event.actor == world.lead
    assert event.details["changed"] == ["name"]


def test_password_reset_is_queued_only_when_the_transaction_commits(
    world: World, django_capture_on_commit_callbacks
) -> None:
    """Issue 22: the reset task is queued on commit (a worker must not run it before the
    request's data is there), and never for a transaction that rolls back."""
    import contextlib

    from django.db import transaction
    from django.test import override_settings
    from django_tasks import task_backends
    from django_tasks.backends.dummy import DummyBackend

    from carai.accounts.services import password_reset_request

    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        backend = task_backends["default"]
        assert isinstance(backend, DummyBackend)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert password_reset_request(email=world.care_worker.email, client="192.0.2.1")
            assert backend.results == []  # not yet: the transaction is still open
        assert len(callbacks) == 1
        callbacks[0]()
        assert [r.kwargs for r in backend.results] == [
            {"email": world.care_worker.email, "ip_address": "192.0.2.1"}
        ]
        with (
            django_capture_on_commit_callbacks(execute=True) as callbacks,
            contextlib.suppress(RuntimeError),
            transaction.atomic(),
        ):
            password_reset_request(email=world.manager.email, client="192.0.2.2")
            raise RuntimeError("rolled back")
        assert callbacks == []
        assert len(backend.results) == 1


@pytest.mark.parametrize(
    ("full_name", "greeting"),
    [
        ("Sanne Verbeek", "Sanne"),
        ("Dr. Lotte Hendriks", "Lotte"),
        ("prof. dr. Ir. Bas de Wit", "Bas"),
        ("J. de Vries", "J. de Vries"),
        ("Dr.", "Dr."),
        ("", "iemand@zorg-a.example"),
    ],
)
def test_the_greeting_uses_the_first_name_without_titles(full_name: str, greeting: str) -> None:
    user = User(email="iemand@zorg-a.example", full_name=full_name)
    assert user.get_short_name() == greeting
