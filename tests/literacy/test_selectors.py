"""Derived requirements, evidence and gaps of the literacy register. Fictional people."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from carai.community.models import Role
from carai.learning.services.progress import certificate_revoke
from carai.literacy import selectors
from carai.literacy.models import ExternalCertificate, ExternalStatus, ToolRequirement
from carai.register.models import tool_snapshot
from carai.register.services import guideline_acknowledge, guideline_publish, tool_update
from tests.factories import MembershipFactory, UserFactory
from tests.literacy.conftest import Lit, certify, make_module, make_tool


def _scope(lit: Lit, **kwargs: object) -> selectors.Scope:
    return selectors.scope_of(organisation=lit.world.org_a, **kwargs)  # type: ignore[arg-type]


def test_who_may_use_a_tool_follows_its_roles(lit: Lit) -> None:
    scope = _scope(lit)
    result = selectors.overview(scope)
    (coverage,) = result.tools
    assert coverage.users == 1  # only the care worker is a professional
    assert coverage.ready == 0
    assert [g.missing for g in coverage.gaps] == [1]
    assert result.people == 5
    assert result.users == 1
    assert result.blocked == 1


def test_a_certificate_closes_the_gap_and_shows_its_dates(lit: Lit) -> None:
    certificate = certify(lit.world.care_worker, lit.module)
    scope = _scope(lit)
    (coverage,) = selectors.overview(scope).tools
    assert (coverage.users, coverage.ready) == (1, 1)
    (record,) = selectors.person_records(scope, [lit.world.care_worker])
    (tool,) = record.tools
    (item,) = tool.items
    assert item.met
    assert item.evidence is not None
    assert item.evidence.kind == "certificate"
    assert item.evidence.on == certificate.issued_at
    assert item.expires == certificate.expires_at
    assert record.roles == [str(Role.PROFESSIONAL.label)]


def test_expired_or_revoked_certificates_do_not_count(lit: Lit) -> None:
    certify(
        lit.world.care_worker,
        lit.module,
        issued=timezone.now() - datetime.timedelta(days=400),
    )
    assert selectors.overview(_scope(lit)).tools[0].ready == 0
    fresh = certify(lit.world.care_worker, lit.module)
    assert selectors.overview(_scope(lit)).tools[0].ready == 1
    certificate_revoke(actor=lit.world.lead, certificate=fresh, reason="Fout uitgegeven")
    assert selectors.overview(_scope(lit)).tools[0].ready == 0


def test_teams_limit_who_may_use_a_tool(lit: Lit) -> None:
    world = lit.world
    noord = UserFactory.create(full_name="Nina Noord")
    zuid = UserFactory.create(full_name="Zeno Zuid")
    MembershipFactory.create(
        user=noord, organisation=world.org_a, role="professional", team="Noord"
    )
    MembershipFactory.create(user=zuid, organisation=world.org_a, role="professional", team="Zuid")
    tool = make_tool(world, "Wijkhulp", modules=[lit.module], teams="Noord; Oost")
    scope = _scope(lit)
    coverage = next(c for c in selectors.overview(scope).tools if c.tool.tool_id == tool.pk)
    assert coverage.users == 1
    people = selectors.people(scope, selectors.PeopleFilters(tool=tool.pk))
    assert list(people) == [noord]


def test_tools_not_allowed_have_no_users(lit: Lit) -> None:
    make_tool(lit.world, "Proefje", modules=[lit.module], status="under_review")
    assert [c.tool.name for c in selectors.overview(_scope(lit)).tools] == ["Schrijfhulp (fictief)"]


def test_extra_requirements_guidelines(lit: Lit) -> None:
    world = lit.world
    certify(world.care_worker, lit.module)
    ToolRequirement.objects.create(tool=lit.tool, kind="guidelines", key="")
    # No guidelines published: nothing to read, so nothing is missing.
    assert selectors.overview(_scope(lit)).tools[0].ready == 1
    guideline = guideline_publish(
        organisation=world.org_a, actor=world.privacy_officer, title="AI bij A", body="Tekst"
    )
    coverage = selectors.overview(_scope(lit)).tools[0]
    assert coverage.ready == 0
    assert [g.missing for g in coverage.gaps] == [0, 1]
    guideline_acknowledge(guideline=guideline, user=world.care_worker)
    assert selectors.overview(_scope(lit)).tools[0].ready == 1
    record = selectors.person_record(_scope(lit), world.care_worker)
    kinds = [i.evidence.kind for i in record.tools[0].items if i.evidence]
    assert kinds == ["certificate", "acknowledgement"]


def test_accepted_external_certificate_counts_declared_does_not(lit: Lit) -> None:
    world = lit.world
    external = ExternalCertificate.objects.create(
        organisation=world.org_a,
        user=world.care_worker,
        module_key=lit.module.key,
        title="AI in de zorg (fictief)",
        issuer="Opleider X",
        issued_on=datetime.date.today(),
    )
    assert selectors.overview(_scope(lit)).tools[0].ready == 0
    external.status = ExternalStatus.ACCEPTED
    external.reviewed_at = timezone.now()
    external.save()
    assert selectors.overview(_scope(lit)).tools[0].ready == 1
    item = selectors.person_record(_scope(lit), world.care_worker).tools[0].items[0]
    assert item.evidence is not None
    assert item.evidence.kind == "external"


def test_filters_blocked_and_ready(lit: Lit) -> None:
    world = lit.world
    second = UserFactory.create(full_name="Bram Bezig")
    MembershipFactory.create(user=second, organisation=world.org_a, role="professional")
    certify(second, lit.module)
    scope = _scope(lit)
    blocked = selectors.people(scope, selectors.PeopleFilters(status=selectors.BLOCKED))
    ready = selectors.people(scope, selectors.PeopleFilters(status=selectors.READY))
    assert list(blocked) == [world.care_worker]
    assert list(ready) == [second]
    assert list(selectors.people(scope, selectors.PeopleFilters(q="bram"))) == [second]


def test_per_role_and_team(lit: Lit) -> None:
    roles = {g.name: g for g in selectors.coverage_by(_scope(lit), "role")}
    professional = roles[str(Role.PROFESSIONAL.label)]
    assert (professional.people, professional.users, professional.blocked) == (1, 1, 1)
    manager = roles[str(Role.MANAGER.label)]
    assert (manager.people, manager.users, manager.blocked) == (1, 0, 0)


def test_state_on_a_past_date(lit: Lit) -> None:
    """On a past day the tool's version then, memberships then and evidence then count."""
    world = lit.world
    from carai.register.models import ToolRevision

    long_ago = timezone.now() - datetime.timedelta(days=100)
    # The tool existed 100 days ago without a required module and for everyone.
    first = lit.tool.revisions.get()
    ToolRevision.objects.filter(pk=first.pk).update(
        changed_at=long_ago,
        snapshot={**first.snapshot, "roles": [], "required_modules": []},
    )
    # 50 days ago the module became required for professionals (the current version).
    tool_update(
        tool=lit.tool,
        actor=world.privacy_officer,
        data={"name": lit.tool.name, "purpose": "Brieven en verslagen"},
        rules={"public": ("allowed", "")},
    )
    ToolRevision.objects.filter(tool=lit.tool, number=2).update(
        changed_at=timezone.now() - datetime.timedelta(days=50)
    )
    for m in world.care_worker.memberships.all():
        m.started_at = long_ago - datetime.timedelta(days=10)
        m.save()
    certify(world.care_worker, lit.module, issued=timezone.now() - datetime.timedelta(days=20))
    day = timezone.localdate() - datetime.timedelta(days=70)
    then = selectors.overview(_scope(lit, day=day))
    assert then.tools[0].gaps == []  # no requirement then
    assert then.tools[0].users == 1  # only the care worker had started by then
    day = timezone.localdate() - datetime.timedelta(days=30)
    then = selectors.overview(_scope(lit, day=day))
    assert (then.tools[0].users, then.tools[0].ready) == (1, 0)  # certificate came later
    now = selectors.overview(_scope(lit))
    assert (now.tools[0].users, now.tools[0].ready) == (1, 1)
    assert tool_snapshot(lit.tool)["required_modules"] == [lit.module.key]


