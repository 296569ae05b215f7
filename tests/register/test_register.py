"""The AI tool register, guidelines and "Mag dit?" (issue 5). All data is made up."""

from __future__ import annotations

import csv
import io
import logging
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from carai.core.engine import privacy_engine_warm_up
from carai.learning.models import Enrolment, Module
from carai.learning.selectors import one_per_key
from carai.register import verdict
from carai.register.content import TemplateError, read_template, read_templates
from carai.register.models import AITool, CheckCount, DataRule, ToolRevision, ToolTemplate
from carai.register.selectors import (
    RequirementStats,
    requirement_stats,
    snapshot_diff,
    tools_for_user,
    unread_guidelines,
)
from carai.register.services import (
    guideline_acknowledge,
    guideline_publish,
    template_import,
    tool_adopt_template,
    tool_create,
    tool_update,
)
from carai.register.verdict import Rule, ToolRules
from tests.authoring_helpers import make_org_module
from tests.conftest import World, client_for, downloaded

TEMPLATES = Path(settings.BASE_DIR) / "content" / "ai-tools"
A = "zorg-a"


def url(name: str, **kwargs: object) -> str:
    return reverse(f"register:{name}", kwargs={"slug": A, **kwargs})


# The verdict rules, as a table ------------------------------------------------------------

COPILOT = ToolRules(
    status=verdict.CONDITIONS,
    may_use=True,
    rules={
        "public": Rule(verdict.ALLOWED),
        "internal": Rule(verdict.CONDITIONS, "Alleen in de eigen omgeving"),
        "client_personal": Rule(verdict.NOT_ALLOWED, "Geen cliëntgegevens"),
        "pseudonymised": Rule(verdict.CONDITIONS, "Controleer of niets iemand herkenbaar maakt"),
        "bsn": Rule(verdict.NOT_ALLOWED, "Nooit"),
    },
    tool_conditions="Alleen met werkaccount",
)
OPEN = ToolRules(status=verdict.ALLOWED, may_use=True, rules={"public": Rule(verdict.ALLOWED)})


@pytest.mark.parametrize(
    ("tool", "categories", "outcome", "codes"),
    [
        (None, {"public"}, verdict.NOT_ASSESSED, {"not_in_register"}),
        (OPEN, {"public"}, verdict.ALLOWED, {"category_allowed"}),
        (OPEN, {"internal"}, verdict.NOT_ALLOWED, {"category_not_assessed"}),
        (COPILOT, {"public"}, verdict.CONDITIONS, {"category_allowed"}),
        (COPILOT, {"internal"}, verdict.CONDITIONS, set()),
        (COPILOT, {"client_personal"}, verdict.NOT_ALLOWED, {"category_not_allowed"}),
        (COPILOT, {"bsn", "client_personal"}, verdict.NOT_ALLOWED, {"category_not_allowed"}),
        (COPILOT, {"health"}, verdict.NOT_ALLOWED, {"category_not_assessed"}),
        (
            ToolRules(status=verdict.UNDER_REVIEW, may_use=True, rules=OPEN.rules),
            {"public"},
            verdict.NOT_ALLOWED,
            {"tool_under_review", "category_allowed"},
        ),
        (
            ToolRules(status=verdict.NOT_ALLOWED, may_use=True, rules=OPEN.rules),
            {"public"},
            verdict.NOT_ALLOWED,
            {"tool_not_allowed", "category_allowed"},
        ),
        (
            ToolRules(status=verdict.ALLOWED, may_use=False, rules=OPEN.rules),
            {"public"},
            verdict.NOT_ALLOWED,
            {"role_not_allowed", "category_allowed"},
        ),
        (
            ToolRules(
                status=verdict.ALLOWED,
                may_use=True,
                rules=OPEN.rules,
                missing_modules=("Privacy en AI",),
            ),
            {"public"},
            verdict.NOT_ALLOWED,
            {"module_missing", "category_allowed"},
        ),
    ],
)
def test_verdict_table(
    tool: ToolRules | None, categories: set[str], outcome: str, codes: set[str]
) -> None:
    decision = verdict.decide(tool, categories)
    assert decision.outcome == outcome
    assert {code for code, _category in decision.reasons} == codes


