"""The sandbox pages over real HTTP to the local chat-completions server: the pre-send
check, the streamed answer, recorded answers without a model, errors that keep the prompt,
budget and rate limits, keeping an attempt, and the admin's model settings."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.urls import reverse

from carai.core.engine import privacy_engine_warm_up
from carai.core.models import AuditEvent
from carai.practice.models import Case
from carai.register.models import Permission, ToolStatus
from carai.sandbox.models import Call, ModelEndpoint, SandboxAttempt
from tests.conftest import World, client_for, downloaded
from tests.sandbox.conftest import make_tool
from tests.sandbox.model_server import ModelServer

GOOD_PROMPT = (
    "Je bent verzorgende. Maak een MIC-melding van deze rapportage over dhr. Visser:\n"
    "03:40 Dhr. gevonden op de grond naast zijn bed. Om 23:00 temazepam 10 mg gegeven."
)
BSN_PROMPT = GOOD_PROMPT + "\nBSN 123456782."  # made up; passes the 11-test


@pytest.fixture(scope="module", autouse=True)
def _engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


def _url(case: Case) -> str:
    return reverse("sandbox:workspace", kwargs={"case_id": case.pk})


def _post(world: World, case: Case, prompt: str, action: str = "send", **extra: str):
    data = {"task_choice": "case", "prompt": prompt, action: "1", **extra}
    return client_for(world.care_worker).post(_url(case), data)


def _page(response) -> str:
    return downloaded(response).decode()


def test_addresses() -> None:
    assert reverse("sandbox:home") == "/ai-oefenruimte/"
    assert reverse("sandbox:workspace", kwargs={"case_id": 3}) == "/ai-oefenruimte/casus/3/"


def test_the_home_page_lists_cases_and_says_there_is_no_model(world: World, case: Case) -> None:
    response = client_for(world.care_worker).get(reverse("sandbox:home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert case.title in page
    assert "recorded example answers" in page or "opgenomen voorbeeldantwoorden" in page


def test_a_bsn_not_in_the_case_blocks_sending_and_the_prompt_stays(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer
) -> None:
    response = _post(world, case, BSN_PROMPT)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "123456782" in page
    assert "BSN" in page
    assert BSN_PROMPT in page  # the prompt is in the form, as typed
    assert server.requests == []  # nothing left CARAI
    assert Call.objects.count() == 0


def test_only_checking_does_not_send(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer
) -> None:
    response = _post(world, case, GOOD_PROMPT, action="check")
    assert response.status_code == 200
    assert response.context["blocked"] == []
    assert server.requests == []


def test_the_answer_streams_and_an_invented_dose_is_marked(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer
) -> None:
    server.answer = "MIC-melding: dhr. viel om 03:40. Om 23:00 kreeg hij temazepam 20 mg."
    response = _post(world, case, GOOD_PROMPT)
    assert response.status_code == 200
    assert response.streaming
    chunks = [bytes(chunk).decode() for chunk in response.streaming_content]
    assert len(chunks) > 5  # top, the pieces of the answer, the checks, the end
    page = "".join(chunks)
    assert "temazepam 20 mg" in page
    assert 'class="carai-mark carai-mark--number"' in page
    assert "<strong>20 mg</strong>" in page
    sent = server.requests[-1]
    assert sent["model"] == "ok"
    assert sent["messages"][-1]["content"] == GOOD_PROMPT
    call = Call.objects.get()
    assert (call.user, call.tokens, call.outcome) == (world.care_worker, 60, "done")
    assert SandboxAttempt.objects.count() == 0  # nothing kept until the learner asks


def test_without_a_model_the_recorded_answer_is_used_and_labelled(
    world: World, case: Case, server: ModelServer
) -> None:
    page = _page(_post(world, case, GOOD_PROMPT))
    assert "temazepam 20 mg" in page  # the case's recorded answer, with its planted error
    assert "Opgenomen voorbeeldantwoord" in page or "Recorded example answer" in page
    assert server.requests == []


@pytest.mark.parametrize(
    ("model", "words"),
    [
        ("busy", ("too many requests", "te veel verzoeken")),
        ("broken", ("had a fault", "storing")),
        ("malformed", ("cannot read", "niet kan lezen")),
        ("refuse", ("refused", "weigerde")),
        ("denied", ("did not accept the key", "sleutel")),
    ],
)
def test_model_errors_are_said_plainly_and_keep_the_prompt(
    world: World, case: Case, endpoint: ModelEndpoint, model: str, words: tuple[str, str]
) -> None:
    endpoint.model_name = model
    endpoint.save()
    page = html.unescape(_page(_post(world, case, GOOD_PROMPT)))
    assert 'id="sandbox-error"' in page
    assert any(word in page.lower() for word in words), page[-3000:]
    assert GOOD_PROMPT in page
    assert Call.objects.get().outcome in {"rate_limited", "server", "malformed", "refused", "auth"}


def test_a_model_nobody_answers_at_keeps_the_prompt(
    world: World, case: Case, endpoint: ModelEndpoint
) -> None:
    endpoint.base_url = "http://127.0.0.1:9/v1"  # the discard port: nothing listens
    endpoint.save()
    page = html.unescape(_page(_post(world, case, GOOD_PROMPT)))
    assert 'id="sandbox-error"' in page
    assert GOOD_PROMPT in page
    assert Call.objects.get().outcome == "connection"


def test_a_slow_model_times_out_with_a_message(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer, monkeypatch
) -> None:
    monkeypatch.setattr("carai.sandbox.client.READ_TIMEOUT", 0.5)
    server.pause = 2.0
    endpoint.model_name = "slow"
    endpoint.save()
    page = html.unescape(_page(_post(world, case, GOOD_PROMPT)))
    assert 'id="sandbox-error"' in page
    assert GOOD_PROMPT in page
    assert Call.objects.get().outcome == "timeout"


def test_the_hourly_limit_per_person(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer
) -> None:
    endpoint.requests_per_hour = 1
    endpoint.save()
    first = _post(world, case, GOOD_PROMPT)
    assert first.status_code == 200
    _page(first)
    response = _post(world, case, GOOD_PROMPT)
    assert response.status_code == 429
    assert GOOD_PROMPT in html.unescape(response.content.decode())
    assert len(server.requests) == 1


def test_the_monthly_budget(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer
) -> None:
    Call.objects.create(endpoint=endpoint, user=world.manager, tokens=10_000, outcome="done")
    response = _post(world, case, GOOD_PROMPT)
    assert response.status_code == 429
    assert server.requests == []


def test_a_tool_the_person_may_not_use_sends_nothing(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer
) -> None:
    endpoint.tool.roles = ["manager"]
    endpoint.tool.save()
    response = _post(world, case, GOOD_PROMPT)
    assert response.status_code == 200
    assert response.context["not_sent"]
    assert server.requests == []


def test_keeping_an_attempt_with_marks_and_reflection(world: World, case: Case) -> None:
    answer = "Om 23:00 kreeg hij temazepam 20 mg."
    data = case.as_data()
    response = client_for(world.care_worker).post(
        reverse("sandbox:save", kwargs={"case_id": case.pk}),
        {
            "task": data.task,
            "prompt": GOOD_PROMPT,
            "answer": answer,
            "source": "live",
            "agree": ["0"],
            "own_marks": "De sensormat ontbreekt.",
            "reflection": "Ik vraag voortaan om alleen feiten uit de tekst.",
        },
    )
    attempt = SandboxAttempt.objects.get()
    assert response.status_code == 302
    assert attempt.user == world.care_worker
    assert attempt.marks[0]["text"] == "20 mg"
    assert attempt.marks[0]["agreed"] is True
    assert attempt.marks[-1] == {
        "kind": "own",
        "text": "De sensormat ontbreekt.",
        "detail": "",
        "agreed": True,
        "own": True,
    }
    url = reverse("sandbox:attempt", kwargs={"sandbox_attempt_id": attempt.pk})
    assert client_for(world.care_worker).get(url).status_code == 200
    for other in (world.manager, world.org_admin, world.lead, world.outsider):
        assert client_for(other).get(url).status_code == 404


def test_stopping_checks_what_came(world: World, case: Case) -> None:
    response = client_for(world.care_worker).post(
        reverse("sandbox:review", kwargs={"case_id": case.pk}),
        {
            "task": case.as_data().task,
            "prompt": GOOD_PROMPT,
            "answer": "Dhr. viel om 04:55.",
            "source": "live",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<strong>04:55</strong>" in page


def test_settings_only_for_admin_and_privacy_officer(world: World) -> None:
    url = reverse("sandbox:settings", kwargs={"slug": world.org_a.slug})
    for person in (world.org_admin, world.privacy_officer):
        assert client_for(person).get(url).status_code == 200
    for person in (world.care_worker, world.manager, world.lead, world.outsider_admin):
        assert client_for(person).get(url).status_code == 404


def test_a_tool_the_register_forbids_for_health_data_cannot_be_chosen(
    world: World, health_tool, server: ModelServer
) -> None:
    forbidden = make_tool(
        world, name="Gratis chatbot", health=Permission.NOT_ALLOWED, status=ToolStatus.ALLOWED
    )
    make_tool(world, name="Nog niet beoordeeld", health=None, status=ToolStatus.ALLOWED)
    url = reverse("sandbox:settings", kwargs={"slug": world.org_a.slug})
    client = client_for(world.org_admin)
    choices = [
        str(label) for _value, label in client.get(url).context["form"].fields["tool"].choices
    ]
    assert "Oefen-AI (EU)" in choices
    assert "Gratis chatbot" not in choices
    form = {
        "tool": forbidden.pk,
        "is_active": "on",
        "base_url": server.url,
        "model_name": "ok",
        "api_key": "sk-geheim-123",
        "monthly_token_budget": "50000",
        "requests_per_hour": "10",
        "price_per_million": "3.00",
    }
    assert client.post(url, form).status_code == 200
    assert not ModelEndpoint.objects.exists()
    form["tool"] = health_tool.pk
    assert client.post(url, form).status_code == 302
    endpoint = ModelEndpoint.objects.get()
    assert "sk-geheim-123" not in endpoint.key_encrypted
    assert AuditEvent.objects.filter(action="sandbox_endpoint_saved").exists()
    # An empty key keeps the saved one.
    form["api_key"] = ""
    client.post(url, form)
    from carai.sandbox.services import endpoint_key

    assert endpoint_key(ModelEndpoint.objects.get()) == "sk-geheim-123"


def test_the_organisation_sees_counts_tokens_and_cost_never_prompts(
    world: World, case: Case, endpoint: ModelEndpoint, server: ModelServer
) -> None:
    endpoint.price_per_million = Decimal("10000.00")
    endpoint.save()
    _page(_post(world, case, GOOD_PROMPT))
    _page(_post(world, case, GOOD_PROMPT))
    response = client_for(world.org_admin).get(
        reverse("sandbox:settings", kwargs={"slug": world.org_a.slug})
    )
    (month,) = response.context["usage"]
    assert (month.calls, month.tokens) == (2, 120)
    assert month.cost == Decimal("1.20")  # 120 tokens at 10,000 euro a million
    page = response.content.decode()
    assert "temazepam" not in page
    assert "Visser" not in page