def test_ended_membership_no_longer_needs_the_tool(lit: Lit) -> None:
    from carai.register.models import ToolRevision

    week_ago = timezone.now() - datetime.timedelta(days=7)
    ToolRevision.objects.filter(tool=lit.tool).update(changed_at=week_ago)
    membership = lit.world.care_worker_membership
    membership.started_at = week_ago
    membership.ended_at = timezone.now()
    membership.save()
    assert selectors.overview(_scope(lit)).tools[0].users == 0
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert selectors.overview(_scope(lit, day=yesterday)).tools[0].users == 1


def test_manager_sees_their_teams(lit: Lit) -> None:
    world = lit.world
    noord = UserFactory.create(full_name="Nina Noord")
    MembershipFactory.create(
        user=noord, organisation=world.org_a, role="professional", team="Noord"
    )
    boss = UserFactory.create(full_name="Mo Manager")
    MembershipFactory.create(user=boss, organisation=world.org_a, role="manager", team="Noord")
    teams = selectors.manager_teams(user=boss, organisation=world.org_a)
    assert teams == ("Noord",)
    scope = _scope(lit, teams=teams)
    assert set(selectors.people(scope, selectors.PeopleFilters())) == {noord, boss}
    assert selectors.manager_teams(user=world.manager, organisation=world.org_a) is None


