"""Round 20 (speed20): fixed costs of short texts, every span the same.

- ``engine._quick_person_tags``: deduce's ``PersonAnnotationConverter`` (resolve the
  overlaps of the name annotations, drop pseudo names and blank ones, tag the rest
  "patient" or "persoon") with its new annotations made by ``engine._annotation``: the same
  set, each annotation with the dataclass's own dict.
- ``patterns.Gated.finditer`` is no generator any more: where no match can be (no trigger
  piece, no lead in the text) it returns one shared, spent iterator; otherwise an iterator
  of the same matches as before (the scans' own tests, round 17g, compare them with the
  gated pattern's ``finditer`` on every tuning text).
"""

from __future__ import annotations

from typing import Any

import pytest
from deduce.annotation_processor import PersonAnnotationConverter
from docdeid.annotation import Annotation, AnnotationSet

from carai.privacy import PrivacyEngine, patterns
from carai.privacy import engine as engine_module
from carai.privacy.patterns import Gated
from tests.privacy.helpers import tuning_texts

# fictional texts: every name, street and number is made up
MADE_UP = [
    "Mevr. T. van der Wiel-Bakker (81) woont aan de Klaverweg 17 in Dronten.",
    "Dhr. Pieter-Jan de Graaf belde; zijn dochter Noor komt morgen om 10:00.",
    "patient Jansen en mw. Y. Oosterbeek, Kerkstraat 3a, gesproken met dr. Meijer.",
    "Wondzorg bij Sanne Lindeboom, daarna overleg met huisarts H.M. Roozendaal.",
    "Geen bijzonderheden. Cliënt sliep goed.",
    "",
]


def _person_step(engine: PrivacyEngine) -> tuple[int, Any]:
    for index, step in enumerate(engine._steps):
        if type(step).__name__ == "QuickPersonAnnotationConverter":
            return index, step
    raise AssertionError("no quick person step in the engine's steps")


def _before_person_step(engine: PrivacyEngine, text: str) -> Any:
    """A document of ``text`` with the engine's steps before the person step done."""
    from carai.privacy.engine import _document_class

    index, _ = _person_step(engine)
    document = _document_class()(text, tokenizers=engine._tokenizers)
    for step in engine._steps[:index]:
        step.process(document)
    return document


def test_the_engine_runs_the_quick_person_step(engine: PrivacyEngine) -> None:
    _, step = _person_step(engine)
    assert isinstance(step, PersonAnnotationConverter)


@pytest.mark.parametrize("text", MADE_UP + tuning_texts(per_set=12))
def test_the_quick_person_step_gives_deduces_annotations(engine: PrivacyEngine, text: str) -> None:
    _, step = _person_step(engine)
    document = _before_person_step(engine, text)
    if not document.annotations:  # docdeid's step skips an empty set; the method fails
        with pytest.raises(ValueError, match="empty"):
            step.process_annotations(AnnotationSet(), text)
        return
    ours = step.process_annotations(AnnotationSet(document.annotations), text)
    own = PersonAnnotationConverter().process_annotations(AnnotationSet(document.annotations), text)
    assert type(ours) is AnnotationSet
    assert ours == own
    by_key = {annotation: annotation for annotation in own}
    for annotation in ours:
        assert type(annotation) is Annotation
        assert list(vars(annotation).items()) == list(vars(by_key[annotation]).items())


def test_the_quick_person_step_drops_pseudo_and_blank_names(engine: PrivacyEngine) -> None:
    _, step = _person_step(engine)
    text = "Jan Smit en  Piet"
    annotations = AnnotationSet(
        [
            Annotation(text="Jan", start_char=0, end_char=3, tag="voornaam_patient"),
            Annotation(text="Jan Smit", start_char=0, end_char=8, tag="voornaam+achternaam"),
            Annotation(text=" ", start_char=11, end_char=12, tag="achternaam"),
            Annotation(text="Piet", start_char=13, end_char=17, tag="pseudo_name"),
        ]
    )
    ours = step.process_annotations(AnnotationSet(annotations), text)
    own = PersonAnnotationConverter().process_annotations(AnnotationSet(annotations), text)
    assert ours == own
    assert ("Jan", "patient") in {(a.text, a.tag) for a in ours}
    assert all(a.text.strip() and a.tag in ("patient", "persoon") for a in ours)
    assert "Piet" not in {a.text for a in ours}


GATED = sorted(
    (f"{module.__name__}.{name}", value)
    for module in (patterns, engine_module)
    for name, value in vars(module).items()
    if isinstance(value, Gated)
)
NO_TRIGGER_TEXT = "zzz qqq"  # made up: no piece of any scan's trigger or leads


def _spans(matches: Any) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_a_scan_without_its_trigger_gives_the_shared_spent_iterator() -> None:
    absent = [scan for _, scan in GATED if scan._lower_or_absent(NO_TRIGGER_TEXT) is False]
    assert len(absent) > 50
    for scan in absent:
        found = scan.finditer(NO_TRIGGER_TEXT)
        assert found is patterns._NO_MATCHES
        assert next(found, None) is None
        assert list(found) == []
    assert next(patterns._NO_MATCHES, None) is None  # still spent after all those calls


def test_a_scan_whose_leads_stand_nowhere_gives_the_shared_spent_iterator() -> None:
    with_leads = [scan for _, scan in GATED if scan.leads is not None]
    assert with_leads
    text = "Mevrouw de Vries at goed; geen bijzonderheden."  # made up
    lowered = patterns.lower_text(text)
    assert lowered is not None
    for scan in with_leads:
        found = scan.finditer(text)
        if scan._lower_or_absent(text) is False or not patterns._lead_starts(
            lowered, scan._lead_set
        ):
            assert found is patterns._NO_MATCHES
        else:
            assert _spans(found) == _spans(scan.plain.finditer(text))


@pytest.mark.parametrize(("name", "scan"), GATED, ids=[name for name, _ in GATED])
def test_every_scan_gives_an_iterator_of_the_gated_patterns_matches(name: str, scan: Gated) -> None:
    texts = [
        NO_TRIGGER_TEXT,
        "Dhr. P. de Jong (79), Kerkstraat 12, 1234 AB Ede; BSN 123456782; tel 06-12345678",
        "dossiernummer hv 14453108, opgenomen in ziekenhuis De Linde op 3 maart 2024",
    ]
    for text in texts:
        found = scan.finditer(text)
        assert iter(found) is found
        assert _spans(found) == _spans(scan.plain.finditer(text))


def test_a_scan_reads_its_own_text_when_another_text_came_between() -> None:
    first = "Mevr. A. Bakker woont aan de Kerkstraat 12 in Ede, tel 06-12345678."
    second = "zzz qqq"
    for _, scan in GATED:
        found = scan.finditer(first)
        for _, other in GATED:
            other.finditer(second)  # the one-text copies now hold the second text
        assert _spans(found) == _spans(scan.plain.finditer(first))
