"""Round 17g (speed300o): fewer fixed costs per scan for short texts, with the same spans.

- ``patterns.Gated.finditer`` and ``search`` read the one-text copies of ``lower_text`` and
  ``_TRIGGERS`` in line (``Gated._lower_or_absent``) instead of through three calls: the
  same matches, groups and order as the gated pattern's own ``finditer`` and ``search``,
  for every Gated scan, on hand-made strings and on the tuning sets, and False exactly
  where the scan's own trigger finds none of its pieces (``Gated._absent`` is gone: round
  18a).
- ``PrivacyEngine._whole`` runs twice in ``spans()`` (the candidates, then the extras found
  again): a place found in both is grown (``_cut_at_kind``, ``_grow_name``, which depend on
  the text and the place alone) once, in a dict spans() passes to both calls.
"""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine, engine, patterns
from carai.privacy.patterns import Candidate, Gated
from tests.privacy.helpers import tuning_texts as _tuning_texts
from tests.privacy.test_round17d_speed import _found

GATED = sorted(
    {
        f"{module.__name__}.{name}": value
        for module in (patterns, engine)
        for name, value in vars(module).items()
        if isinstance(value, Gated)
    }.items()
)


TRICKY = [
    "",
    " ",
    "a",
    "hoek",
    "Op de hoek Molenstraat/Kerkweg, kruising stationsweg / dorpsstraat",
    "\u0130 \u0131 \u017f \u212a k: h\u0130ek Kerkstraat/Molenweg; \u017ftraat 12",
    "Mevr. J. de Vries (62 jaar), geb. 03-04-1961, BSN 123456782, Kerkstraat 12, 1234 AB Ede",
    "dossiernummer hv 14453108, patiëntnr. zt 0048812, Cl.nr 1234567, tel 06-12345678",
    "hoi priya!! thx rik, lars ben je er al? mw de groot 14:03: ok",
]


def _check(scan: Gated, text: str) -> None:
    plain = scan.plain
    assert _found(scan.finditer(text)) == _found(plain.finditer(text))
    for pos in sorted({0, 1, len(text) // 2, max(0, len(text) - 1), len(text)}):
        want, got = plain.search(text, pos), scan.search(text, pos)
        assert (None if got is None else (got.span(), got.groups())) == (
            None if want is None else (want.span(), want.groups())
        )
    lowered = scan._lower_or_absent(text)
    low = patterns.lower_text(text)
    absent = scan._needs is not None and low is not None and scan._needs.search(low) is None
    assert (lowered is False) == absent
    if lowered is not False and scan.leads is not None:
        assert lowered == patterns.lower_text(text)


@pytest.mark.parametrize(("name", "scan"), GATED, ids=[name for name, _ in GATED])
def test_gated_scans_on_tricky_strings(name: str, scan: Gated) -> None:
    for text in TRICKY:
        _check(scan, text)
        _check(scan, "".join(text))  # another string of the same text: no stale copy used


def test_gated_scans_on_the_tuning_sets() -> None:
    texts = _tuning_texts()
    assert len(texts) > 1000
    for text in texts:
        for _, scan in GATED:
            _check(scan, text)


def test_whole_with_the_names_of_the_first_call(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spans() passes one dict of grown places to both of its calls of ``_whole``: each call
    gives what a call with a fresh dict gives, on the tuning sets and hand-made texts."""
    calls: list[tuple[str, list[Candidate], dict[tuple[int, int], tuple[int, int]] | None]] = []
    whole = PrivacyEngine._whole

    def recording(
        self: PrivacyEngine,
        text: str,
        candidates: list[Candidate],
        names: dict[tuple[int, int], tuple[int, int]] | None = None,
    ) -> list[Candidate]:
        out = whole(self, text, candidates, names)
        calls.append((text, list(candidates), names))
        return out

    monkeypatch.setattr(PrivacyEngine, "_whole", recording)
    texts = [*TRICKY, "Jan Jansen woont in Ede. Jansen belde. Mevr. Pieter de Vries-Bakker"]
    shared = 0
    for text in [*texts, *_tuning_texts()[::4]]:
        calls.clear()
        engine.spans(text)
        assert len(calls) == 2
        assert calls[0][2] is calls[1][2]
        first = {(c.start, c.end) for c in calls[0][1] if c.label == "naam"}
        shared += sum((c.start, c.end) in first for c in calls[1][1] if c.label == "naam")
        for _, candidates, _names in calls:
            assert whole(engine, text, candidates, _names) == whole(engine, text, candidates)
    assert shared > 50  # the second call grew places the first had grown