def test_conditions_are_listed_with_their_category() -> None:
    decision = verdict.decide(COPILOT, {"internal", "public"})
    assert ("internal", "Alleen in de eigen omgeving") in decision.conditions
    assert ("", "Alleen met werkaccount") in decision.conditions


@pytest.mark.parametrize(
    ("labels", "health", "staff", "expected"),
    [
        (set(), False, False, {"internal"}),
        (set(), True, False, {"pseudonymised"}),
        ({"instelling", "url"}, False, False, {"internal"}),
        ({"naam"}, False, False, {"client_personal"}),
        ({"naam"}, True, False, {"client_personal", "health"}),
        ({"naam", "bsn"}, True, False, {"client_personal", "health", "bsn"}),
        ({"naam"}, False, True, {"staff_personal"}),
    ],
)
def test_categories_from_the_privacy_engines_labels(
    labels: set[str], health: bool, staff: bool, expected: set[str]
) -> None:
    found = verdict.categories_from_text(labels, health_terms=health, about_staff=staff)
    assert found == expected


def test_without_identifiers_leaves_pseudonymised_data() -> None:
    assert verdict.without_identifiers({"client_personal", "health", "bsn"}) == {"pseudonymised"}
    assert verdict.without_identifiers({"staff_personal", "public"}) == {"internal", "public"}


# Templates and history -------------------------------------------------------------------


@pytest.fixture
def templates(db: None) -> list[ToolTemplate]:
    return [template_import(data=data)[0] for data in read_templates(TEMPLATES)]


def test_shipped_templates_are_complete(templates: list[ToolTemplate]) -> None:
    assert len(templates) >= 7
    for template in templates:
        assert set(template.data_rules) == {c.value for c in verdict_categories()}
        assert template.text("verify", "nl")
        assert template.text("verify", "en")
        assert template.data_rules["bsn"]["permission"] == "not_allowed"


def verdict_categories() -> list:  # type: ignore[type-arg]
    from carai.register.models import DataCategory

    return list(DataCategory)


def test_a_broken_template_is_refused_with_the_reason(tmp_path: Path) -> None:
    text = (TEMPLATES / "deepl.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "deepl.yaml"
    broken.write_text(text.replace("permission: not_allowed", "permission: maybe", 1))
    with pytest.raises(TemplateError, match="permission"):
        read_template(broken)


def test_adopting_a_template_starts_under_review_with_dated_facts(
    templates: list[ToolTemplate], world: World
) -> None:
    copilot = ToolTemplate.objects.get(slug="microsoft-365-copilot")
    tool = tool_adopt_template(
        organisation=world.org_a, actor=world.privacy_officer, template=copilot, language="nl"
    )
    assert tool.status == "under_review"
    assert not tool.processor_agreement  # only once the organisation signed one
    assert copilot.checked_on.isoformat() in tool.known_risks
    assert tool.rules()["bsn"].permission == "not_allowed"
    assert tool.revisions.get().number == 1


def test_every_change_is_a_version_and_versions_can_be_compared(world: World) -> None:
    tool = tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": "Schrijfhulp", "vendor": "Fictief BV", "purpose": "Brieven"},
        rules={"public": ("allowed", "")},
    )
    data = {"name": "Schrijfhulp", "vendor": "Fictief BV", "purpose": "Brieven"}
    tool_update(
        tool=tool, actor=world.privacy_officer, data=data, rules={"public": ("allowed", "")}
    )
    assert tool.revisions.count() == 1  # nothing changed: no new version
    tool = tool_update(
        tool=tool,
        actor=world.privacy_officer,
        data={**data, "status": "allowed"},
        rules={"public": ("allowed", ""), "health": ("not_allowed", "Nooit")},
    )
    assert tool.revision == 2
    first, second = ToolRevision.objects.filter(tool=tool).order_by("number")
    changes = {c.field: (c.old, c.new) for c in snapshot_diff(first.snapshot, second.snapshot)}
    assert changes["status"] == ("under_review", "allowed")
    health = [key for key in changes if "Gezondheid" in key or "Health" in key]
    assert health, changes
    assert first.snapshot["status"] == "under_review"  # the old version is kept whole


