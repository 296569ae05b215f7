"""The chat-completions client over real HTTP, against the local test server."""

from __future__ import annotations

import time

import pytest

from carai.sandbox.client import ModelError, Usage, complete_chat, stream_chat
from tests.sandbox.model_server import ModelServer

MESSAGES = [{"role": "user", "content": "Vat samen."}]


def _stream(server: ModelServer, model: str, **kwargs: object) -> tuple[list[str], Usage]:
    usage = Usage()
    pieces = list(
        stream_chat(
            base_url=server.url,
            api_key="sk-test",
            model=model,
            messages=MESSAGES,  # type: ignore[arg-type]
            usage=usage,
            **kwargs,  # type: ignore[arg-type]
        )
    )
    return pieces, usage


def test_a_stream_comes_piece_by_piece_with_its_usage(server: ModelServer) -> None:
    server.answer = "Dhr. kreeg temazepam 10 mg."
    pieces, usage = _stream(server, "ok")
    assert len(pieces) == 5
    assert "".join(pieces) == "Dhr. kreeg temazepam 10 mg."
    assert usage.tokens == 60  # from the stream's usage report
    sent = server.requests[-1]
    assert sent["stream"] is True
    assert sent["messages"] == MESSAGES
    assert sent["stream_options"] == {"include_usage": True}


def test_without_a_usage_report_the_tokens_are_estimated(server: ModelServer) -> None:
    server.answer = "een twee drie vier"
    _pieces, usage = _stream(server, "nousage")
    assert usage.tokens == (len("Vat samen.") + len("een twee drie vier") + 3) // 4


def test_a_whole_answer_without_stream(server: ModelServer) -> None:
    server.answer = "Alles goed."
    text, tokens = complete_chat(
        base_url=server.url,
        api_key="sk-test",
        model="ok",
        messages=MESSAGES,  # type: ignore[arg-type]
    )
    assert (text, tokens) == ("Alles goed.", 15)
    assert server.requests[-1].get("stream") in (None, False)


@pytest.mark.parametrize(
    ("model", "code"),
    [
        ("busy", "rate_limited"),
        ("broken", "server"),
        ("malformed", "malformed"),
        ("refuse", "refused"),
    ],
)
def test_failures_get_one_code_each(server: ModelServer, model: str, code: str) -> None:
    with pytest.raises(ModelError) as caught:
        _stream(server, model)
    assert caught.value.code == code


@pytest.mark.parametrize(("model", "code"), [("busy", "rate_limited"), ("broken", "server")])
def test_failures_without_stream(server: ModelServer, model: str, code: str) -> None:
    with pytest.raises(ModelError) as caught:
        complete_chat(base_url=server.url, api_key="k", model=model, messages=MESSAGES)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_a_slow_model_times_out_after_the_first_piece(server: ModelServer) -> None:
    server.pause = 2.0
    usage = Usage()
    received: list[str] = []
    started = time.monotonic()
    pieces = stream_chat(
        base_url=server.url,
        api_key="k",
        model="slow",
        messages=MESSAGES,  # type: ignore[arg-type]
        usage=usage,
        read_timeout=0.5,
    )
    received.append(next(pieces))
    with pytest.raises(ModelError) as caught:
        next(pieces)
    assert caught.value.code == "timeout"
    assert received == ["Dit"]  # what came before the silence was passed on at once
    assert time.monotonic() - started < 2.0


def test_nobody_listening_is_a_connection_error() -> None:
    with pytest.raises(ModelError) as caught:
        complete_chat(base_url="http://127.0.0.1:9/v1", api_key="k", model="ok", messages=MESSAGES)  # type: ignore[arg-type]
    assert caught.value.code == "connection"