def test_two_modules_either_missing(lit: Lit) -> None:
    extra = make_module("ai-privacy", "Privacy en AI (fictief)")
    make_tool(lit.world, "Verslaghulp", modules=[lit.module, extra])
    certify(lit.world.care_worker, lit.module)
    result = selectors.overview(_scope(lit))
    verslag = next(c for c in result.tools if c.tool.name == "Verslaghulp")
    assert verslag.users == 5  # no roles: everyone
    assert [g.missing for g in verslag.gaps] == [4, 5]
    assert verslag.ready == 0
    assert [g.label for g in verslag.gaps] == ["AI-basis (fictief)", "Privacy en AI (fictief)"]


def test_a_tool_for_everyone_counts_in_the_totals_and_filters(lit: Lit) -> None:
    """A tool without roles or teams is for everyone, also when or-ed with other tools."""
    make_tool(lit.world, "Vertaalhulp", modules=[lit.module])
    certify(lit.world.manager, lit.module)
    scope = _scope(lit)
    result = selectors.overview(scope)
    assert (result.people, result.users, result.blocked, result.ready) == (5, 5, 4, 1)
    blocked = selectors.people(scope, selectors.PeopleFilters(status=selectors.BLOCKED))
    assert lit.world.manager not in set(blocked)
    assert len(blocked) == 4
    roles = {g.name: g for g in selectors.coverage_by(scope, "role")}
    assert roles[str(Role.MANAGER.label)].users == 1
    assert roles[str(Role.MANAGER.label)].blocked == 0


