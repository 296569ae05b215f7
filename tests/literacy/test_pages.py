"""The literacy pages: the gap overview, the manager's team, a person's own needs, external
certificates and their review, extra requirements, the plan and the evidence file.
Everyone here is fictional."""

from __future__ import annotations

import datetime
import hashlib
import io
from typing import Any

from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from carai.core.models import AuditEvent
from carai.learning.models import Assignment
from carai.literacy.evidence import evidence_facts, plan_on
from carai.literacy.models import (
    EvidenceFile,
    ExternalCertificate,
    ExternalStatus,
    PlanGoal,
    ToolRequirement,
)
from carai.register.models import ToolRevision
from tests.conftest import World, client_for, downloaded
from tests.factories import MembershipFactory, UserFactory
from tests.literacy.conftest import Lit, certify, make_module, make_tool


def _url(name: str, lit: Lit, **kwargs: Any) -> str:
    return reverse(f"literacy:{name}", kwargs={"slug": lit.world.org_a.slug, **kwargs})


def test_overview_shows_the_gap_and_filters_people(lit: Lit) -> None:
    client = client_for(lit.world.privacy_officer)
    response = client.get(_url("overview", lit))
    assert response.status_code == 200
    (coverage,) = response.context["overview"].tools
    assert (coverage.users, coverage.ready, coverage.blocked) == (1, 0, 1)
    page = response.content.decode()
    assert "Schrijfhulp (fictief)" in page
    assert "AI-basis (fictief)" in page
    blocked = client.get(_url("overview", lit), {"status": "blocked"}, HTTP_HX_REQUEST="true")
    assert [r.user for r in blocked.context["records"]] == [lit.world.care_worker]
    assert "<h1" not in blocked.content.decode()  # the htmx part only
    ready = client.get(_url("overview", lit), {"status": "ready"})
    assert list(ready.context["page"]) == []


def test_manager_sees_only_their_team(lit: Lit) -> None:
    world = lit.world
    noord = UserFactory.create(full_name="Nina Noord")
    zuid = UserFactory.create(full_name="Zeno Zuid")
    MembershipFactory.create(
        user=noord, organisation=world.org_a, role="professional", team="Noord"
    )
    MembershipFactory.create(user=zuid, organisation=world.org_a, role="professional", team="Zuid")
    boss = UserFactory.create(full_name="Mo Manager")
    MembershipFactory.create(user=boss, organisation=world.org_a, role="manager", team="Noord")
    response = client_for(boss).get(_url("team", lit))
    assert response.status_code == 200
    shown = {r.user for r in response.context["records"]}
    assert shown == {noord, boss}
    assert response.context["overview"].tools[0].users == 1
    # Not the officer's page.
    assert client_for(boss).get(_url("overview", lit)).status_code == 404


def test_person_sees_what_they_need_declares_and_gets_it_accepted(lit: Lit) -> None:
    world = lit.world
    worker = client_for(world.care_worker)
    page = worker.get(_url("mine", lit))
    assert page.status_code == 200
    (person_tool,) = page.context["record"].tools
    assert not person_tool.allowed
    response = worker.post(
        _url("mine", lit),
        {
            "module_key": lit.module.key,
            "title": "AI in de zorg (fictief)",
            "issuer": "Opleider X",
            "issued_on": "2026-01-10",
        },
    )
    assert response.status_code == 302
    external = ExternalCertificate.objects.get()
    assert external.status == ExternalStatus.DECLARED
    assert AuditEvent.objects.filter(action="literacy_external_declared").count() == 1
    # A declared certificate does not count yet.
    assert not worker.get(_url("mine", lit)).context["record"].tools[0].allowed
    manager = client_for(world.manager)
    listed = manager.get(_url("reviews", lit))
    assert list(listed.context["page"]) == [external]
    refused = manager.post(_url("review", lit, external_id=external.pk), {"decision": "reject"})
    assert refused.status_code == 200  # a refusal needs a reason
    accepted = manager.post(_url("review", lit, external_id=external.pk), {"decision": "accept"})
    assert accepted.status_code == 302
    external.refresh_from_db()
    assert external.status == ExternalStatus.ACCEPTED
    assert external.reviewed_by == world.manager
    assert AuditEvent.objects.filter(action="literacy_external_accepted").count() == 1
    record = worker.get(_url("mine", lit)).context["record"]
    assert record.tools[0].allowed
    assert record.tools[0].items[0].evidence.kind == "external"
    # Reviewed once: the review page is gone.
    assert manager.get(_url("review", lit, external_id=external.pk)).status_code == 404


def test_nobody_reviews_their_own_certificate(lit: Lit) -> None:
    world = lit.world
    ExternalCertificate.objects.create(
        organisation=world.org_a,
        user=world.manager,
        module_key=lit.module.key,
        title="Eigen cursus",
        issuer="X",
        issued_on=datetime.date(2026, 1, 1),
    )
    own = ExternalCertificate.objects.get()
    assert client_for(world.manager).get(_url("review", lit, external_id=own.pk)).status_code == 404
    assert client_for(world.care_worker).get(_url("reviews", lit)).status_code == 404


def test_extra_requirement_added_and_removed_keeps_history(lit: Lit) -> None:
    client = client_for(lit.world.privacy_officer)
    url = _url("requirements", lit, tool_id=lit.tool.pk)
    assert client.post(url, {"kind": "guidelines", "key": ""}).status_code == 302
    requirement = ToolRequirement.objects.get()
    assert client.post(url, {"kind": "guidelines", "key": ""}).status_code == 200  # twice: no
    assert client.post(url, {"remove": str(requirement.pk)}).status_code == 302
    requirement.refresh_from_db()
    assert requirement.removed_at is not None
    assert ToolRequirement.objects.count() == 1  # ended, not deleted
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"literacy_requirement_added", "literacy_requirement_removed"} <= actions


