"""Walk every URL pattern of the project as every persona, with ids of organisation A.

Proves: nobody from organisation B sees A's private data; anonymous visitors are sent to
log in; nothing answers 500 (the test client re-raises any exception). A new URL pattern is
covered automatically: if the walk cannot build its address, this test fails and says so.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from carai.community.demo import _lead_group
from tests.authoring_helpers import make_org_module
from tests.conftest import FIXTURES, PERSONAS, World, client_for

# Reachable without logging in (token links are protected by their token).
PUBLIC = {
    "core:home",
    "core:health",
    "core:favicon",
    "accounts:language_switch",
    "overview:partner_list",
    "community:invitation_accept",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "admin:login",
    "learning:certificate_verify",  # anyone with the printed code may check it
    "learning:certificate_badge",
    "learning:certificate_badge_jwt",
    "learning:badge_issuer",  # the Open Badges issuer, its public keys and revocation list
    "learning:badge_keys",
    "learning:badge_status_list",
    "learning:badge_check",  # anyone may check a badge they were given
    "accounts:logout",  # POST only; logging out needs no log-in
    "admin:logout",
    "register:public",  # only registers their organisation chose to publish
    "usecases:showcase",
    "usecases:showcase_detail",  # published use cases only
    "usecases:showcase_canvas_pdf",
    "usecases:demonstrator_file",  # files of published use cases only
    "signin:start",  # "Log in with your organisation"
    "signin:callback",  # refuses anything but the sign-in this browser started
    "signin:saml_acs",  # the provider's signed answer; only handed on to saml_finish
    "signin:saml_finish",  # refuses anything but the sign-in this browser started
    "signin:saml_metadata",  # CARAI's SAML metadata for an organisation: no secrets, no names
}
# Pages of A's objects that A chose to show every member (never names or e-mail addresses:
# the walk still checks that none of A's people leak).
OPEN_BY_CHOICE = {
    "usecases:join",  # a use case whose team looks for new members
    "signin:saml_metadata",  # A chose SAML: its provider reads CARAI's metadata without log-in
}
# Capability links: whoever holds the e-mailed token may open them.
TOKEN_LINKS = {"community:invitation_accept", "accounts:password_reset_confirm"}

# Positive controls: who must get a 200 on GET, so a 404 for others means something.
LOGGED_IN = set(PERSONAS) - {"anonymous"}
A_MEMBERS = {"care_worker", "manager", "org_admin", "educator", "privacy_officer"}
REGISTER_EDITORS = {"org_admin", "privacy_officer"}
ALLOWED_GET: dict[str, set[str]] = {
    "overview:dashboard": LOGGED_IN,
    "overview:search": LOGGED_IN,
    "register:rules": LOGGED_IN,
    "community:organisation_detail": A_MEMBERS | {"lead"},
    "community:member_list": {"manager", "org_admin", "lead"},
    "community:invitation_create": {"org_admin", "lead"},
    "community:invitation_revoke": {"org_admin", "lead"},
    "community:membership_role": {"org_admin", "lead"},
    "community:membership_end": {"org_admin", "lead"},
    "community:audit_log": {"org_admin"},
    "community:mail_undelivered": {"org_admin", "lead"},
    "xapi:settings": {"org_admin"},
    "signin:settings": {"org_admin", "lead"},
    "signin:saml_metadata": set(PERSONAS),
    "signin:mfa_policy": {"org_admin", "lead"},
    "signin:mfa": LOGGED_IN,
    "community:lead_mail_undelivered": {"lead"},
    "community:lead_organisation_list": {"lead"},
    "community:lead_organisation_create": {"lead"},
    "community:lead_organisation_edit": {"lead"},
    "learning:catalogue": LOGGED_IN,
    "learning:module_detail": LOGGED_IN,
    "learning:lesson": {"care_worker"},  # enrolled
    "learning:attempt": {"care_worker"},  # only the learner's own attempt
    "learning:team": {"manager", "org_admin"},
    "learning:team_people": {"manager", "org_admin"},
    "learning:team_export": {"manager", "org_admin"},
    "learning:assignment_edit": {"manager", "org_admin"},
    "learning:certificate_detail": {"care_worker"},
    "learning:certificate_pdf": {"care_worker"},
    "accounts:profile": LOGGED_IN,
    "accounts:password_change": LOGGED_IN,
    "accounts:data_export": LOGGED_IN,
    "accounts:erase": LOGGED_IN,
    "learning:authoring_home": {"educator"},
    "learning:authoring_module": {"educator"},
    "learning:authoring_fields": {"educator"},
    "learning:authoring_lesson": {"educator"},
    "learning:authoring_question": {"educator"},
    "learning:authoring_question_new": {"educator"},
    "learning:authoring_preview": {"educator"},
    "learning:authoring_preview_lesson": {"educator"},
    "learning:session_attendance": {"educator"},
    "learning:sharing": {"lead"},
    "learning:sharing_preview": {"lead"},
    "learning:lesson_image": A_MEMBERS | {"lead"},
    "practice:privacy_check": LOGGED_IN,
    "practice:case_list": LOGGED_IN,
    "practice:case_detail": LOGGED_IN,
    "practice:exercise_privacy": LOGGED_IN,
    "practice:exercise_output": LOGGED_IN,
    "practice:attempt": {"care_worker"},  # only the learner's own attempt
    "sandbox:home": LOGGED_IN,
    "sandbox:workspace": LOGGED_IN,
    "sandbox:attempt": {"care_worker"},  # only the learner's own kept attempt
    "sandbox:settings": REGISTER_EDITORS,  # the organisation's model: admin, privacy officer
    "sandbox:community": {"lead"},  # the community's model for partners
    "register:home": A_MEMBERS | {"lead"},
    "register:tool_detail": A_MEMBERS | {"lead"},
    "register:tool_history": A_MEMBERS | {"lead"},
    "register:check": A_MEMBERS | {"lead"},
    "register:guidelines": A_MEMBERS | {"lead"},
    "register:export_json": A_MEMBERS | {"lead"},
    "register:export_companion_json": A_MEMBERS | {"lead"},
    "register:export_csv": A_MEMBERS | {"lead"},
    "register:tool_create": REGISTER_EDITORS,
    "register:tool_edit": REGISTER_EDITORS,
    "register:templates": REGISTER_EDITORS,
    "register:publish": REGISTER_EDITORS,
    "register:import_csv": REGISTER_EDITORS,
    "register:import_status": REGISTER_EDITORS,
    "register:guideline_edit": REGISTER_EDITORS,
    "register:acknowledgements": {"manager", "org_admin", "privacy_officer"},
    "literacy:overview": {"org_admin", "privacy_officer"},
    "literacy:team": {"manager"},
    "literacy:mine": A_MEMBERS,
    "literacy:reviews": {"manager", "org_admin", "privacy_officer"},
    "literacy:review": {"manager", "org_admin", "privacy_officer"},
    "literacy:requirements": {"org_admin", "privacy_officer"},
    "literacy:plan": {"org_admin", "privacy_officer"},
    "literacy:plan_goal": {"org_admin", "privacy_officer"},
    "literacy:evidence": {"org_admin", "privacy_officer"},
    "literacy:evidence_download": {"org_admin", "privacy_officer"},
    "kpis:dashboard": {"lead"},
    "insights:home": A_MEMBERS,  # the lead sees only the distribution across partners
    "insights:round_start": {"org_admin"},
    "insights:round_detail": {"org_admin", "manager", "care_worker"},  # invited: care worker
    "insights:round_answer": {"care_worker"},  # only one's own invitation
    "insights:community": {"lead"},
    "insights:survey_list": A_MEMBERS | {"lead"},
    "insights:survey_new": {"educator", "org_admin", "lead"},
    "insights:survey_answer": {"care_worker"},  # sent to A's professionals
    "insights:survey_results": {"educator", "org_admin", "manager", "lead"},
    "insights:survey_export": {"educator", "org_admin", "lead"},  # the codebook
    # The community's own surveys: the community lead only (outsiders and A's people: 404).
    "insights:community_survey_list": {"lead"},
    "insights:community_survey_new": {"lead"},
    "insights:community_survey_results": {"lead"},
    "insights:community_survey_export": {"lead"},  # the codebook
    "kpis:report": {"lead"},
    "kpis:export": {"lead"},
    "community:event_list": LOGGED_IN,
    "community:event_detail": LOGGED_IN,
    "community:event_calendar": LOGGED_IN,
    "community:event_create": {"lead"},
    "community:event_edit": {"lead"},  # the organiser
    "usecases:list": LOGGED_IN,
    "usecases:submit": LOGGED_IN,
    "usecases:cycles": {"lead"},
    "usecases:open": LOGGED_IN,
    "usecases:join": LOGGED_IN,  # the team opened it to every member
    "usecases:detail": {"care_worker", "lead"},  # the team (here: who asked) and the lead
    "usecases:canvas": {"care_worker", "lead"},
    "usecases:canvas_pdf": {"care_worker", "lead"},
    "usecases:demonstrator_file": {"care_worker", "lead"},
    "admin:index": {"lead"},
    "admin:community_organisation_changelist": {"lead"},
    "admin:core_auditevent_changelist": {"lead"},
}

OUTSIDERS = {"outsider", "outsider_admin"}


@dataclass
class Route:
    name: str
    kwargs: dict[str, Any]
    url: str
    touches_a: bool  # the address names one of A's objects


def _walk(
    patterns: list[Any], namespace: str = "", prefix: str = "/"
) -> Iterator[tuple[str, URLPattern, str]]:
    """Yield (full name, pattern, address prefix) for every URL pattern."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            yield from _walk(
                entry.url_patterns,
                f"{namespace}{ns}:" if ns else namespace,
                prefix + str(entry.pattern).lstrip("^"),
            )
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else "", entry, prefix)


