"""The Dutch privacy engine: every known weak spot of deduce alone, and properties that hold
for any text. All names and numbers are made up."""

from __future__ import annotations

import gc
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from carai.privacy import (
    NO_PERSONAL_DATA,
    PERSONAL_DATA,
    SPECIAL_CATEGORY,
    PrivacyEngine,
    get_engine,
)
from carai.privacy.patterns import bsn_valid, iban_valid

ROOT = Path(__file__).resolve().parents[2]


def found(engine: PrivacyEngine, text: str) -> set[tuple[str, str]]:
    return {(span.label, span.text) for span in engine.analyse(text).spans}


def test_checksums() -> None:
    assert bsn_valid("123456782")
    assert not bsn_valid("123456781")
    assert not bsn_valid("000000000")
    assert iban_valid("NL91ABNA0417164300")
    assert not iban_valid("NL92ABNA0417164300")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # deduce tags "te Maastricht" as a person
        ("Mevrouw woont te Maastricht sinds mei.", ("plaats", "Maastricht")),
        # dates without a year
        ("Opname op 12 maart, ontslag volgt.", ("datum", "12 maart")),
        ("Controle op 3/4 bij de huisarts.", ("datum", "3/4")),
        # ages written as (62)
        ("Mevrouw Jansen (62) is gevallen.", ("leeftijd", "62")),
        ("Een 81-jarige man meldt zich.", ("leeftijd", "81-jarige")),
        # BSNs with separators
        ("BSN 123.456.782 staat in het dossier.", ("bsn", "123.456.782")),
        ("bsn: 123 456 782", ("bsn", "123 456 782")),
        # IBANs wholly masked
        ("Rekening NL91 ABNA 0417 1643 00 van de zoon.", ("iban", "NL91 ABNA 0417 1643 00")),
        ("Rekening NL91ABNA0417164300.", ("iban", "NL91ABNA0417164300")),
        # spaced international phone numbers
        ("Bel +31 6 12 34 56 78 bij vragen.", ("telefoon", "+31 6 12 34 56 78")),
        ("Bel 0031 70 123 4567.", ("telefoon", "0031 70 123 4567")),
        ("Bel 070-1234567 of later.", ("telefoon", "070-1234567")),
        ("Bel 06-12345678 of later.", ("telefoon", "06-12345678")),
        # e-mail with .eu and .de
        ("Mail naar j.devries@voorbeeld.eu graag.", ("email", "j.devries@voorbeeld.eu")),
        ("Mail naar zorg@praxis-muster.de graag.", ("email", "zorg@praxis-muster.de")),
        # institutions outside deduce's lists
        ("Hij woont in Zorggroep Noorderzon.", ("instelling", "Zorggroep Noorderzon")),
        # lower-case names
        ("vandaag belde pieter jansen over zijn moeder.", ("naam", "pieter jansen")),
        # numbers and codes
        ("Patiëntnummer: 20231187 graag vermelden.", ("nummer", "20231187")),
        ("AGB-code 01234567 van de praktijk.", ("agb", "01234567")),
        ("Auto met kenteken 12-ABC-3 stond voor de deur.", ("kenteken", "12-ABC-3")),
        (
            "Zie https://www.example.nl/dossier/12 voor meer.",
            ("url", "https://www.example.nl/dossier/12"),
        ),
        ("Adres: Kerkstraat 12, 6211 AB.", ("postcode", "6211 AB")),
        # English texts (the practice cases come in English too)
        ("ED triage, 14 January, 21:35.", ("datum", "14 January")),
        ("Client: Mr Marco Pieters, 41 years old, lives alone.", ("leeftijd", "41 years old")),
        ("Customer number: HE-2024-77413 is overdue.", ("nummer", "HE-2024-77413")),
    ],
)
def test_weak_spots_of_deduce_are_covered(
    engine: PrivacyEngine, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kreeg 2850 IE insuline subcutaan.",  # a dose, not a postcode
        "De ziekte van Parkinson is vastgesteld.",
        "Metformine 500 mg 2dd, Hb 7,2, CRP 45, om 14:00 gecontroleerd.",
        "Sinds 3 jaar woont zij hier.",  # a duration, not an age
        "Bel de huisarts morgen om 8 uur.",
        "She has smoked for 40 years and stopped 2 years ago.",
    ],
)
def test_hard_negatives_are_left_alone(engine: PrivacyEngine, text: str) -> None:
    assert engine.analyse(text).spans == []


