"""The register's CSV import within its limits (issue 13): rows, field size, file size and
time, each with a message that names the limit; never a server error; all or nothing.
All tools and names are made up."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carai.community.models import Role
from carai.core.models import AuditEvent
from carai.register import selectors, services
from carai.register.forms import csv_columns
from carai.register.models import (
    AITool,
    DataRule,
    ImportStatus,
    Permission,
    ToolImport,
    ToolRevision,
    ToolStatus,
)
from carai.register.services import tool_create
from tests.conftest import World, client_for

HEADER = "name,vendor,purpose,status,data_location,rule_internal,conditions_internal\n"


def import_url(world: World) -> str:
    return reverse("register:import_csv", kwargs={"slug": world.org_a.slug})


def upload(text: str | bytes) -> SimpleUploadedFile:
    raw = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile("register.csv", raw, content_type="text/csv")


def rows(count: int, *, start: int = 0) -> str:
    return "".join(
        f"Tool {i} (fictief),Leverancier {i},Verslagen,allowed,eu,"
        f"allowed_with_conditions,Alleen zonder namen {i}\n"
        for i in range(start, start + count)
    )


def post(client: Client, world: World, text: str | bytes) -> list[str]:
    response = client.post(import_url(world), {"file": upload(text)})
    assert response.status_code == 200, response.status_code
    form_errors = [str(e) for e in response.context["form"].errors.get("file", [])]
    return [*form_errors, *response.context["problems"]]


@pytest.fixture
def officer(world: World) -> Client:
    return client_for(world.privacy_officer)


def test_a_huge_quoted_field_gets_a_message_not_a_server_error(
    officer: Client, world: World
) -> None:
    text = HEADER + 'Groot (fictief),X,"' + "a" * 140_000 + '",allowed,eu,,\n'
    problems = post(officer, world, text)
    assert any("10.000" in p for p in problems), problems  # names the limit
    long_field = HEADER + "Lang (fictief),X," + "b" * 10_001 + ",allowed,eu,,\n"
    problems = post(officer, world, long_field)
    assert problems == ["Regel 2, kolom purpose: langer dan de grens van 10.000 tekens."]
    broken = HEADER + 'Kapot (fictief),X,"niet gesloten\n' + "x" * 200_000
    assert any("Regel 2" in p for p in post(officer, world, broken))
    assert not AITool.objects.filter(organisation=world.org_a).exists()


def test_more_rows_than_the_limit_are_refused_whole(
    officer: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # a large file: in the background
        response = officer.post(import_url(world), {"file": upload(HEADER + rows(2_001))})
    assert response.status_code == 302
    assert ToolImport.objects.get().problems == [
        "Het bestand heeft meer dan 2.000 regels. Splits het in kleinere bestanden."
    ]
    assert not AITool.objects.filter(organisation=world.org_a).exists()


def test_a_file_over_the_size_limit_is_refused(officer: Client, world: World) -> None:
    problems = post(officer, world, HEADER + rows(1) + "#" * 1_000_001)
    assert problems == ["Het bestand is te groot (maximaal 1 MB)."]


def test_checking_stops_at_the_time_limit(
    officer: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_IMPORT_SECONDS", -1)
    problems = post(officer, world, HEADER + rows(3))
    assert len(problems) == 1, problems
    assert "-1 seconden" in problems[0]
    assert not AITool.objects.filter(organisation=world.org_a).exists()


def test_many_problems_are_counted_not_all_listed(officer: Client, world: World) -> None:
    bad = "".join(f"Fout {i} (fictief),X,Doel,misschien,eu,,\n" for i in range(150))
    problems = post(officer, world, HEADER + bad)
    assert len(problems) == services.MAX_PROBLEMS + 1
    assert problems[-1] == "... en nog 50 problemen."


def test_the_largest_import_runs_in_a_fixed_number_of_queries(
    world: World, django_assert_max_num_queries
) -> None:
    tool_create(
        organisation=world.org_a,
        actor=world.privacy_officer,
        data={"name": "Tool 0 (fictief)", "vendor": "Oud", "purpose": "Iets", "status": "allowed"},
        rules={"bsn": ("not_allowed", "Nooit")},
    )
    text = HEADER + rows(services.MAX_IMPORT_ROWS)
    started = time.perf_counter()
    with django_assert_max_num_queries(services.MAX_IMPORT_ROWS // 20):  # batches, not rows
        created, updated = services.register_import_csv(
            organisation=world.org_a, actor=world.privacy_officer, text=text
        )
    seconds = time.perf_counter() - started
    assert (created, updated) == (services.MAX_IMPORT_ROWS - 1, 1)
    assert seconds < 30, seconds  # far within the time limit (about 3 s on the 2-core machine)
    assert AITool.objects.filter(organisation=world.org_a).count() == services.MAX_IMPORT_ROWS
    changed = AITool.objects.get(name="Tool 0 (fictief)")
    assert changed.vendor == "Leverancier 0"
    assert changed.revision == 2
    assert set(DataRule.objects.filter(tool=changed).values_list("category", flat=True)) == {
        "internal"
    }
    assert ToolRevision.objects.filter(tool__organisation=world.org_a).count() == (
        services.MAX_IMPORT_ROWS + 1
    )
    event = AuditEvent.objects.get(action="ai_register_imported")
    assert event.details == {"created": 1_999, "updated": 1, "changed": 1}
    again = services.register_import_csv(
        organisation=world.org_a, actor=world.privacy_officer, text=text
    )
    assert again == (0, services.MAX_IMPORT_ROWS)
    assert ToolRevision.objects.filter(tool__organisation=world.org_a).count() == (
        services.MAX_IMPORT_ROWS + 1
    )  # the same file again: nothing changed, no new versions


def test_the_file_text_is_kept_out_of_the_logs(
    officer: Client, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Geheimzinnige Schrijfhulp (fictief)"
    with caplog.at_level("DEBUG"):
        post(officer, world, HEADER + f"{secret},X,Doel,misschien,eu,,\n")
        good = HEADER + f"{secret},X,Doel,allowed,eu,,\n"
        officer.post(import_url(world), {"file": upload(good)})
    assert AITool.objects.filter(name=secret).exists()
    assert secret not in caplog.text


# Large files: a background task, progress by htmx, all or nothing ------------------------


def test_a_large_file_is_imported_in_the_background_with_progress(
    officer: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    text = HEADER + rows(services.BACKGROUND_LINES + 50)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = officer.post(import_url(world), {"file": upload(text)})
    job = ToolImport.objects.get()
    status = reverse(
        "register:import_status", kwargs={"slug": world.org_a.slug, "import_id": job.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == status
    assert not AITool.objects.exists()  # nothing yet: the worker does it
    page = officer.get(status)
    assert page.status_code == 200
    assert 'hx-trigger="every 2s"' in page.content.decode()  # the page asks again
    poll = officer.get(status, headers={"HX-Request": "true"})
    assert poll.status_code == 200
    assert "0 van 251 regels" in poll.content.decode()
    for callback in queued:
        callback()  # the worker runs the task (the test backend runs it at once)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert (job.created_count, job.updated_count) == (250, 0)
    assert job.text == ""  # the file is not kept once imported
    assert AITool.objects.filter(organisation=world.org_a).count() == 250
    done = officer.get(status, headers={"HX-Request": "true"})
    assert done.status_code == 286  # htmx stops asking
    assert "250 tools toegevoegd" in done.content.decode()
    services.tool_import_run(import_id=job.pk)  # run twice (a retry): nothing happens
    assert AITool.objects.filter(organisation=world.org_a).count() == 250


def test_a_large_file_with_an_error_imports_nothing_and_says_why(
    officer: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    text = HEADER + rows(300) + "Fout (fictief),X,Doel,misschien,eu,,\n"
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(import_url(world), {"file": upload(text)})
    job = ToolImport.objects.get()
    assert job.status == ImportStatus.REFUSED
    assert not AITool.objects.exists()
    status = reverse(
        "register:import_status", kwargs={"slug": world.org_a.slug, "import_id": job.pk}
    )
    body = officer.get(status).content.decode()
    assert "Regel 302, kolom status" in body
    assert 'hx-trigger="every 2s"' not in body
    for outsider in (world.care_worker, world.outsider_admin):
        assert client_for(outsider).get(status).status_code == 404


def test_an_import_the_queue_lost_is_queued_again_by_the_relay(
    officer: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    text = HEADER + rows(services.BACKGROUND_LINES + 10)
    with django_capture_on_commit_callbacks(execute=False):  # the queue never gets it
        officer.post(import_url(world), {"file": upload(text)})
    job = ToolImport.objects.get()
    assert services.tool_imports_relay() == 0  # it may still be on its way
    ToolImport.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - services.QUEUED_GRACE - timedelta(seconds=1)
    )
    call_command("imports_relay", verbosity=0)  # the test backend runs the task at once
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert AITool.objects.filter(organisation=world.org_a).count() == services.BACKGROUND_LINES + 10
    assert services.tool_imports_relay() == 0  # done: left alone


def test_the_help_shows_every_code_with_what_it_means_in_dutch(
    officer: Client, world: World
) -> None:
    """The import reads codes (allowed_with_conditions, ai_coach): the help shows each code
    a person must type together with its meaning in words, not a bare list of codes."""
    page = officer.get(import_url(world)).content.decode()
    for code, meaning in [
        ("allowed_with_conditions", "Toegestaan onder voorwaarden"),  # status
        ("not_allowed", "Mag er niet in"),  # a kind of data
        ("ai_coach", "AI-coach"),  # roles
        ("outside_eu", "Buiten de EU"),  # where the data is kept
        ("high_risk", "Hoog risico"),  # AI Act category
    ]:
        assert f"<code>{code}</code>: {meaning}" in page, code
    assert "Leeg: Niet beoordeeld" in page  # an empty rule or category has a meaning too
    assert "Status: allowed, allowed_with_conditions" not in page  # the old bare list
    for column in selectors.CSV_COLUMNS:
        assert f"<code>{column}</code>" in page, column


def test_every_code_the_help_shows_is_one_the_import_takes(world: World) -> None:
    """The help is made from the tool form, so it cannot list a code the import refuses, nor
    leave out one it takes: a file using every listed code of every column imports, and a
    word instead of a code is refused."""
    columns = {c.name: c for c in csv_columns(selectors.CSV_COLUMNS)}
    assert list(columns) == selectors.CSV_COLUMNS
    listed = {name: [code for code, _word in c.codes] for name, c in columns.items() if c.codes}
    assert set(listed["roles"]) == set(Role.values)
    assert set(listed["status"]) == set(ToolStatus.values)
    assert set(listed["rule_health"]) == set(Permission.values)
    longest = max(len(codes) for codes in listed.values())
    lines = []
    for number in range(longest):
        row = {"name": f"Codetool {number} (fictief)", "vendor": "X", "purpose": "Verslagen"}
        row |= {name: codes[number % len(codes)] for name, codes in listed.items()}
        row["roles"] = " ".join(listed["roles"])
        for name in listed:
            if name.startswith("rule_"):
                row[name.replace("rule_", "conditions_")] = "Alleen zonder namen"
        lines.append(row)
    header = list(lines[0])
    text = ",".join(header) + "\n"
    text += "".join(",".join(row[h] for h in header) + "\n" for row in lines)
    plans = services.register_import_check(organisation=world.org_a, text=text)
    assert len(plans) == longest
    with pytest.raises(ValidationError):
        services.register_import_check(
            organisation=world.org_a, text=text.replace(",allowed,", ",Toegestaan,", 1)
        )