def test_plan_goal_changes_keep_the_earlier_version(lit: Lit) -> None:
    world = lit.world
    client = client_for(world.privacy_officer)
    data = {
        "role": "professional",
        "risk_level": "limited",
        "goal": "Zorgmedewerkers weten wat niet in een AI-tool mag",
        "measures": "Module AI-basis en een werkoverleg",
        "responsible": str(world.manager.pk),
        "evaluate_on": "2027-03-01",
    }
    assert client.post(_url("plan", lit), data).status_code == 302
    first = PlanGoal.objects.get()
    before = timezone.now()
    changed = {**data, "measures": "Module AI-basis, werkoverleg en oefenen", "evaluation": ""}
    response = client.post(_url("plan_goal", lit, goal_id=first.pk), changed)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.superseded_at is not None
    current = PlanGoal.objects.get(superseded_at__isnull=True)
    assert current.replaces == first
    assert [g.measures for g in plan_on(organisation=world.org_a, at=before)] == [
        "Module AI-basis en een werkoverleg"
    ]
    page = client.get(_url("plan", lit))
    assert list(page.context["goals"]) == [current]


def test_evidence_file_for_a_past_date(lit: Lit, django_capture_on_commit_callbacks: Any) -> None:
    """Today the care worker has a certificate; on a day last month they had none, and the
    file for that day says so."""
    world = lit.world
    month_ago = timezone.now() - datetime.timedelta(days=40)
    ToolRevision.objects.filter(tool=lit.tool).update(changed_at=month_ago)
    world.care_worker_membership.started_at = month_ago
    world.care_worker_membership.save()
    certify(world.care_worker, lit.module, issued=timezone.now() - datetime.timedelta(days=5))
    PlanGoal.objects.create(
        organisation=world.org_a,
        goal="Iedereen kent de regels",
        measures="Module AI-basis",
        evaluate_on=datetime.date(2027, 1, 1),
        created_at=month_ago,
    )
    day = timezone.localdate() - datetime.timedelta(days=20)
    then = evidence_facts(organisation=world.org_a, as_of=day)
    now = evidence_facts(organisation=world.org_a, as_of=timezone.localdate())
    assert then.tools[0]["ready"] == 0
    assert [g["person"] for g in then.gaps] == [world.care_worker.display_name]
    assert now.tools[0]["ready"] == 1
    assert now.gaps == []
    assert then.checksum() != now.checksum()
    assert then.checksum() == evidence_facts(organisation=world.org_a, as_of=day).checksum()

    client = client_for(world.privacy_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("evidence", lit), {"as_of": day.isoformat()})
    assert response.status_code == 302
    made = EvidenceFile.objects.get()
    assert made.status == "done"
    xlsx = downloaded(client.get(_url("evidence_download", lit, file_id=made.pk, fmt="xlsx")))
    pdf = downloaded(client.get(_url("evidence_download", lit, file_id=made.pk, fmt="pdf")))
    assert hashlib.sha256(xlsx).hexdigest() == made.xlsx_sha256
    assert hashlib.sha256(pdf).hexdigest() == made.pdf_sha256
    assert pdf.startswith(b"%PDF")
    book = load_workbook(io.BytesIO(xlsx))
    about = list(book.worksheets[0].iter_rows(values_only=True))
    as_of = about[2][1]
    assert isinstance(as_of, datetime.datetime)
    assert as_of.date() == day  # as it was on (a spreadsheet date)
    assert about[4][1] == then.checksum()  # the facts of that day, whenever made
    sheets = {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}
    texts = " ".join(str(v) for rows in sheets.values() for row in rows for v in row)
    assert "Schrijfhulp (fictief)" in texts
    assert "Iedereen kent de regels" in texts
    assert world.care_worker.display_name in texts  # in the gaps, as it was then
    assert AuditEvent.objects.filter(action="literacy_evidence_file_made").count() == 1
    future = timezone.localdate() + datetime.timedelta(days=1)
    assert client.post(_url("evidence", lit), {"as_of": future.isoformat()}).status_code == 200


def test_changes_queue_the_follow_up_once_they_commit(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    """A new tool and a new member: one follow-up of the organisation, after the commit."""
    newcomer = UserFactory.create(full_name="Nadia Nieuw")
    # The world fixture's memberships queued a follow-up in the test's transaction, which
    # never commits: start without it.
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        module = make_module()
        make_tool(world, "Schrijfhulp (fictief)", modules=[module], roles=["professional"])
        MembershipFactory.create(user=newcomer, organisation=world.org_a, role="professional")
        assert not Assignment.objects.exists()  # nothing before the commit
    ours = [c for c in callbacks if hasattr(c, "literacy_organisation_id")]
    assert len(ours) == 1
    assert set(Assignment.objects.values_list("user_id", flat=True)) == {
        newcomer.pk,
        world.care_worker.pk,
    }


def test_external_certificates_in_own_data_export_and_erased(lit: Lit) -> None:
    import json

    from carai.literacy.personal_data import external_certificates_erase

    world = lit.world
    ExternalCertificate.objects.create(
        organisation=world.org_a,
        user=world.care_worker,
        module_key=lit.module.key,
        title="AI in de zorg (fictief)",
        issuer="Opleider X",
        reference="NR-123",
        issued_on=datetime.date(2026, 1, 1),
    )
    response = client_for(world.care_worker).post(reverse("accounts:data_export"))
    data = json.loads(response.content)
    assert [e["reference"] for e in data["external_certificates"]] == ["NR-123"]
    external_certificates_erase(world.care_worker)
    assert ExternalCertificate.objects.get().reference == ""
