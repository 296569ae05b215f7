"""The fault test's check that a person never sees a raw error (benchmarks/faults)."""

from __future__ import annotations

from django.views.defaults import server_error

from benchmarks.faults.run import raw_error


def test_carai_error_page_is_not_raw(rf) -> None:
    response = server_error(rf.get("/"))
    assert not raw_error(response.status_code, response.content)


def test_bare_and_traceback_answers_are_raw() -> None:
    assert raw_error(500, b"<html><h1>Internal Server Error</h1></html>")
    assert raw_error(502, b"")
    assert raw_error(500, b'<body class="carai-theme">Traceback (most recent call last):')
    assert not raw_error(200, b"anything")
    assert not raw_error(404, b"Not found")