# Views: who may do what -------------------------------------------------------------------


def test_privacy_officer_adopts_restricts_and_publishes(
    templates: list[ToolTemplate], world: World
) -> None:
    officer = client_for(world.privacy_officer)
    response = officer.post(url("templates"), {"template": "microsoft-365-copilot"})
    tool = AITool.objects.get(organisation=world.org_a)
    assert response["Location"] == url("tool_edit", tool_id=tool.pk)
    form = officer.get(url("tool_edit", tool_id=tool.pk)).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update({f: form[f].value() for f in form.fields if f.startswith(("rule_", "conditions_"))})
    data = {k: v for k, v in data.items() if v not in (None, "")}
    data["roles"] = []
    data["status"] = "allowed_with_conditions"
    data["rule_health"] = "not_allowed"
    data["conditions_health"] = "Nooit gezondheidsgegevens van cliënten."
    response = officer.post(url("tool_edit", tool_id=tool.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    tool.refresh_from_db()
    assert tool.revision == 2
    assert DataRule.objects.get(tool=tool, category="health").permission == "not_allowed"
    # Members read, only editors change; the lead reads but does not edit.
    assert client_for(world.care_worker).get(url("tool_detail", tool_id=tool.pk)).status_code == 200
    assert (
        client_for(world.care_worker).post(url("tool_edit", tool_id=tool.pk), data).status_code
        == 404
    )
    assert client_for(world.lead).post(url("tool_edit", tool_id=tool.pk), data).status_code == 404


def test_another_organisations_register_is_invisible_until_published(world: World) -> None:
    tool = tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": "Schrijfhulp", "vendor": "Fictief BV", "purpose": "Brieven"},
        rules={},
    )
    outsider = client_for(world.outsider_admin)
    public = reverse("register:public", kwargs={"slug": A})
    assert outsider.get(url("home")).status_code == 404
    assert outsider.get(url("tool_detail", tool_id=tool.pk)).status_code == 404
    assert client_for(None).get(public).status_code == 404
    client_for(world.privacy_officer).post(url("publish"), {"is_public": "on"})
    page = client_for(None).get(public)
    assert page.status_code == 200
    assert "Schrijfhulp" in page.content.decode()
    exported = client_for(None).get(public + "?formaat=json").json()
    assert exported[0]["name"] == "Schrijfhulp"
    # Published is read-only for outsiders: B's admin still cannot change A's tool.
    assert outsider.post(url("tool_edit", tool_id=tool.pk), {"name": "X"}).status_code == 404
    b_slug = reverse("register:tool_edit", kwargs={"slug": "zorg-b", "tool_id": tool.pk})
    assert outsider.get(b_slug).status_code == 404


def test_tampered_posts_get_a_message_and_change_nothing(world: World) -> None:
    other = tool_create(
        organisation=world.org_b,
        actor=world.outsider_admin,
        data={"name": "Tool van B", "vendor": "Fictief", "purpose": "x"},
        rules={"public": ("allowed", "")},
    )
    officer = client_for(world.privacy_officer)
    response = officer.post(url("templates"), {"template": "bestaat-niet"})
    assert response.status_code == 200
    assert not AITool.objects.filter(organisation=world.org_a).exists()
    response = client_for(world.care_worker).post(
        url("check"), {"tool": str(other.pk), "about": "client", "categories": ["public"]}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["tool"]
    assert "decision" not in response.context
    assert not CheckCount.objects.exists()


# Guidelines -----------------------------------------------------------------------------


def test_guidelines_are_acknowledged_and_a_new_version_asks_again(world: World) -> None:
    officer = client_for(world.privacy_officer)
    officer.post(url("guideline_edit"), {"title": "Onze AI-afspraken", "body": "- Nooit een BSN"})
    assert unread_guidelines(user=world.care_worker)
    worker = client_for(world.care_worker)
    assert url("guidelines") in worker.get(reverse("overview:dashboard")).content.decode()
    worker.post(url("guidelines"), {"version": "1"})
    assert not unread_guidelines(user=world.care_worker)
    response = officer.post(
        url("guideline_edit"), {"title": "Onze AI-afspraken", "body": "- Nooit een BSN"}
    )
    assert response.status_code == 200  # nothing changed: refused with a message
    assert response.context["form"].non_field_errors()
    officer.post(
        url("guideline_edit"), {"title": "Onze AI-afspraken", "body": "- Nooit een BSN\n- Nieuw"}
    )
    assert unread_guidelines(user=world.care_worker)
    # An out-of-date confirmation does not count for the new version.
    worker.post(url("guidelines"), {"version": "1"})
    assert unread_guidelines(user=world.care_worker)
    overview = client_for(world.manager).get(url("acknowledgements"))
    assert overview.status_code == 200
    rows = {person.display_name: person for person, _roles in overview.context["rows"]}
    assert rows[world.care_worker.display_name].acknowledged_at is None
    # Confirm the new version; the page counts per role in SQL and filters on who read it.
    worker.post(url("guidelines"), {"version": "2"})
    overview = client_for(world.manager).get(url("acknowledgements"), {"status": "read"})
    assert [p for p, _roles in overview.context["rows"]] == [world.care_worker]
    counts = {c.role_label: (c.done, c.total) for c in overview.context["counts"]}
    assert counts["Zorgprofessional"] == (1, 1)
    assert counts["Leidinggevende"] == (0, 1)
    not_read = client_for(world.manager).get(url("acknowledgements"), {"status": "not_read"})
    assert world.care_worker not in [p for p, _roles in not_read.context["rows"]]
    assert client_for(world.care_worker).get(url("acknowledgements")).status_code == 404
    assert client_for(world.outsider_admin).get(url("acknowledgements")).status_code == 404


def test_acknowledging_twice_keeps_one_record(world: World) -> None:
    guideline = guideline_publish(
        organisation=world.org_a, actor=world.privacy_officer, title="AI", body="Tekst"
    )
    first = guideline_acknowledge(guideline=guideline, user=world.care_worker)
    assert guideline_acknowledge(guideline=guideline, user=world.care_worker) == first


# "Mag dit?" -------------------------------------------------------------------------------

SECRET = "Mevrouw Wilhelmina Testpersoon, BSN 123.456.782, heeft diabetes en belt 06-12345678."


@pytest.fixture
def engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


@pytest.fixture
def copilot(world: World) -> AITool:
    return tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={
            "name": "Copilot (fictief)",
            "vendor": "Fictief",
            "purpose": "Kantoorwerk",
            "status": "allowed_with_conditions",
            "approved_uses": "Alleen met het werkaccount",
        },
        rules={
            "public": ("allowed", ""),
            "internal": ("allowed", ""),
            "pseudonymised": (
                "allowed_with_conditions",
                "Lees na of niets iemand herkenbaar maakt",
            ),
            "client_personal": ("not_allowed", "Geen cliëntgegevens"),
            "health": ("not_allowed", "Nooit"),
            "bsn": ("not_allowed", "Nooit"),
        },
    )


def test_check_with_a_bsn_says_no_and_offers_the_pseudonymised_text(
    engine_ready: None, copilot: AITool, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_for(world.care_worker)
    with caplog.at_level(logging.DEBUG):
        response = client.post(
            url("check"), {"tool": str(copilot.pk), "about": "client", "text": SECRET}
        )
    assert response.status_code == 200
    context = response.context
    assert context["decision"].outcome == "not_allowed"
    assert context["pseudonymise_helps"]
    page = response.content.decode()
    assert "[BSN-1]" in page
    assert "Nee, dit mag niet." in page
    # Nothing of the text is stored or logged; only an anonymous count.
    count = CheckCount.objects.get()
    assert (count.tool, count.verdict, count.count) == (copilot, "not_allowed", 1)
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    for secret in ("Testpersoon", "123.456.782", "06-12345678"):
        assert secret not in dump.getvalue()
        assert secret not in caplog.text
    assert all(SECRET not in str(value) for value in client.session.values())


def test_check_without_text_does_not_point_to_a_version_below(
    copilot: AITool, world: World
) -> None:
    response = client_for(world.care_worker).post(
        url("check"),
        {"tool": str(copilot.pk), "about": "client", "categories": ["client_personal"]},
    )
    assert response.context["decision"].outcome == "not_allowed"
    assert response.context["pseudonymise_helps"]
    page = response.content.decode()
    assert "hieronder" not in page
    assert 'id="pseudonymised"' not in page
    assert reverse("practice:privacy_check") in page


def test_check_of_a_tool_not_in_the_register_names_the_privacy_officer(
    copilot: AITool, world: World
) -> None:
    response = client_for(world.care_worker).post(
        url("check"),
        {"other_tool": "Een nieuwe app", "about": "client", "categories": ["internal"]},
    )
    assert response.context["decision"].outcome == "not_assessed"
    page = response.content.decode()
    assert world.privacy_officer.email in page
    assert "Copilot (fictief)" in page  # allowed for internal information: suggested instead
    assert CheckCount.objects.get(tool=None).verdict == "not_assessed"


def test_check_needs_a_tool_and_some_data(world: World) -> None:
    response = client_for(world.care_worker).post(url("check"), {"about": "client"})
    errors = response.context["form"].errors
    assert "tool" in errors
    assert "text" in errors
    # One of text and kinds is needed, so neither label may call itself optional.
    labels = [str(response.context["form"].fields[name].label) for name in ("text", "categories")]
    assert not [label for label in labels if "optional" in label or "verplicht" in label], labels
    too_long = "Jansen " * 3000
    response = client_for(world.care_worker).post(
        url("check"), {"other_tool": "X", "about": "client", "text": too_long}
    )
    assert "text" in response.context["form"].errors
    assert too_long.strip()[:100] in response.content.decode()  # nothing typed is lost


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Deze tekst is te lang: maximaal 20.000 tekens, jij hebt er 21.000."),
        ("en", "This text is too long: at most 20,000 characters, you have 21,000."),
    ],
)
def test_check_of_a_too_long_text_says_so_in_words(
    world: World, language: str, message: str
) -> None:
    message_end = {"nl": "Controleer hem in delen.", "en": "Check it in parts."}
    world.care_worker.preferred_language = language
    world.care_worker.save()
    too_long = "Jansen " * 2999 + "Jansen."  # 21,000 characters
    response = client_for(world.care_worker).post(
        url("check"), {"other_tool": "X", "about": "client", "text": too_long}
    )
    page = response.content.decode()
    assert message in page
    # only that: no "paste the text" as if the box were empty
    assert response.context["form"].errors["text"] == [message + " " + message_end[language]]
    assert too_long.strip()[:100] in page  # nothing typed is lost
    assert "decision" not in response.context  # the engine did not run


