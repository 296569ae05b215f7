"""Round 17a (speedded): deduce's kept steps made cheaper, with the same tokens and spans.

- ``_QuickTokenizer._pieces`` finds deduce's tokens with one ``split`` of deduce's pattern
  and offsets added up from the lengths of the parts: the same texts and offsets as
  deduce's ``finditer``, on hand-made edge cases, on the tuning sets and on random text.
- ``_unlink_tokens`` leaves a document without reference cycles, and
  ``_deduce_candidates`` finds the same candidates as before it unlinked.
"""

from __future__ import annotations

import gc
import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks.privacy.common import load_set
from carai.privacy import PrivacyEngine
from carai.privacy import engine as engine_module
from carai.privacy.engine import _QuickTokenizer, _unlink_tokens

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "privacy"


def _tuning_texts(per_set: int = 60) -> list[str]:
    """The first texts of each tuning set (no held-out set)."""
    texts = []
    for path in sorted(SETS.glob("*.jsonl")):
        if "holdout" in path.name:
            continue
        texts.extend(item["text"] for item in load_set(path)[:per_set])
    return texts


def _quick(engine: PrivacyEngine) -> _QuickTokenizer:
    quick = engine._tokenizers["default"]
    assert isinstance(quick, _QuickTokenizer)
    assert quick._split is not None  # deduce's own pattern: the quick way is taken
    return quick


def _same_pieces(quick: _QuickTokenizer, text: str) -> None:
    pattern = quick._tokenizer._pattern
    expected = [(m.group(0), m.start(), m.end()) for m in pattern.finditer(text)]
    words, starts, ends = quick._pieces(text)
    assert list(zip(words, starts, ends, strict=True)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "   ",
        "    ",
        "      ",
        "a",
        " a",
        "   a",
        "    a",
        "a   ",
        "a    ",
        "a     b",
        "a \n\n\t b",
        "Jan  van der   Berg,    woont te Den Haag.\r\n",
        "é\u0301 x\u200d y_z 3.5 'n (a)",
        "\t\t   \n",
    ],
)
def test_pieces_as_deduce_finds_them(engine: PrivacyEngine, text: str) -> None:
    _same_pieces(_quick(engine), text)


def test_pieces_on_tuning_text(engine: PrivacyEngine) -> None:
    quick = _quick(engine)
    texts = _tuning_texts()
    assert len(texts) > 500
    for text in texts:
        _same_pieces(quick, text)


def test_pieces_on_random_text(engine: PrivacyEngine) -> None:
    quick = _quick(engine)
    rng = random.Random(17)
    alphabet = list("aZ9_ .,-'\n\r\t\u00e9\u0301\u200d\u2019") + [" "] * 6
    for _ in range(3000):
        _same_pieces(quick, "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))))


def _candidates(engine: PrivacyEngine, text: str) -> list[Any]:
    return [(c.start, c.end, c.label, c.reason) for c in engine._deduce_candidates(text)]


def test_no_cycles_left(engine: PrivacyEngine) -> None:
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for text in _tuning_texts(8):
            document = engine._deduce_document(text)
            kept = sorted((a.start_char, a.end_char, a.tag) for a in document.annotations)
            _unlink_tokens(document)
            unlinked = sorted((a.start_char, a.end_char, a.tag) for a in document.annotations)
            assert unlinked == kept
            del document
            assert gc.collect() == 0  # nothing of the text waits for the cycle collector
            _candidates(engine, text)
            assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def test_the_same_candidates_as_with_linked_tokens(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _tuning_texts(30)
    unlinked = [_candidates(engine, text) for text in texts]
    monkeypatch.setattr(engine_module, "_unlink_tokens", lambda document: None)
    assert [_candidates(engine, text) for text in texts] == unlinked