def _param_names(pattern: URLPattern) -> list[str]:
    return list(pattern.pattern.regex.groupindex)


def _admin_object_id(name: str, world: World) -> tuple[str, bool]:
    """For admin:<app>_<model>_<view>: the id of one of A's objects of that model, and
    whether it is A's data. Models without a row of A's get an id that does not exist."""
    label = name.removeprefix("admin:").rsplit("_", 1)[0]
    # Django's UserAdmin names its password page after auth.User whatever the user model is.
    label = {"auth_user_password": "accounts_user"}.get(label, label)
    for model in apps.get_models():
        if f"{model._meta.app_label}_{model._meta.model_name}" == label:
            a_objects = {
                "accounts.user": world.care_worker,
                "community.organisation": world.org_a,
                "community.membership": world.care_worker_membership,
                "community.invitation": world.open_invitation,
            }
            obj = a_objects.get(model._meta.label_lower) or model._default_manager.first()
            if obj is None:
                return "00000000-0000-0000-0000-000000000000", False
            return str(obj.pk), model._meta.label_lower in a_objects
    raise AssertionError(f"No model for admin URL {name}")


def _learning_objects(world: World) -> tuple[Any, Any]:
    """A community module with the care worker's enrolment and an open quiz attempt."""

    from carai.learning.content import read_pack
    from carai.learning.models import Module
    from carai.learning.services.content import module_import
    from carai.learning.services.progress import enrolment_start
    from carai.learning.services.quiz import quiz_attempt_start

    module = Module.objects.filter(key="testmodule").first()
    if module is None:
        (data,) = read_pack(FIXTURES / "pack")
        module = module_import(data=data)
    enrolment = enrolment_start(user=world.care_worker, module=module)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=module.lessons.get(kind="quiz"))
    return module, attempt