def test_placeholders_are_consistent(engine: PrivacyEngine) -> None:
    text = (
        "Bel 06-12345678. Geen gehoor? Nogmaals 06-12345678, anders 06-87654321. "
        "BSN 123.456.782 (ook: 123456782)."
    )
    result = engine.analyse(text)
    assert result.pseudonymised.count("[TELEFOON-1]") == 2
    assert "[TELEFOON-2]" in result.pseudonymised
    assert result.pseudonymised.count("[BSN-1]") == 2
    assert "12345678" not in result.pseudonymised


def test_verdicts(engine: PrivacyEngine) -> None:
    assert engine.analyse("De vergadering is verplaatst.").verdict == NO_PERSONAL_DATA
    assert engine.analyse("Mail j.devries@voorbeeld.eu.").verdict == PERSONAL_DATA
    health = "Mevrouw De Vries (62) heeft dementie en gebruikt oxazepam."
    assert engine.analyse(health).verdict == SPECIAL_CATEGORY


def test_importing_deduce_does_not_take_over_logging(engine: PrivacyEngine) -> None:
    root = logging.getLogger()
    assert not any(
        isinstance(handler, logging.StreamHandler) and handler.stream is sys.stdout
        for handler in root.handlers
    )


def test_the_engine_is_built_once(engine: PrivacyEngine) -> None:
    assert get_engine() is engine


# Words that look like identifiers, glued together at random, plus any text at all.
_PIECES = [
    "Jansen", "pieter", "de", "Vries", "06-12345678", "123.456.782", "NL91", "ABNA", "0417",
    "1643", "00", "12", "maart", "(62)", "te", "Maastricht", "6211", "AB", "IE", "@",
    "x@y.nl", "www.", "AGB", "01234567", "12-ABC-3", "\u202e", "\x00", "😀", "\n",
]  # fmt: skip
_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.builds(
    " ".join, st.lists(st.sampled_from(_PIECES), max_size=40)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
@example(text="Fan pieter:pieter (1)")  # a name found again next to another name
def test_any_text_is_handled_safely(engine: PrivacyEngine, text: str) -> None:
    result = engine.analyse(text)
    previous_end = 0
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end  # sorted, no overlaps
        assert text[span.start : span.end] == span.text
        previous_end = span.end
    # No detected value is left anywhere as a word of its own in the pseudonymised text.
    for span in result.spans:
        if len(span.text) >= 2:
            pattern = r"(?<!\w)" + re.escape(span.text) + r"(?!\w)"
            assert re.search(pattern, result.pseudonymised) is None, span


def test_batch_command_reads_json_lines(engine: PrivacyEngine, tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Bel 06-12345678."},
        {"id": "b", "text": "Niets bijzonders."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\nnot json\n")
    run = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "carai.privacy", str(source)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    assert run.returncode == 1  # one line was not JSON, and it says so
    assert f"{source}:3" in run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert out[0] == {
        "id": "a",
        "spans": [{"start": 4, "end": 15, "label": "telefoon"}],
        "verdict": PERSONAL_DATA,
    }
    assert out[1]["verdict"] == NO_PERSONAL_DATA
    text_run = subprocess.run(
        [sys.executable, "-m", "carai.privacy", "--text"],
        input="Mail j.devries@voorbeeld.eu of bel 06-12345678.",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=600,
    )
    assert text_run.stdout == "Mail [EMAIL-1] of bel [TELEFOON-1]."


def test_the_engine_has_no_django_imports() -> None:
    for path in (ROOT / "carai" / "privacy").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+django", source, re.MULTILINE), path


def test_a_rare_surname_after_a_known_first_name_is_part_of_the_name(
    engine: PrivacyEngine,
) -> None:
    assert ("naam", "Wilhelmina Testpersoon") in found(
        engine, "Vandaag kwam mevrouw Wilhelmina Testpersoon op controle."
    )


def test_the_engine_of_the_process_is_frozen_for_the_garbage_collector(
    engine: PrivacyEngine,
) -> None:
    """get_engine() freezes what is alive after the load, deduce's lists among them, so no
    full collection walks them later (one took about 3 s in the middle of a check)."""
    assert gc.get_freeze_count() > 1_000_000


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gesprek met dr. P. de Vries over de uitslag.", "P. de Vries"),
        ("Dhr. Jansen kwam op controle.", "Jansen"),
        ("Mw. van Dijk belde over de afspraak.", "van Dijk"),
    ],
)
def test_the_reason_after_a_title_names_the_kind_of_cue(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    """The Privacycheck shows the reason: after "dr." it may not claim the cue was "dhr"/"mw"."""
    (span,) = [s for s in engine.analyse(text).spans if s.label == "naam"]
    assert span.text == name
    assert span.reason == "naam na 'meneer', 'mevrouw' of een titel"