# Learning requirements -------------------------------------------------------------------


def test_required_modules_show_what_is_left_to_learn(copilot: AITool, world: World) -> None:
    own = make_org_module(world)
    copilot.required_modules.set([own.live])
    (item,) = tools_for_user(user=world.care_worker, language="nl")
    assert item.missing == [own.live]
    assert requirement_stats(tool=copilot).meeting == 0
    Enrolment.objects.update_or_create(
        user=world.care_worker, module=own.live, defaults={"completed_at": "2026-11-01T10:00Z"}
    )
    (item,) = tools_for_user(user=world.care_worker, language="nl")
    assert item.missing == []
    stats = requirement_stats(tool=copilot)
    assert stats.meeting == 1
    assert stats.users == 5  # everyone of A: the tool names no roles
    copilot.roles = ["professional", "manager"]
    copilot.save()
    assert requirement_stats(tool=copilot) == RequirementStats(users=2, meeting=1)


def test_check_says_first_finish_the_module_the_tool_requires(
    copilot: AITool, world: World
) -> None:
    """The same rule as "Leer eerst" on Mijn overzicht: until the required module is
    finished, the answer is no, and it names the module."""
    own = make_org_module(world)
    copilot.required_modules.set([own.live])
    data = {"tool": str(copilot.pk), "about": "client", "categories": ["internal"]}
    response = client_for(world.care_worker).post(url("check"), data)
    decision = response.context["decision"]
    assert decision.outcome == verdict.NOT_ALLOWED
    assert ("module_missing", own.live.title) in decision.reasons
    assert own.live.title in response.content.decode()
    assert not response.context["pseudonymise_helps"]  # learning first, not a safer text
    (item,) = tools_for_user(user=world.care_worker, language="nl")
    assert item.missing == [own.live]  # what the overview says agrees

    Enrolment.objects.update_or_create(
        user=world.care_worker, module=own.live, defaults={"completed_at": "2026-11-01T10:00Z"}
    )
    response = client_for(world.care_worker).post(url("check"), data)
    assert response.context["decision"].outcome == verdict.CONDITIONS  # the tool's condition