def _certificate(world: World, module: Any) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from carai.learning.models import Certificate

    return Certificate.objects.get_or_create(
        user=world.care_worker,
        module=module,
        module_version=1,
        defaults={
            "module_title": module.title,
            "holder_name": world.care_worker.full_name,
            "issued_at": timezone.now(),
            "expires_at": timezone.now() + timedelta(days=365),
        },
    )[0]


def _sandbox_attempt(world: World, case: Any) -> int:
    from carai.sandbox.services import attempt_save

    attempt = attempt_save(
        user=world.care_worker,
        case=case,
        task="Maak een overdracht.",
        prompt="Vat het dossier samen.",
        answer="Een samenvatting.",
        source="recorded",
        marks=[],
        reflection="",
    )
    return attempt.pk


def _practice_objects(world: World) -> tuple[Any, Any]:
    """The fictional test case and one attempt of the care worker at it."""
    from carai.practice.content import read_cases
    from carai.practice.services import case_import, practice_output_submit

    (data,) = read_cases(FIXTURES / "cases")
    case = case_import(data=data)[0]
    attempt = practice_output_submit(user=world.care_worker, case=case, output_number=0, ticked={0})
    return case, attempt


def _register_objects(world: World) -> int:
    """A's AI tool register (not public) with one tool and guidelines; returns the tool's id."""
    from carai.register.services import guideline_publish, tool_create

    tool = tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": "Schrijfhulp A", "vendor": "Leverancier (fictief)", "purpose": "Brieven"},
        rules={"public": ("allowed", "")},
    )
    guideline_publish(
        organisation=world.org_a, actor=world.privacy_officer, title="AI bij A", body="Tekst"
    )
    return tool.pk


