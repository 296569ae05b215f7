"""Talking to a model that speaks the chat-completions protocol, with the official ``openai``
client: timeouts, no silent retries, and every failure turned into one :class:`ModelError`
with a code the page words (``rate_limited``, ``server``, ``timeout``, ``refused``,
``malformed``, ``connection``, ``auth``)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import openai
from openai.types.chat import ChatCompletionMessageParam

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0  # between two pieces of the stream


class ModelError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class Usage:
    tokens: int = 0


@functools.lru_cache(maxsize=32)
def _client(*, base_url: str, api_key: str, read_timeout: float) -> openai.OpenAI:
    """One client per endpoint, kept for the life of the process: making one costs 100-150 ms
    (its HTTP client and TLS set-up), which every learner would otherwise wait for before the
    first word (see benchmarks/sandbox/ttft.py); a kept client also reuses its connections.
    The clients are thread-safe; a changed key or address gets a new one."""
    return openai.OpenAI(
        base_url=base_url,
        api_key=api_key or "none",
        timeout=openai.Timeout(read_timeout, connect=CONNECT_TIMEOUT),
        max_retries=0,
    )


def _error(exc: Exception) -> ModelError:
    if isinstance(exc, openai.RateLimitError):
        return ModelError("rate_limited")
    if isinstance(exc, openai.APITimeoutError):
        return ModelError("timeout")
    if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
        return ModelError("auth")
    if isinstance(exc, openai.APIConnectionError):
        return ModelError("connection")
    if isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
        return ModelError("server")
    if isinstance(exc, openai.BadRequestError):
        return ModelError("refused")
    return ModelError("malformed")


def stream_chat(
    *,
    base_url: str,
    api_key: str,
    model: str,
    messages: list[ChatCompletionMessageParam],
    usage: Usage,
    read_timeout: float | None = None,
) -> Iterator[str]:
    """The answer's text, piece by piece as the model sends it. ``usage.tokens`` is filled in
    from the stream's usage report, or estimated (4 characters a token) when there is none.
    Closing the iterator (the learner pressed stop) closes the connection."""
    client = _client(base_url=base_url, api_key=api_key, read_timeout=read_timeout or READ_TIMEOUT)
    sent = sum(len(str(message.get("content") or "")) for message in messages)
    received = 0
    stream = None
    try:
        stream = client.chat.completions.create(
            model=model,
            messages=messages,
            stream=True,
            stream_options={"include_usage": True},
        )
        for chunk in stream:
            if chunk.usage is not None:
                usage.tokens = chunk.usage.total_tokens
            for choice in chunk.choices:
                if choice.finish_reason == "content_filter":
                    raise ModelError("refused")
                piece = choice.delta.content if choice.delta else None
                if piece:
                    received += len(piece)
                    yield piece
    except ModelError:
        raise
    except openai.OpenAIError as exc:
        raise _error(exc) from exc
    except (ValueError, KeyError, TypeError) as exc:  # a stream that is not JSON events
        raise ModelError("malformed") from exc
    finally:
        if not usage.tokens:
            usage.tokens = (sent + received + 3) // 4
        if stream is not None:
            stream.close()


def complete_chat(
    *,
    base_url: str,
    api_key: str,
    model: str,
    messages: list[ChatCompletionMessageParam],
    read_timeout: float = 10.0,
) -> tuple[str, int]:
    """One whole answer (no stream) and its tokens: the settings page's connection test."""
    client = _client(base_url=base_url, api_key=api_key, read_timeout=read_timeout)
    try:
        response = client.chat.completions.create(model=model, messages=messages)
    except openai.OpenAIError as exc:
        raise _error(exc) from exc
    if not response.choices:
        raise ModelError("malformed")
    choice = response.choices[0]
    if choice.finish_reason == "content_filter":
        raise ModelError("refused")
    tokens = response.usage.total_tokens if response.usage else 0
    return choice.message.content or "", tokens
