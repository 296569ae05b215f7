"""A small real HTTP server that speaks the chat-completions protocol, for the tests.

It runs in a thread on a free local port. The model name picks the behaviour:

- ``ok``: the answer (``server.answer``), streamed word by word with a usage report at the
  end, or whole when not streamed;
- ``nousage``: streamed without a usage report;
- ``slow``: the first word, then silence for ``server.pause`` seconds;
- ``drip``: word by word with ``server.drip`` seconds between words (to watch it stream);
- ``busy``: 429 Too Many Requests; ``denied``: 401 (key not accepted); ``broken``: 500;
  ``malformed``: a stream that is not JSON; ``refuse``: a stream that ends with
  ``finish_reason: content_filter``.

Every request body is kept in ``server.requests`` so tests can see what left CARAI.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class ModelServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answer = "Dit is een antwoord."
        self.pause = 3.0
        self.drip = 0.15
        self.requests: list[dict[str, Any]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def start(self) -> ModelServer:
        threading.Thread(target=self.serve_forever, name="model-server", daemon=True).start()
        return self

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that drops a kept-alive connection is normal here (the kept clients
        reuse connections; Stop closes one): no traceback for that."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def _chunk(content: str | None, finish: str | None = None) -> dict[str, Any]:
    delta = {"content": content} if content is not None else {}
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "test",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


class _Handler(BaseHTTPRequestHandler):
    server: ModelServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _event(self, payload: str) -> None:
        data = f"data: {payload}\n\n".encode()
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        self.server.requests.append(body)
        if not self.path.endswith("/chat/completions"):
            self._json(404, {"error": {"message": "not found"}})
            return
        model = body.get("model", "ok")
        if model == "busy":
            self._json(429, {"error": {"message": "Too many requests", "type": "rate_limit"}})
            return
        if model == "denied":
            self._json(401, {"error": {"message": "Invalid key", "type": "invalid_api_key"}})
            return
        if model == "broken":
            self._json(500, {"error": {"message": "Internal error", "type": "server_error"}})
            return
        words = self.server.answer.split(" ")
        if not body.get("stream"):
            self._json(
                200,
                {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "created": 0,
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": self.server.answer},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
                },
            )
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            if model == "malformed":
                self._event("{this is not json")
            elif model == "refuse":
                self._event(json.dumps(_chunk("Ik")))
                self._event(json.dumps(_chunk(None, "content_filter")))
            else:
                for number, word in enumerate(words):
                    self._event(json.dumps(_chunk(word if number == 0 else " " + word)))
                    if model == "slow" and number == 0:
                        time.sleep(self.server.pause)
                    if model == "drip":
                        time.sleep(self.server.drip)
                self._event(json.dumps(_chunk(None, "stop")))
                if model != "nousage":
                    usage = _chunk(None)
                    usage["choices"] = []
                    usage["usage"] = {
                        "prompt_tokens": 40,
                        "completion_tokens": 20,
                        "total_tokens": 60,
                    }
                    self._event(json.dumps(usage))
            self._event("[DONE]")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
