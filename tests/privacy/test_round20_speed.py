"""Round 20 (speed20): fixed costs of short texts, every span the same.

- ``engine._quick_person_tags``: deduce's ``PersonAnnotationConverter`` (resolve the
  overlaps of the name annotations, drop pseudo names and blank ones, tag the rest
  "patient" or "persoon") with its new annotations made by ``engine._annotation``: the same
  set, each annotation with the dataclass's own dict.
"""

from __future__ import annotations

from typing import Any

import pytest
from deduce.annotation_processor import PersonAnnotationConverter
from docdeid.annotation import Annotation, AnnotationSet

from carai.privacy import PrivacyEngine
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
