"""One search over modules, practice cases, AI tools, use cases and events (issue 15).
Runs on SQLite (word match) and PostgreSQL (Dutch full-text search). All data made up."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carai.community import events
from carai.learning.content import read_pack
from carai.learning.models import Module, ModuleStatus
from carai.learning.services.content import module_import
from carai.overview.search import search_everything
from carai.practice.content import read_cases
from carai.practice.services import case_import
from carai.register.models import AITool
from carai.usecases import services as usecases
from tests.conftest import FIXTURES, World, client_for
from tests.usecases.conftest import QUESTION

SECRET = "Wondzorgfotografie"  # appears only in things of Zorg B (the outsider's organisation)


@pytest.fixture
def content(world: World) -> dict[str, object]:
    (module_data,) = read_pack(FIXTURES / "pack")
    module = module_import(data=module_data)
    (case_data,) = read_cases(FIXTURES / "cases")
    case = case_import(data=case_data)[0]
    private = Module.objects.create(
        key="wondzorg-b",
        language="nl",
        title=f"{SECRET} bij Zorg B (fictief)",
        summary="Alleen voor Zorg B.",
        status=ModuleStatus.PUBLISHED,
        owner=world.org_b,
    )
    tool_a = AITool.objects.create(
        organisation=world.org_a, name="Verslaghulp (fictief)", vendor="Voorbeeld BV",
        purpose="Rapportages samenvatten in de wijkverpleging.",
    )  # fmt: skip
    tool_b = AITool.objects.create(
        organisation=world.org_b, name=f"{SECRET}-app (fictief)", vendor="Voorbeeld BV",
        purpose="Rapportages van wonden maken.",
    )  # fmt: skip
    own = usecases.use_case_submit(actor=world.care_worker, organisation=world.org_a, data=QUESTION)
    theirs = usecases.use_case_submit(
        actor=world.outsider,
        organisation=world.org_b,
        data={**QUESTION, "title": f"{SECRET} in de avonddienst"},
    )
    starts = timezone.now() + datetime.timedelta(days=5)
    event = events.event_save(
        actor=world.lead,
        event=None,
        data={
            "title": "Netwerkbijeenkomst rapportages (fictief)", "kind": "network",
            "description": "Over rapportages en AI.", "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=1), "place": "Deventer",
            "online_url": "", "capacity": 10, "materials": "",
        },
    )  # fmt: skip
    return {
        "module": module, "case": case, "private": private, "tool_a": tool_a,
        "tool_b": tool_b, "own": own, "theirs": theirs, "event": event,
    }  # fmt: skip


def _titles(world_user: object, q: str, kind: str = "") -> list[str]:
    result = search_everything(user=world_user, q=q, language="nl", kind=kind)  # type: ignore[arg-type]
    return [hit.title for hit in result.hits]


def test_each_kind_is_found(world: World, content: dict[str, object]) -> None:
    module = content["module"]
    assert isinstance(module, Module)
    assert module.title in _titles(world.care_worker, module.title.split()[0])
    assert any("Testcasus" in t for t in _titles(world.care_worker, "Testcasus"))
    assert any("Verslaghulp" in t for t in _titles(world.care_worker, "Verslaghulp"))
    assert QUESTION["title"] in _titles(world.care_worker, "avonddienst")
    assert "Netwerkbijeenkomst rapportages (fictief)" in _titles(world.care_worker, "Netwerk")
    # Only one kind, when asked.
    assert _titles(world.care_worker, "Verslaghulp", kind="events") == []


def test_an_outsiders_private_things_never_appear(world: World, content: dict[str, object]) -> None:
    for person in (world.care_worker, world.manager, world.org_admin, world.privacy_officer):
        assert not [t for t in _titles(person, SECRET) if SECRET in t]
    page = client_for(world.care_worker).get(reverse("overview:search"), {"q": SECRET})
    assert page.context["total"] == 0
    html = page.content.decode()
    private, tool_b, theirs = content["private"], content["tool_b"], content["theirs"]
    assert f"/modules/{private.pk}/" not in html  # type: ignore[attr-defined]
    assert f"/tools/{tool_b.pk}/" not in html  # type: ignore[attr-defined]
    assert f"/use-cases/{theirs.pk}/" not in html  # type: ignore[attr-defined]
    # Their own people do find them; the lead finds every register and use case.
    mine = _titles(world.outsider, SECRET)
    assert any(SECRET in t for t in mine)
    assert len([t for t in _titles(world.lead, SECRET) if SECRET in t]) >= 2


def test_a_published_use_case_is_found_by_everyone_and_opens_in_the_showcase(
    world: World, content: dict[str, object]
) -> None:
    from carai.usecases.models import Cycle, UseCase

    cycle = Cycle.objects.create(
        name="Najaar (fictief)", starts_on=datetime.date(2027, 9, 1),
        ends_on=datetime.date(2028, 1, 31),
    )  # fmt: skip
    theirs = content["theirs"]
    assert isinstance(theirs, UseCase)
    usecases.use_case_triage(
        actor=world.lead, use_case=theirs, accept=True, cycle=cycle, criteria={}, reason=""
    )
    UseCase.objects.filter(pk=theirs.pk).update(is_published=True)
    result = search_everything(user=world.care_worker, q=SECRET, language="nl")
    (hit,) = [h for h in result.hits if h.kind == "use_cases"]
    assert hit.url == reverse("usecases:showcase_detail", kwargs={"use_case_id": theirs.pk})


def test_the_page_works_without_and_with_htmx_and_is_paged(
    world: World, content: dict[str, object]
) -> None:
    client = client_for(world.care_worker)
    url = reverse("overview:search")
    empty = client.get(url)
    assert empty.status_code == 200
    assert "minstens twee letters" in empty.content.decode()
    page = client.get(url, {"q": "rapportages"})
    html = page.content.decode()
    assert "<html" in html
    assert 'role="search"' in html
    assert "Verslaghulp (fictief)" in html
    assert "Netwerkbijeenkomst rapportages (fictief)" in html
    partial = client.get(url, {"q": "rapportages"}, headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()
    assert "Verslaghulp (fictief)" in partial.content.decode()
    only_events = client.get(url, {"q": "rapportages", "soort": "events"}).content.decode()
    assert "Verslaghulp (fictief)" not in only_events
    for n in range(25):
        starts = timezone.now() + datetime.timedelta(days=20 + n)
        events.event_save(
            actor=world.lead,
            event=None,
            data={
                "title": f"Spreekuur rapportages {n} (fictief)", "kind": "community",
                "description": "Vragen.", "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=1), "place": "Online",
                "online_url": "", "capacity": 5, "materials": "",
            },
        )  # fmt: skip
    first = client.get(url, {"q": "Spreekuur"})
    assert len(first.context["page"].object_list) == 20
    second = client.get(url, {"q": "Spreekuur", "pagina": "2"})
    assert len(second.context["page"].object_list) == 5


def test_dutch_stemming_and_ranking_on_postgresql(world: World, content: dict[str, object]) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("Full-text search runs on PostgreSQL; SQLite matches words.")
    # "rapportage" (singular) finds "rapportages"; the title counts more than the text.
    hits = search_everything(user=world.care_worker, q="rapportage", language="nl").hits
    titles = [h.title for h in hits]
    assert "Netwerkbijeenkomst rapportages (fictief)" in titles
    assert any("Verslaghulp" in t for t in titles)
    assert titles[0] == "Netwerkbijeenkomst rapportages (fictief)"
    assert hits[0].rank > hits[-1].rank