def test_alternatives_leave_out_tools_whose_modules_are_not_finished(
    copilot: AITool, world: World
) -> None:
    other = tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": "Samenvatter (fictief)", "vendor": "Fictief", "status": "allowed"},
        rules={"internal": ("allowed", "")},
    )
    asked = {"other_tool": "Een nieuwe app", "about": "client", "categories": ["internal"]}
    response = client_for(world.care_worker).post(url("check"), asked)
    assert set(response.context["alternatives"]) == {copilot, other}
    other.required_modules.set([make_org_module(world).live])
    response = client_for(world.care_worker).post(url("check"), asked)
    assert response.context["alternatives"] == [copilot]


# CSV and Algoritmeregister export --------------------------------------------------------


def _csv(rows: list[dict[str, str]]) -> SimpleUploadedFile:
    out = io.StringIO()
    fields = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("register.csv", out.getvalue().encode(), content_type="text/csv")


def test_csv_export_and_import_round_trip(copilot: AITool, world: World) -> None:
    officer = client_for(world.privacy_officer)
    exported = downloaded(officer.get(url("export_csv"))).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert rows[0]["rule_bsn"] == "not_allowed"
    response = officer.post(url("import_csv"), {"file": _csv(rows)})
    assert response.status_code == 302
    copilot.refresh_from_db()
    assert copilot.revision == 1  # the same data: no new version
    rows[0]["status"] = "not_allowed"
    rows.append({**rows[0], "name": "Nieuwe tool (fictief)"})
    officer.post(url("import_csv"), {"file": _csv(rows)})
    copilot.refresh_from_db()
    assert copilot.status == "not_allowed"
    assert AITool.objects.filter(organisation=world.org_a).count() == 2


