# ruff: noqa: RUF001 - names in Turkish and Polish spelling on purpose (dotless i ...)
"""Whole names and addresses, plain Python types, and properties on realistic generated care
texts (issue 16). Every name, street and number here is made up."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from carai.privacy import PrivacyEngine

ROOT = Path(__file__).resolve().parents[2]
PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "el", "al", "het", "'t", "in", "op"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mevr. Fatima El Amrani (72) is gevallen.", "Fatima El Amrani"),
        ("Mevrouw Johanna Pronk-Veldhuis verhuist.", "Johanna Pronk-Veldhuis"),
        ("mw. A.M. de Bruijn-van Oss slaapt slecht.", "A.M. de Bruijn-van Oss"),
        ("Patiënt: dhr. Bernardus (Ben) Wolters, geboren 1934.", "Bernardus (Ben) Wolters"),
        ("Dhr. Mehmet Yılmaz kreeg steunkousen.", "Mehmet Yılmaz"),
        ("Overleg met medebewoner Rachid B. over de keuken.", "Rachid B."),
        ("Bezoek van Gerda van Boxtel vanmiddag.", "Gerda van Boxtel"),
        ("Dhr. Nguyen Van Minh is gevallen.", "Nguyen Van Minh"),
        # Lower case in a chat, and the same name again (found by the property test below):
        ("Rapportage: mevrouw fatima bosma-de haan (18) gedoucht.", "fatima bosma-de haan"),
        (
            "Mevr. fatima bosma-de haan (18) gedoucht. Later: mevrouw fatima bosma-de haan.",
            "fatima bosma-de haan",
        ),
    ],
)
def test_a_name_is_found_and_replaced_whole(engine: PrivacyEngine, text: str, name: str) -> None:
    result = engine.analyse(text)
    assert ("naam", name) in {(s.label, s.text) for s in result.spans}
    for word in re.findall(r"\w+", name):
        if word.lower() not in PARTICLES and len(word) > 1:
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", result.pseudonymised)


@pytest.mark.parametrize(
    "address",
    [
        "Burgemeester Van Nispenstraat 14 A",
        "St. Jorisplein 8-2",
        "Pater van den Elsenlaan 3-16",
        "Kapelaan Meijerstraat 27-B",
        "Jan Pietersz. Coenstraat 45 II",
        "Burgemeester Gelsingel 4-112",
        "Sint Annastraat 12a",
        "Pater Brugmanstraat 3 bis",
        "Laan van Meerdervoort 1023",
        "Wilhelminastraat 22 rood",
    ],
)
def test_an_address_is_found_whole(engine: PrivacyEngine, address: str) -> None:
    text = f"Mevrouw woont sinds kort aan de {address} en krijgt thuiszorg."
    assert ("adres", address) in {(s.label, s.text) for s in engine.analyse(text).spans}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MDO 8-10, afdeling De Linde.", ("datum", "8-10")),
        ("Volgende afspraak 18/12 om 14.00 uur.", ("datum", "18/12")),
        ("Opgenomen 3 okt. 2024 wegens COPD.", ("datum", "3 okt. 2024")),
        ("Klachten sinds jan. 2025.", ("datum", "jan. 2025")),
        ("Zij is geboren in 1932 in Harlingen.", ("datum", "1932")),
        ("Opname van 14 t/m 17 juli.", ("datum", "14")),
        ("De 16-jarige zoon woont thuis.", ("leeftijd", "16-jarige")),
        ("Zij heeft een dochter van 7.", ("leeftijd", "7")),
        ("Het dossier staat onder cl-203318 in het ECD.", ("nummer", "cl-203318")),
        ("Patiëntnr ZHT: 4482910", ("nummer", "4482910")),
        ("Zaaknummer VT-2025-03318 graag vermelden.", ("nummer", "VT-2025-03318")),
        ("Hij zit op OBS De Vlieger in groep 5.", ("instelling", "OBS De Vlieger")),
        ("Bel het wijkteam via 14 0499.", ("telefoon", "14 0499")),
    ],
)
def test_weak_spots_of_issue_16(
    engine: PrivacyEngine, text: str, expected: tuple[str, str]
) -> None:
    assert expected in {(s.label, s.text) for s in engine.analyse(text).spans}


@pytest.mark.parametrize(
    "text",
    [
        "Slaapt 4-5 uur per nacht en drinkt 8-10 glazen per dag.",
        "Pijnscore 5/10, halve tablet (1/2) gegeven.",
        "Volgens de Wmo 2015 en NEN 7510 regelen we dit zo.",
        "Sinds 3 jaar woont zij hier; de zorg is 24/7 bereikbaar.",
    ],
)
def test_numbers_that_are_no_dates_stay(engine: PrivacyEngine, text: str) -> None:
    assert [s for s in engine.analyse(text).spans if s.label in {"datum", "leeftijd"}] == []


def test_offsets_are_plain_ints_where_deduce_gives_numpy_ones(engine: PrivacyEngine) -> None:
    # deduce cuts overlapping annotations with numpy and hands back numpy.int64 offsets for
    # this sentence ("Lindeboom aan de " as a person next to the street).
    text = "Vanaf 1 september zitten we in het pand van Thuiszorg Lindeboom aan de Industrieweg 14."
    raw = engine.deduce.deidentify(text).annotations
    assert any(type(a.start_char) is not int for a in raw)  # the case this test is about
    result = engine.analyse(text)
    for span in result.spans:
        assert type(span.start) is int
        assert type(span.end) is int
    json.dumps(result.as_json())


# -- realistic generated texts ------------------------------------------------------------

FIRST = ["Fatima", "Mehmet", "Ayşe", "Tomasz", "Małgorzata", "Sjoerd", "Froukje", "Kwame",
         "Priya", "Jan-Willem", "Anne-Marie", "Linh", "Gerrit", "Soufiane", "Zeynep"]  # fmt: skip
SURNAME = ["El Amrani", "van der Meer", "Yılmaz", "Wiśniewski", "Dijkstra", "Bosma-de Haan",
           "Kaya-Demir", "ter Horst", "Tjoe-A-Kwie", "Mensah", "van 't Hof", "Al-Sayed",
           "de Bruijn-van Oss", "Nguyen", "Öztürk"]  # fmt: skip
TITLE = ["Mevr.", "mevrouw", "Dhr.", "dhr.", "mw.", "meneer"]
STREET = ["Burgemeester de Withstraat", "Sint Annastraat", "Pater Brugmanstraat", "Kerkstraat",
          "Dr. Schaepmanstraat", "Kapelaan Meijerstraat", "Prof. Lorentzlaan", "Molenweg",
          "Generaal Foulkesweg", "Koningin Julianalaan"]  # fmt: skip
NUMBER = ["14", "12a", "3 bis", "8-2", "4-112", "27-B", "5 III", "101"]
TEMPLATE = [
    "Rapportage: {t} {n} ({age}) vanochtend gedoucht, huid rustig.",
    "Overdracht: {t} {n}, {a}: steunkousen aan, ogen gedruppeld.",
    "Dochter {f} belde over het bezoek van {t} {n}.",
    "Cliënt woont aan de {a}; sleutelkluis bij de voordeur.",
    "Gesprek met {n} over de dagbesteding, verder geen bijzonderheden.",
    "Verhuizing van {t} {n} naar de {a} gepland.",
    # round 12d: speakers, form lines, a man addressed, a family, nicknames in quotes
    "Notulen overleg\n{f}: vraagt naar {n}.\nKorteweg: geeft aan dat het goed gaat.\n",
    "Aanvrager: {n}, geb. 3 maart 1961, woont aan de {a}.",
    "Geachte heer {n}, uw afspraak staat. Ook fam. {n} is ingelicht.",
    "Cliënt: {f} 'Sjaak' {n}, opgenomen; husband {f} belde.",
]


@st.composite
def care_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        template = draw(st.sampled_from(TEMPLATE))
        name = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(SURNAME))}"
        if draw(st.booleans()):
            name = name.lower()
        parts.append(
            template.format(
                t=draw(st.sampled_from(TITLE)),
                n=name,
                f=draw(st.sampled_from(FIRST)),
                a=f"{draw(st.sampled_from(STREET))} {draw(st.sampled_from(NUMBER))}",
                age=draw(st.integers(18, 99)),
            )
        )
    separator = draw(st.sampled_from([" ", "\n", "  ", "\n\n"]))
    return separator.join(parts)


def _check_result(text: str, engine: PrivacyEngine) -> None:
    result = engine.analyse(text)
    previous_end = 0
    for span in result.spans:
        assert type(span.start) is int
        assert type(span.end) is int
        assert type(span.label) is str
        assert type(span.text) is str
        assert type(span.reason) is str
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end  # sorted, no overlaps
        assert text[span.start : span.end] == span.text
        previous_end = span.end
    json.dumps(result.as_json())
    # No word of a detected name or address is left in the pseudonymised text.
    for span in result.spans:
        if span.label not in {"naam", "adres"}:
            continue
        for word in re.findall(r"[^\W_]+", span.text):
            if len(word) >= 3 and word.lower() not in PARTICLES:
                assert not re.search(
                    rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", result.pseudonymised
                ), (span, result.pseudonymised)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=care_texts())
# found by this test after round 22: "Hof naar de Sint Annastraat 14" was read as one street
@example(text="Verhuizing van Mevr. Fatima van 't Hof naar de Sint Annastraat 14 gepland.")
def test_generated_care_texts_are_handled_safely(engine: PrivacyEngine, text: str) -> None:
    _check_result(text, engine)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400) | st.text(alphabet="aAeE -.,()0123456789/\n'ıŞ", max_size=300))
def test_any_string_is_handled_safely(engine: PrivacyEngine, text: str) -> None:
    _check_result(text, engine)


def test_the_batch_command_survives_realistic_texts(tmp_path: Path) -> None:
    texts = [
        "Overdracht: dhr. Mehmet Yılmaz, Burgemeester de Withstraat 88, Eersel: ogen gedruppeld.",
        "Vanaf 1 september zitten we bij Thuiszorg Lindeboom aan de Industrieweg 14.",
        "mw de groot wil haar pillen niet, staat in ecd onder cl-203318",
        "\x00\u202e😀 (62) 4-5 uur, 8-10, 1/2",
    ]
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    run = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", "carai.privacy", str(source)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert [item["id"] for item in out] == list(range(len(texts)))
    for item, text in zip(out, texts, strict=True):
        for span in item["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(text)


def test_ci_draws_the_same_examples_on_every_run() -> None:
    """tests/conftest.py: in CI the property tests above run with a fixed seed, so CI fails
    only because of the commit under test; locally they draw new examples each run."""
    active = settings.default
    assert active is not None
    assert active.derandomize is bool(os.environ.get("CI"))
