"""A local SMTP server for fault tests (aiosmtpd), on 127.0.0.1 only.

It keeps every message it accepted with its Message-ID, so a test can count e-mails
delivered and duplicates. Its behaviour can be changed while it runs:

- ``accept``: answer at once;
- ``refuse``: refuse every recipient with a temporary error (450), as a full or
  misconfigured mail server does;
- ``slow``: wait ``delay`` seconds before accepting a message; a client that hangs up in
  the meantime delivered nothing (as with a real server that has not yet said 250);
- ``stop()`` / ``start()``: no server at all (connection refused).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    message_id: str
    to: list[str]
    subject: str
    at: float


@dataclass
class SmtpSink:
    port: int = field(default_factory=free_port)
    mode: str = "accept"
    delay: float = 0.0
    received: list[Received] = field(default_factory=list)
    refused: int = 0
    dropped: int = 0  # clients that hung up while a slow server made them wait
    _controller: Controller | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # aiosmtpd handler hooks
    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.mode == "refuse":
            with self._lock:
                self.refused += 1
            return "450 4.2.0 Mailbox unavailable (fault test: refusing)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.mode == "slow" and self.delay:
            try:
                await asyncio.sleep(self.delay)
            except asyncio.CancelledError:  # aiosmtpd stops the session: the client left
                with self._lock:
                    self.dropped += 1
                raise
            transport = getattr(server, "transport", None)
            if transport is None or transport.is_closing():
                with self._lock:
                    self.dropped += 1
                return "421 4.4.2 Client went away"
        parsed = message_from_bytes(envelope.original_content or envelope.content)
        with self._lock:
            self.received.append(
                Received(
                    message_id=str(parsed.get("Message-ID", "")),
                    to=list(envelope.rcpt_tos),
                    subject=str(parsed.get("Subject", "")),
                    at=time.time(),
                )
            )
        return "250 Message accepted for delivery"

    # control
    def start(self) -> SmtpSink:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def ids(self) -> list[str]:
        with self._lock:
            return [r.message_id for r in self.received]

    def duplicates(self) -> int:
        ids = self.ids()
        return len(ids) - len(set(ids))

    def settings_env(self) -> dict[str, str]:
        """Environment for a CARAI process that should send its e-mail here."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.port),
            "EMAIL_USE_TLS": "false",
        }