def test_a_bad_csv_reports_every_error_with_its_line_and_saves_nothing(
    copilot: AITool, world: World
) -> None:
    good = {"name": "Goed (fictief)", "vendor": "X", "purpose": "Iets", "status": "allowed"}
    bad_status = {**good, "name": "Fout 1", "status": "misschien"}
    bad_rule = {**good, "name": "Fout 2", "rule_bsn": "allowed_with_conditions"}
    response = client_for(world.privacy_officer).post(
        url("import_csv"), {"file": _csv([good, bad_status, bad_rule])}
    )
    problems = response.context["problems"]
    assert any(p.startswith("Regel 3") and "status" in p for p in problems), problems
    assert any(p.startswith("Regel 4") and "conditions_bsn" in p for p in problems), problems
    assert not AITool.objects.filter(name="Goed (fictief)").exists()  # nothing half-imported
    not_text = SimpleUploadedFile("x.csv", b"\xff\xfe\x00\x00" * 10)
    response = client_for(world.privacy_officer).post(url("import_csv"), {"file": not_text})
    assert response.context["form"].errors["file"]


def test_json_export_keeps_our_own_fields_out_of_the_standard(
    copilot: AITool, world: World
) -> None:
    (item,) = client_for(world.care_worker).get(url("export_json")).json()
    assert item["organization"] == world.org_a.name
    assert not [key for key in item if key.startswith("carai")]
    companion = client_for(world.care_worker).get(url("export_companion_json")).json()
    (tool,) = companion["tools"]
    assert tool["data_rules"]["bsn"]["permission"] == "not_allowed"
    assert tool["source_id"] == item["source_id"]


def test_an_oversized_csv_gets_a_clear_message(world: World) -> None:
    big = SimpleUploadedFile("groot.csv", b"name,vendor,purpose,status\n" + b"x" * 1_100_000)
    response = client_for(world.privacy_officer).post(url("import_csv"), {"file": big})
    assert response.status_code == 200
    assert "te groot" in response.context["form"].errors["file"][0]
    assert not AITool.objects.exists()


