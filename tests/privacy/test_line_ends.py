"""Round 22 (lead): a browser sends the lines of a textarea with "\\r\\n", and text pasted from
Windows has them too. The rules know only "\\n"; before this, 11 of 300 multi-line texts of
the tuning sets gave other spans with "\\r\\n" (a chat's "kees 21:47" above a message was no
name on the Privacycheck page). Now every text gives the same spans, given in the text as
sent. Made-up text in the sentences below; every name is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import tuning_texts

CHAT = "kees 21:47\nben je nog wakker? mw belde net\nlin 21:49\nja hoor, ik rij erheen"


def _found(engine: PrivacyEngine, text: str) -> list[tuple[str, str]]:
    return [(span.label, span.text.replace("\r", "")) for span in engine.spans(text)]


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_a_chat_with_other_line_ends_gives_the_same_names(
    engine: PrivacyEngine, line_end: str
) -> None:
    text = CHAT.replace("\n", line_end)
    assert [s.text for s in engine.spans(text) if s.label == "naam"] == ["kees", "lin"]


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_every_multi_line_tuning_text_gives_the_same_spans(
    engine: PrivacyEngine, line_end: str
) -> None:
    texts = [text for text in tuning_texts() if "\n" in text]
    assert len(texts) > 300
    differ = [
        text[:60]
        for text in texts
        if _found(engine, text.replace("\n", line_end)) != _found(engine, text)
    ]
    assert differ == []


def test_spans_are_given_in_the_text_as_sent(engine: PrivacyEngine) -> None:
    text = "Mw. Jansen\r\nwoont aan de Kerkstraat 12\r\nin Assen.\r\nDochter Ria belt."
    spans = engine.spans(text)
    assert [(s.label, s.text) for s in spans] == [
        ("naam", "Jansen"),
        ("adres", "Kerkstraat 12"),
        ("plaats", "Assen"),
        ("naam", "Ria"),
    ]
    for span in spans:
        assert text[span.start : span.end] == span.text
    result = engine.analyse(text)
    assert "\r\n" in result.pseudonymised
    assert "Jansen" not in result.pseudonymised
    assert "Kerkstraat" not in result.pseudonymised