def test_the_cached_facts_follow_every_kind_of_change(lit: Lit, settings: Any) -> None:
    """The register's facts are kept in the cache; each write they read outdates them."""
    settings.CARAI_CACHE_SHARED = True
    world = lit.world

    def figures() -> tuple[int, int, list[str]]:
        scope = _scope(lit)
        result = selectors.overview(scope)
        names = [u.full_name for u in selectors.people(scope, selectors.PeopleFilters(q="fictief"))]
        return result.users, result.ready, names

    assert figures()[:2] == (1, 0)
    certify(world.care_worker, lit.module)  # evidence
    assert figures()[:2] == (1, 1)
    guideline_publish(organisation=world.org_a, actor=world.privacy_officer, title="R", body="T")
    ToolRequirement.objects.create(tool=lit.tool, kind="guidelines", key="")  # requirement
    assert figures()[:2] == (1, 0)
    guideline = world.org_a.ai_guidelines.get()
    guideline_acknowledge(guideline=guideline, user=world.care_worker)  # confirmation
    assert figures()[:2] == (1, 1)
    newcomer = UserFactory.create(full_name="Nadia Nieuw")
    MembershipFactory.create(user=newcomer, organisation=world.org_a, role="professional")
    assert figures()[:2] == (2, 1)  # membership
    newcomer.full_name = "Nadia Nieuw (fictief)"
    newcomer.save()  # a name, for search
    assert "Nadia Nieuw (fictief)" in figures()[2]


def test_the_cached_facts_follow_a_csv_import_of_the_register(lit: Lit, settings: Any) -> None:
    """The import writes the tools in bulk (no signal per tool): still outdated at once."""
    from carai.register.services import register_import_csv

    settings.CARAI_CACHE_SHARED = True
    assert [c.tool.name for c in selectors.overview(_scope(lit)).tools] == [lit.tool.name]
    register_import_csv(
        organisation=lit.world.org_a,
        actor=lit.world.privacy_officer,
        text=(
            "name,vendor,purpose,status,data_location\n"
            "Schrijfhulp (fictief),Fictief BV,Brieven,not_allowed,eu\n"
        ),
    )
    assert selectors.overview(_scope(lit)).tools == []


def test_volunteers_and_contractors_are_in_the_register(lit: Lit) -> None:
    """Article 4 counts everyone who uses AI on the organisation's behalf: a volunteer and a
    contractor the organisation invites get what a tool for their role requires."""
    volunteer = UserFactory.create(full_name="Vera Vrijwilliger (fictief)")
    contractor = UserFactory.create(full_name="Cas Inhuur (fictief)")
    MembershipFactory(user=volunteer, organisation=lit.world.org_a, role=Role.VOLUNTEER)
    MembershipFactory(user=contractor, organisation=lit.world.org_a, role=Role.CONTRACTOR)
    tool = make_tool(
        lit.world,
        "Vertaalhulp (fictief)",
        modules=[lit.module],
        roles=[Role.VOLUNTEER, Role.CONTRACTOR],
    )
    scope = _scope(lit)
    coverage = {c.tool.tool_id: c for c in selectors.overview(scope).tools}[tool.pk]
    assert (coverage.users, coverage.ready) == (2, 0)

    certify(volunteer, lit.module)
    scope = _scope(lit)
    records = {r.user.pk: r for r in selectors.person_records(scope, [volunteer, contractor])}
    assert records[volunteer.pk].roles == [str(Role.VOLUNTEER.label)]
    assert not records[volunteer.pk].blocked_tools
    assert [t.tool.tool_id for t in records[contractor.pk].blocked_tools] == [tool.pk]


def test_the_cached_facts_drop_a_person_who_erases_their_account(lit: Lit, settings: Any) -> None:
    """Erasing an account ends its memberships in bulk (no signal per membership): the
    erasure itself outdates the register's cached facts, without leaning on the save of
    the account (whose receiver is switched off here)."""
    from django.db.models.signals import post_save

    from carai.accounts.models import User
    from carai.accounts.services import user_erase
    from carai.literacy import receivers

    settings.CARAI_CACHE_SHARED = True
    before = selectors.overview(_scope(lit)).people
    uid = "literacy-accounts.User"
    assert post_save.disconnect(sender=User, dispatch_uid=uid)
    try:
        user_erase(user=lit.world.care_worker, request=None)
    finally:
        post_save.connect(receivers._user_saved, sender=User, dispatch_uid=uid)
    assert selectors.overview(_scope(lit)).people == before - 1