def test_a_published_register_is_linked_from_the_partner_page(world: World) -> None:
    partners = reverse("overview:partner_list")
    public = reverse("register:public", kwargs={"slug": A})
    assert public not in client_for(None).get(partners).content.decode()
    client_for(world.privacy_officer).post(url("publish"), {"is_public": "on"})
    assert public in client_for(None).get(partners).content.decode()


def test_a_module_in_two_languages_is_one_module_to_learn() -> None:
    dutch = Module(key="privacy-en-ai", language="nl", title="Privacy en AI")
    english = Module(key="privacy-en-ai", language="en", title="Privacy and AI")
    other = Module(key="wat-is-ai", language="en", title="What is AI?")
    assert one_per_key([english, dutch, other], language="nl") == [dutch, other]
    assert one_per_key([dutch, english], language="en") == [english]


def test_the_tool_form_offers_a_module_in_two_languages_once(copilot: AITool, world: World) -> None:
    """Either language version meets a requirement, so the form offers each module once,
    in the reader's language; a version the tool already requires stays ticked."""

    def module(key: str, language: str, title: str) -> Module:
        return Module.objects.create(
            key=key, language=language, title=title, summary="Fictief.", status="published"
        )

    dutch = module("privacy-fictief", "nl", "Privacy (fictief)")
    english = module("privacy-fictief", "en", "Privacy (fictional)")
    only_english = module("alleen-engels", "en", "Only in English (fictional)")
    client = client_for(world.privacy_officer)

    def offered(path: str) -> dict[int, bool]:
        field = client.get(path).context["form"]["required_modules"]
        return {int(str(o.data["value"])): o.data["selected"] for o in field.subwidgets}

    choices = offered(url("tool_create"))
    assert dutch.pk in choices
    assert only_english.pk in choices
    assert english.pk not in choices
    copilot.required_modules.set([english])
    choices = offered(url("tool_edit", tool_id=copilot.pk))
    assert choices[english.pk] is True  # kept: saving the form does not drop it
    assert choices[dutch.pk] is False


def test_the_tool_form_names_an_unset_ai_act_category_in_words(db: None) -> None:
    from django import forms
    from django.utils import translation

    from carai.register.forms import ToolForm

    field = ToolForm().fields["ai_act_category"]
    assert isinstance(field, forms.ChoiceField)
    with translation.override("nl"):
        value, label = next(iter(field.choices))  # type: ignore[arg-type]
        assert (value, str(label)) == ("", "Niet beoordeeld")  # not Django's "---------"


@pytest.mark.parametrize("with_modules", [True, False])
def test_the_tool_form_shows_every_field_once_in_a_section(db: None, with_modules: bool) -> None:
    from carai.register.forms import ToolForm

    form = ToolForm(modules=Module.objects.all() if with_modules else None)
    placed = [field.name for _heading, fields in form.sections() for field in fields]
    assert sorted(placed) == sorted(form.fields)  # none missing, none twice
    assert all(fields for _heading, fields in form.sections())


@pytest.mark.parametrize(
    ("persona", "edits"),
    [("privacy_officer", True), ("org_admin", True), ("care_worker", False), ("lead", False)],
)
def test_the_register_pages_show_the_edit_links_only_to_its_keepers(
    world: World, persona: str, edits: bool
) -> None:
    """The pages look up the roles once for both the door and the edit links."""
    user = world.persona(persona)
    assert user is not None
    client = client_for(user)
    create = reverse("register:tool_create", kwargs={"slug": world.org_a.slug})
    edit = reverse("register:guideline_edit", kwargs={"slug": world.org_a.slug})
    for name in ("home", "guidelines"):
        page = client.get(reverse(f"register:{name}", kwargs={"slug": world.org_a.slug}))
        assert page.status_code == 200
        html = page.content.decode()
        assert ((create if name == "home" else edit) in html) is edits, name
    assert (
        client_for(world.outsider)
        .get(reverse("register:home", kwargs={"slug": world.org_a.slug}))
        .status_code
        == 404
    )
