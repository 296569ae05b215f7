"""A small, bounded load driver on loopback: asyncio, HTTP/1.1 keep-alive, no dependencies.

Each of ``connections`` clients sends one request after another on its own connection (a
new one when the server closes it) until ``seconds`` pass, and records the time of each
answer. Only 127.0.0.1 is allowed.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_SECONDS = 60


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    cookie: str = ""
    body: bytes = b""


@dataclass
class Result:
    name: str
    seconds: float
    times: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    bytes: int = 0
    expected: int = 200  # the status a right answer has (302: a form that redirects)

    @property
    def ok(self) -> int:
        return self.statuses[self.expected]

    def percentile(self, p: float) -> float:
        if not self.times:
            return float("nan")
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    @property
    def p50(self) -> float:
        return statistics.median(self.times) * 1000 if self.times else float("nan")

    @property
    def per_second(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


def _encode(request: Request, host: str) -> bytes:
    lines = [
        f"{request.method} {request.path} HTTP/1.1",
        f"Host: {host}",
        "X-Forwarded-Proto: https",  # behind a TLS proxy, as the settings expect
        "Accept-Language: nl",
        "Connection: keep-alive",
    ]
    if request.cookie:
        lines.append(f"Cookie: {request.cookie}")
    if request.method == "POST":
        lines += [
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(request.body)}",
            f"Origin: https://{host}",
            f"Referer: https://{host}{request.path}",
        ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + request.body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    """(status, body bytes, keep the connection)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers = {}
    for line in header_lines:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    keep = headers.get("connection", "").lower() != "close"
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
        return status, len(body), keep
    if headers.get("transfer-encoding", "").lower() == "chunked":
        size = 0
        while True:
            chunk_head = await reader.readuntil(b"\r\n")
            length = int(chunk_head.split(b";")[0], 16)
            await reader.readexactly(length + 2)
            size += length
            if length == 0:
                return status, size, keep
    body = await reader.read()
    return status, len(body), False


async def _client(
    host: str,
    port: int,
    next_request: Callable[[], Request | None],
    deadline: float,
    result: Result,
) -> None:
    reader = writer = None
    while time.monotonic() < deadline:
        request = next_request()
        if request is None:
            break
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            assert reader is not None
            writer.write(_encode(request, host))
            await writer.drain()
            status, size, keep = await asyncio.wait_for(_read_response(reader), 60)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
            result.errors[type(exc).__name__] += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.05)
            continue
        result.times.append(time.perf_counter() - started)
        result.statuses[status] += 1
        result.bytes += size
        if not keep:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def drive(
    name: str,
    port: int,
    next_request: Callable[[], Request | None],
    *,
    connections: int,
    seconds: float,
    host: str = "127.0.0.1",
    expected: int = 200,
) -> Result:
    """Load 127.0.0.1:``port`` for at most ``seconds`` (≤ 60) with ``connections`` clients."""
    if host != "127.0.0.1":
        raise ValueError("the load driver only talks to 127.0.0.1")
    seconds = min(seconds, MAX_SECONDS)
    result = Result(name=name, seconds=seconds, expected=expected)

    async def main() -> None:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(_client(host, port, next_request, deadline, result) for _ in range(connections))
        )
        result.seconds = time.monotonic() - started

    asyncio.run(main())
    return result