def _tool_import(world: World) -> int:
    """A large CSV import of A's register that waits for the background worker."""
    from carai.register.models import ToolImport

    return ToolImport.objects.create(
        organisation=world.org_a, created_by=world.privacy_officer, text="name\n", rows_total=1
    ).pk


def _literacy_objects(world: World, module: Any) -> dict[str, int]:
    """The care worker's external certificate waiting for review, a goal of A's literacy
    plan and an evidence file of A that is ready."""
    import datetime

    from carai.literacy import services
    from carai.literacy.models import EvidenceFile
    from carai.literacy.tasks import evidence_file_make

    external = services.external_declare(
        organisation=world.org_a,
        user=world.care_worker,
        module_key=module.key,
        title="AI in de zorg (fictief)",
        issuer="Opleider (fictief)",
        issued_on=datetime.date(2026, 1, 5),
    )
    goal = services.plan_goal_save(
        actor=world.privacy_officer,
        organisation=world.org_a,
        data={
            "goal": "Iedereen kent de regels",
            "measures": "Module en workshop",
            "evaluate_on": datetime.date(2027, 6, 1),
        },
    )
    made = EvidenceFile.objects.create(
        organisation=world.org_a, as_of=datetime.date.today(), requested_by=world.privacy_officer
    )
    evidence_file_make(file_id=made.pk)
    return {"external_id": external.pk, "goal_id": goal.pk, "file_id": made.pk}


def _assignment(world: World, module: Any) -> int:
    """A's manager asks A's care workers to do the module."""
    import datetime

    from carai.learning.services.assignments import assignment_create

    return assignment_create(
        actor=world.manager,
        organisation=world.org_a,
        module=module,
        due_date=datetime.date.today() + datetime.timedelta(days=30),
        role="professional",
    ).pk


def _event(world: World) -> int:
    import datetime

    from django.utils import timezone

    from carai.community.events import event_register, event_save

    starts = timezone.now() + datetime.timedelta(days=5)
    event = event_save(
        actor=world.lead,
        event=None,
        data={
            "title": "Communitysessie",
            "kind": "community",
            "description": "Samen leren",
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=2),
            "place": "Utrecht (fictief)",
            "capacity": 10,
        },
    )
    event_register(user=world.care_worker, event=event)
    return event.pk


def _use_case_objects(world: World) -> dict[str, int]:
    """A's use case (accepted, not in the showcase) with a demonstrator that has a picture."""
    import datetime

    from PIL import Image

    from carai.usecases import services

    use_case = services.use_case_submit(
        actor=world.care_worker,
        organisation=world.org_a,
        data={"title": "Overdracht", "problem": "p", "who_has_it": "w", "expected_value": "e"},
    )
    cycle = services.cycle_create(
        name="Voorjaar 2027",
        starts_on=datetime.date(2027, 2, 1),
        ends_on=datetime.date(2027, 7, 31),
    )
    use_case = services.use_case_triage(
        actor=world.lead, use_case=use_case, accept=True, cycle=cycle, criteria={}, reason=""
    )
    picture = io.BytesIO()
    Image.new("RGB", (20, 20), "teal").save(picture, format="PNG")
    demonstrator = services.demonstrator_add(
        actor=world.care_worker,
        use_case=use_case,
        data={"name": "Demo", "what_it_does": "x", "ai_used": "y"},
        file_data=picture.getvalue(),
    )
    # The team looks for people: every member may read the join page (title and call only),
    # and Kevin of organisation B asks to join.
    services.use_case_recruiting_set(
        actor=world.care_worker,
        use_case=use_case,
        open_to_join=True,
        looking_for="Een student verpleegkunde (fictief)",
    )
    join_request = services.join_request_create(
        actor=world.outsider, use_case=use_case, role="student", motivation="Ik wil meedoen."
    )
    return {
        "use_case_id": use_case.pk,
        "demonstrator_id": demonstrator.pk,
        "join_request_id": join_request.pk,
    }


