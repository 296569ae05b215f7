"""Action-learning use cases (issue 6, first part): intake, triage, phases, team, checklist,
demonstrators, lessons, showcase and transfer to a module. All data is made up."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from carai.learning.models import Module
from carai.usecases import services
from carai.usecases.models import Cycle, Demonstrator, HistoryEntry, Status, UseCase
from carai.usecases.phases import FINISHED, PHASES
from tests.conftest import World, client_for
from tests.usecases.conftest import QUESTION


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, format="PNG")
    return out.getvalue()


def test_a_member_submits_and_the_lead_decides(world: World, cycle: Cycle) -> None:
    client = client_for(world.care_worker)
    response = client.post(reverse("usecases:submit"), {**QUESTION, "organisation": world.org_a.pk})
    use_case = UseCase.objects.get()
    assert response["Location"] == reverse("usecases:detail", kwargs={"use_case_id": use_case.pk})
    assert use_case.status == Status.SUBMITTED
    assert use_case.team.get().user == world.care_worker
    assert use_case.rai_items.count() == 7
    lead = client_for(world.lead)
    triage = reverse("usecases:triage", kwargs={"use_case_id": use_case.pk})
    scores = {
        f"criterion_{key}": "3"
        for key in ("work_floor", "value", "feasible", "learning", "responsible")
    }
    # Declining needs a reason; accepting needs a cycle. Nothing typed is lost.
    page = lead.post(triage, {"decision": "decline", **scores})
    assert page.status_code == 200
    assert page.context["triage_form"].errors
    page = lead.post(triage, {"decision": "accept", "reason": "Mooi", **scores})
    assert page.context["triage_form"].errors
    assert "Mooi" in page.content.decode()
    lead.post(triage, {"decision": "accept", "cycle": cycle.pk, **scores})
    use_case.refresh_from_db()
    assert (use_case.status, use_case.cycle) == (Status.ACCEPTED, cycle)
    assert use_case.criteria["value"] == 3
    # A decision is taken once; team members cannot take it.
    with pytest.raises(ValidationError):
        services.use_case_triage(
            actor=world.lead, use_case=use_case, accept=False, cycle=None, criteria={}, reason="x"
        )
    assert client_for(world.care_worker).post(triage, {"decision": "decline"}).status_code == 404


def test_a_question_can_only_be_submitted_for_your_own_organisation(world: World) -> None:
    page = client_for(world.care_worker).post(
        reverse("usecases:submit"), {**QUESTION, "organisation": world.org_b.pk}
    )
    assert page.status_code == 200
    assert page.context["form"].errors["organisation"]
    assert not UseCase.objects.exists()


def test_phases_go_in_order_and_need_their_deliverables_and_checklist(
    accepted: UseCase, world: World
) -> None:
    with pytest.raises(ValidationError, match=r"deliverables|Beschrijf|Describe"):
        services.use_case_advance(actor=world.care_worker, use_case=accepted)
    first = PHASES[0]
    services.phase_record_save(
        actor=world.care_worker,
        use_case=accepted,
        checklist={first.checklist[0][0]: True},
        notes="",
        deliverables="Probleemstelling",
    )
    with pytest.raises(ValidationError):  # the checklist is not done
        services.use_case_advance(actor=world.care_worker, use_case=accepted)
    for step in PHASES:
        accepted.refresh_from_db()
        assert accepted.phase == step.key
        services.phase_record_save(
            actor=world.care_worker,
            use_case=accepted,
            checklist={key: True for key, _label in step.checklist},
            notes="",
            deliverables=f"Resultaat van {step.key}",
        )
        services.use_case_advance(actor=world.care_worker, use_case=accepted)
    accepted.refresh_from_db()
    assert accepted.phase == FINISHED
    with pytest.raises(ValidationError):
        services.use_case_advance(actor=world.care_worker, use_case=accepted)
    assert HistoryEntry.objects.filter(use_case=accepted).count() >= 2 * len(PHASES)


def test_a_submitted_question_has_no_phases_yet(world: World) -> None:
    use_case = services.use_case_submit(
        actor=world.care_worker, organisation=world.org_a, data=QUESTION
    )
    with pytest.raises(ValidationError):
        services.phase_record_save(
            actor=world.care_worker, use_case=use_case, checklist={}, notes="", deliverables="x"
        )


def test_drafts_never_leak_and_the_showcase_hides_names(accepted: UseCase, world: World) -> None:
    detail = reverse("usecases:detail", kwargs={"use_case_id": accepted.pk})
    public = reverse("usecases:showcase_detail", kwargs={"use_case_id": accepted.pk})
    for outsider in (world.manager, world.outsider, world.outsider_admin):
        assert client_for(outsider).get(detail).status_code == 404
    assert client_for(None).get(public).status_code == 404
    assert accepted.title not in client_for(None).get(reverse("usecases:showcase")).content.decode()
    # The team adds a student from another organisation; then the lead publishes.
    client_for(world.care_worker).post(
        reverse("usecases:team_add", kwargs={"use_case_id": accepted.pk}),
        {"email": world.outsider.email, "role": "student"},
    )
    assert client_for(world.outsider).get(detail).status_code == 200
    assert (
        client_for(world.care_worker)
        .post(reverse("usecases:publish", kwargs={"use_case_id": accepted.pk}), {"published": "1"})
        .status_code
        == 404
    )
    client_for(world.lead).post(
        reverse("usecases:publish", kwargs={"use_case_id": accepted.pk}), {"published": "1"}
    )
    page = client_for(None).get(public).content.decode()
    assert accepted.title in page
    pdf = client_for(None).get(
        reverse("usecases:showcase_canvas_pdf", kwargs={"use_case_id": accepted.pk})
    )
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert world.care_worker.full_name not in page  # roles only, no names in public
    assert world.outsider.full_name not in page


def test_team_add_needs_an_existing_account_once(accepted: UseCase, world: World) -> None:
    url = reverse("usecases:team_add", kwargs={"use_case_id": accepted.pk})
    client = client_for(world.care_worker)
    page = client.post(url, {"email": "niemand@nergens.example", "role": "student"})
    assert page.context["team_form"].errors["email"]
    page = client.post(url, {"email": world.care_worker.email, "role": "student"})
    assert page.context["team_form"].errors["email"]


def test_demonstrator_uploads_are_checked(accepted: UseCase, world: World) -> None:
    url = reverse("usecases:demonstrator_add", kwargs={"use_case_id": accepted.pk})
    client = client_for(world.care_worker)
    data = {
        "name": "Overdrachtshulp",
        "what_it_does": "Vat samen",
        "ai_used": "Taalmodel",
        "status": "prototype",
    }
    fake = SimpleUploadedFile(
        "schermafdruk.png", b"MZ\x90\x00 not a picture", content_type="image/png"
    )
    page = client.post(url, {**data, "file": fake})
    assert page.status_code == 200
    assert (
        page.context["demonstrator_form"].errors["file"] or page.context["demonstrator_form"].errors
    )
    assert "Overdrachtshulp" in page.content.decode()  # nothing typed is lost
    big = SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024 + 1))
    page = client.post(url, {**data, "file": big})
    assert page.context["demonstrator_form"].errors["file"]
    assert not Demonstrator.objects.exists()
    picture = SimpleUploadedFile("scherm.png", _png(), content_type="image/png")
    assert client.post(url, {**data, "file": picture}).status_code == 302
    demonstrator = Demonstrator.objects.get()
    file_url = reverse("usecases:demonstrator_file", kwargs={"demonstrator_id": demonstrator.pk})
    assert client.get(file_url).status_code == 200
    assert client_for(world.outsider).get(file_url).status_code == 404


def test_cycle_dates_must_be_in_order(world: World) -> None:
    page = client_for(world.lead).post(
        reverse("usecases:cycles"),
        {"name": "Najaar", "starts_on": "2027-09-01", "ends_on": "2027-08-01"},
    )
    assert page.context["form"].errors["ends_on"]
    assert not Cycle.objects.exists()
    assert client_for(world.care_worker).get(reverse("usecases:cycles")).status_code == 404


def test_lessons_and_work_pleasure_are_checked(accepted: UseCase, world: World) -> None:
    url = reverse("usecases:lessons", kwargs={"use_case_id": accepted.pk})
    page = client_for(world.care_worker).post(
        url, {"maturity": "innovate", "went_well": "Samen", "work_pleasure_before": "12"}
    )
    assert page.context["lessons_form"].errors["work_pleasure_before"]
    client_for(world.care_worker).post(
        url, {"maturity": "innovate", "went_well": "Samen", "time_saved_minutes": "45"}
    )
    accepted.refresh_from_db()
    assert (accepted.maturity, accepted.time_saved_minutes) == ("innovate", 45)


def test_an_educator_in_the_team_drafts_a_linked_module(accepted: UseCase, world: World) -> None:
    services.team_add(
        actor=world.care_worker, use_case=accepted, email=world.educator.email, role="educator"
    )
    services.lessons_save(
        actor=world.care_worker, use_case=accepted, data={"advice": "Begin klein"}
    )
    url = reverse("usecases:module_draft", kwargs={"use_case_id": accepted.pk})
    # A care worker is no educator: no module, a clear message.
    client_for(world.care_worker).post(url, {"organisation": world.org_a.pk})
    assert not Module.objects.exists()
    response = client_for(world.educator).post(url, {"organisation": world.org_a.pk})
    module = Module.objects.get()
    assert response["Location"] == reverse(
        "learning:authoring_module", kwargs={"draft_id": module.pk}
    )
    accepted.refresh_from_db()
    assert accepted.module == module
    assert module.owner == world.org_a
    assert "Begin klein" in " ".join(module.lessons.values_list("body", flat=True))
    assert accepted.title in module.title