def _sso_domain(world: World) -> int:
    """A's sign-in connection (SAML 2.0, so that CARAI's SAML metadata for A exists) with
    one e-mail domain, not yet verified."""
    import tempfile
    from pathlib import Path

    from carai.signin import saml
    from carai.signin.models import Protocol, SsoConnection, SsoDomain
    from tests.signin.saml_provider import idp_metadata_without_server

    with tempfile.TemporaryDirectory() as folder:
        metadata = saml.read_metadata(idp_metadata_without_server(Path(folder)))
    connection = SsoConnection.objects.create(
        organisation=world.org_a,
        protocol=Protocol.SAML,
        saml_metadata_xml=metadata.xml,
        saml_idp_entity_id=metadata.entity_id,
        saml_sso_url=metadata.sso_url,
    )
    return SsoDomain.objects.create(connection=connection, domain="zorg-a.example").pk


def _security_key(world: World) -> int:
    """The care worker's own security key (only they may remove it)."""
    from carai.signin.models import SecurityKey

    return SecurityKey.objects.create(
        user=world.care_worker, name="Sleutel", credential_id="00ff", credential_data=b"x"
    ).pk


def _maturity_round(world: World) -> int:
    """An open AI maturity round of A to which the care worker is invited."""
    import datetime

    from carai.insights.models import MaturityInvite, MaturityRound

    maturity_round = MaturityRound.objects.create(
        organisation=world.org_a,
        title="Voorjaar",
        model_version="test",
        started_by=world.org_admin,
        closes_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    MaturityInvite.objects.create(round=maturity_round, user=world.care_worker)
    return maturity_round.pk


def _survey_objects(world: World) -> dict[str, int]:
    """A survey of A sent to A's professionals (the care worker), and a question of it."""
    import datetime

    from carai.insights.services.surveys import survey_create, survey_send

    survey = survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Voormeting",
        consent_text="Vrijwillig.",
        template_keys=["ai-literacy"],
        role="professional",
    )
    first_item = survey.items.first()
    assert first_item is not None
    item_id = first_item.pk
    survey_send(
        survey=survey,
        actor=world.educator,
        closes_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    return {"survey_id": survey.pk, "item_id": item_id}


def _community_survey(world: World) -> int:
    """A community survey (the lead's), sent to the professionals of every organisation."""
    import datetime

    from carai.insights.services.surveys import survey_create, survey_send

    survey = survey_create(
        organisation=None,
        actor=world.lead,
        title="Community-voormeting",
        consent_text="Vrijwillig.",
        template_keys=["work-pleasure"],
        role="professional",
    )
    survey_send(
        survey=survey,
        actor=world.lead,
        closes_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    return survey.pk


def _undelivered_mail(world: World) -> int:
    """An invitation e-mail of A that the mail server refused for good."""
    from carai.core.models import MailMessage, MailStatus

    return MailMessage.objects.create(
        to=world.open_invitation.email,
        template="community/email/invitation",
        subject="Uitnodiging",
        body="Een link",
        organisation=world.org_a,
        status=MailStatus.FAILED,
        attempts=6,
        last_error="SMTPRecipientsRefused: 550 onbekend",
    ).pk


def build_routes(world: World) -> list[Route]:
    from carai.core.models import AuditEvent

    AuditEvent.objects.create(action="login", actor=world.care_worker, organisation=world.org_a)
    module, attempt = _learning_objects(world)
    # Shared learning content: every member may see it, so it is not "A's private data".
    shared: dict[str, Any] = {
        "module_id": module.pk,
        "lesson_id": module.lessons.order_by("order").first().pk,
    }
    certificate = _certificate(world, module)
    shared["code"] = certificate.code  # public check by code
    own = make_org_module(world)  # A's own module: published, with a working copy
    case, practice_attempt = _practice_objects(world)
    shared["case_id"] = case.pk  # fictional cases are shared with everyone
    shared["output_number"] = 0
    shared["fmt"] = "xlsx"
    shared["what"] = "codebook"
    shared["event_id"] = _event(world)  # community events are open to every member
    values: dict[str, Any] = {
        "practice_attempt_id": practice_attempt.pk,  # the care worker's own attempt
        "sandbox_attempt_id": _sandbox_attempt(world, case),  # the care worker's own
        "tool_id": _register_objects(world),
        "import_id": _tool_import(world),
        **_use_case_objects(world),
        "draft_id": own.copy.pk,
        "draft_lesson_id": own.copy_quiz.pk,
        "question_id": own.copy_question.pk,
        "session_id": own.session.pk,
        "shared_id": own.live.pk,
        "image_lesson_id": own.image_lesson.pk,
        "attempt_id": attempt.pk,  # the care worker's own quiz attempt
        "assignment_id": _assignment(world, module),
        **_literacy_objects(world, module),
        "certificate_id": certificate.pk,
        "slug": world.org_a.slug,
        "membership_id": world.care_worker_membership.pk,
        "invitation_id": world.open_invitation.pk,
        "message_id": _undelivered_mail(world),
        "domain_id": _sso_domain(world),
        "key_id": _security_key(world),
        "round_id": _maturity_round(world),
        **_survey_objects(world),
        "community_survey_id": _community_survey(world),
        "public_id": world.open_invitation.public_id,
        "uidb64": urlsafe_base64_encode(force_bytes(world.care_worker.pk)),
    }
    routes: list[Route] = []
    unbuildable: list[str] = []
    for name, pattern, prefix in _walk(get_resolver().url_patterns):
        params = _param_names(pattern)
        if not name:
            if "url" in params:
                # Django admin's catch-all: visit it through an unknown address.
                routes.append(Route("admin:catch_all", {}, "/beheer/onbekend/", False))
            elif params == ["object_id"] and prefix.startswith("/beheer/"):
                # The admin's old-style object address, which redirects to the change page.
                app_label, model_name = prefix.strip("/").split("/")[1:3]
                object_id, touches = _admin_object_id(
                    f"admin:{app_label}_{model_name}_change", world
                )
                routes.append(Route("admin:object", {}, f"{prefix}{object_id}/", touches))
            else:
                unbuildable.append(f"{prefix}{pattern.pattern}")
            continue
        kwargs: dict[str, Any] = {}
        touches_a = False
        for param in params:
            if param == "token":
                kwargs["token"] = (
                    world.open_invitation.token
                    if name == "community:invitation_accept"
                    else default_token_generator.make_token(world.care_worker)
                )
            elif param in values:
                kwargs[param] = values[param]
                touches_a = True
            elif param in shared:
                kwargs[param] = shared[param]
            elif param == "object_id" and "content_type_id" in params:
                continue  # filled together with content_type_id below
            elif param in {"object_id", "id"} and name.startswith("admin:"):
                kwargs[param], touches_a = _admin_object_id(name, world)
            elif param == "app_label":
                kwargs[param] = "community"
            elif param == "content_type_id":
                from django.contrib.contenttypes.models import ContentType

                kwargs[param] = ContentType.objects.get_for_model(world.org_a).pk
                kwargs["object_id"] = world.org_a.pk
                touches_a = True
            else:
                unbuildable.append(f"{name} ({param})")
        try:
            url = reverse(name, kwargs=kwargs)
        except Exception as exc:  # a pattern the walk does not know how to fill
            unbuildable.append(f"{name}: {exc}")
            continue
        routes.append(Route(name, kwargs, url, touches_a))
    assert not unbuildable, f"Teach the walk these URL parameters: {unbuildable}"
    return routes


def _a_private_markers(world: World) -> list[str]:
    return [
        world.care_worker.email,
        world.manager.email,
        world.org_admin.email,
        world.open_invitation.email,
        world.care_worker.full_name,
    ]


@pytest.fixture
def walk_world(world: World) -> World:
    world.lead.is_staff = True
    world.lead.save(update_fields=["is_staff"])
    world.lead.groups.add(_lead_group())
    return world


def _login_redirect(response: Any) -> bool:
    location = str(response.get("Location", ""))
    return bool(response.status_code == 302) and (
        location.startswith(reverse("accounts:login")) or location.startswith("/beheer/login/")
    )


def test_walk_covers_the_whole_project(walk_world: World) -> None:
    routes = build_routes(walk_world)
    names = {r.name for r in routes}
    # The walk must reach our own pages and the admin, or it proves nothing.
    assert set(ALLOWED_GET) <= names
    assert "admin:community_membership_change" in names
    assert len(routes) > 60


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_url_as_every_persona(walk_world: World, persona: str, method: str) -> None:
    world = walk_world
    routes = build_routes(world)
    markers = _a_private_markers(world)
    failures: list[str] = []
    for route in routes:
        # Fresh client per request: some pages (log out, erase) end the session.
        client = client_for(world.persona(persona))
        response = getattr(client, method)(route.url)
        status = response.status_code
        where = f"{method.upper()} {route.url} [{route.name}] as {persona}: {status}"
        if status >= 500:
            failures.append(f"{where} (server error)")
            continue
        if persona == "anonymous" and route.name not in PUBLIC and route.name != "admin:catch_all":
            if not _login_redirect(response):
                failures.append(f"{where} (expected a redirect to log in)")
            continue
        if persona in OUTSIDERS and route.touches_a and route.name not in TOKEN_LINKS:
            body = response.content.decode(errors="replace") if status == 200 else ""
            leaked = [m for m in markers if m in body]
            if (status == 200 and route.name not in {"core:home", *OPEN_BY_CHOICE}) or leaked:
                failures.append(f"{where} (outsider reached A's data: {leaked})")
            elif status not in {302, 403, 404, 405} and route.name not in OPEN_BY_CHOICE:
                failures.append(f"{where} (unexpected answer for an outsider)")
        if method == "get" and route.name in ALLOWED_GET:
            allowed = persona in ALLOWED_GET[route.name]
            if allowed and status != 200:
                failures.append(f"{where} (should be allowed)")
            if not allowed and persona != "anonymous" and status == 200:
                failures.append(f"{where} (should be refused)")
    assert not failures, "\n".join(failures)


def test_outsider_admin_cannot_reach_a_objects_through_own_slug(walk_world: World) -> None:
    """Organisation B's admin puts B's slug in the address with A's ids: still 404."""
    world = walk_world
    client = client_for(world.outsider_admin)
    b = world.org_b.slug
    for name, kwargs in [
        ("community:membership_role", {"membership_id": world.care_worker_membership.pk}),
        ("community:membership_end", {"membership_id": world.care_worker_membership.pk}),
        ("community:invitation_revoke", {"invitation_id": world.open_invitation.pk}),
    ]:
        url = reverse(name, kwargs={"slug": b, **kwargs})
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"role": "org_admin"}).status_code == 404, url
    round_url = reverse(
        "insights:round_detail", kwargs={"slug": b, "round_id": _maturity_round(world)}
    )
    assert client.get(round_url).status_code == 404
    survey_url = reverse(
        "insights:survey_results",
        kwargs={"slug": b, "survey_id": _survey_objects(world)["survey_id"]},
    )
    assert client.get(survey_url).status_code == 404
    close_url = reverse(
        "insights:round_close", kwargs={"slug": b, "round_id": _maturity_round(world)}
    )
    assert client.post(close_url).status_code == 404
    world.care_worker_membership.refresh_from_db()
    assert world.care_worker_membership.role == "professional"
    assert world.care_worker_membership.ended_at is None
    world.open_invitation.refresh_from_db()
    assert world.open_invitation.revoked_at is None


def test_wrong_invitation_token_is_404(walk_world: World) -> None:
    url = reverse(
        "community:invitation_accept",
        kwargs={"public_id": walk_world.open_invitation.public_id, "token": "0" * 64},
    )
    assert client_for(None).get(url).status_code == 404
