"""Round 19b (speed19): objects made with one dict instead of a frozen dataclass's checks.

- ``engine._annotation`` makes docdeid's ``Annotation`` for our quick copies of deduce's
  word-list, token-pattern and context steps: the same class and the same dict, key for
  key and in the same order, as the dataclass's own ``__init__`` and ``__post_init__``
  make, and the same error where the text's length does not fit its span.
- ``Candidate`` and ``Span`` keep their fields, equality, hash and repr, with an
  ``__init__`` that fills the dict in one step: the same dict as a frozen dataclass's
  generated ``__init__`` gives, by position and by keyword.
"""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest
from docdeid.annotation import Annotation

from carai.privacy import PrivacyEngine
from carai.privacy import engine as engine_module
from carai.privacy.engine import Span, _annotation
from carai.privacy.patterns import LOOKUP, PATTERN, Candidate
from tests.privacy.helpers import tuning_texts


def _dataclass_annotation(annotation: Annotation) -> Annotation:
    """The annotation made again through docdeid's own dataclass ``__init__``."""
    return Annotation(
        text=annotation.text,
        start_char=annotation.start_char,
        end_char=annotation.end_char,
        tag=annotation.tag,
        priority=annotation.priority,
        start_token=annotation.start_token,
        end_token=annotation.end_token,
    )


def test_an_annotation_has_the_dataclass_dict_in_its_order() -> None:
    made = _annotation("Jan Smit", 4, 12, "voornaam", 3, None, None)
    own = Annotation(text="Jan Smit", start_char=4, end_char=12, tag="voornaam", priority=3)
    assert type(made) is Annotation
    assert list(vars(made).items()) == list(vars(own).items())
    assert list(vars(made)) == [
        "text", "start_char", "end_char", "tag", "priority", "start_token", "end_token",
        "_key_cache", "length",
    ]  # fmt: skip
    assert made == own
    assert hash(made) == hash(own)
    assert repr(made) == repr(own)
    assert made.length == 8
    assert made._key_cache == {}
    assert made._key_cache is not _annotation("Jan", 0, 3, "voornaam", 3, None, None)._key_cache


def test_an_annotation_is_still_frozen_and_pickles_as_docdeid_does() -> None:
    made = _annotation("Ayşe", 0, 4, "voornaam", 1, None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.tag = "achternaam"
    again = pickle.loads(pickle.dumps(made))  # noqa: S301 (bytes made here)
    own = pickle.loads(pickle.dumps(_dataclass_annotation(made)))  # noqa: S301
    assert vars(again) == vars(own)


@pytest.mark.parametrize(("text", "start", "end"), [("Smit", 0, 3), ("", 2, 3), ("de", 5, 4)])
def test_a_span_that_does_not_fit_its_text_fails_as_docdeid_does(
    text: str, start: int, end: int
) -> None:
    with pytest.raises(ValueError, match="does not match") as ours:
        _annotation(text, start, end, "naam", 0, None, None)
    with pytest.raises(ValueError, match="does not match") as theirs:
        Annotation(text=text, start_char=start, end_char=end, tag="naam")
    assert str(ours.value) == str(theirs.value)


MADE_UP = [
    "Mevr. Fatma Kaya-de Boer (81) werd door dochter Meryem naar het Rijnstate gebracht.",
    "dhr. van der Wal belde; zoon Sjoerd Hoekstra komt morgen met Dr. Kowalczyk praten.",
    "Overleg met huisarts R.J. Pinas en mw. Amrani (Zorggroep Noorderbreedte) over Piet.",
    "Jan, Piet en Klaas de Vries woonden in de Kerkstraat 12 te Leeuwarden bij Anouk.",
]


def test_the_quick_steps_make_the_dataclass_annotations(engine: PrivacyEngine) -> None:
    """Every annotation deduce's kept steps leave (ours made through ``_annotation``, the
    others by docdeid and deduce) equals, dict item for item, what docdeid's dataclass
    makes from the same values."""
    seen = 0
    for text in MADE_UP + tuning_texts(per_set=15):
        for annotation in engine._deduce_document(text).annotations:
            assert type(annotation) is Annotation
            own = _dataclass_annotation(annotation)
            assert list(vars(annotation).items()) == list(vars(own).items()), text
            seen += 1
    assert seen > 300


def test_the_quick_steps_make_their_annotations_through_the_helper(
    engine: PrivacyEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper is what the quick word-list, token-pattern and context steps call (so
    the test above covers what it makes)."""
    made: list[str] = []
    helper = engine_module._annotation

    def counted(*args: Any) -> Any:
        made.append(args[0])
        return helper(*args)

    monkeypatch.setattr(engine_module, "_annotation", counted)
    engine._deduce_document(MADE_UP[0])
    assert "Fatma" in made
    assert "Meryem" in made
    assert any(" " in text for text in made)  # a name grown by a context or pattern step


@dataclasses.dataclass(frozen=True)
class _OwnCandidate:
    start: int
    end: int
    label: str
    reason: str
    priority: int


@dataclasses.dataclass(frozen=True)
class _OwnSpan:
    start: int
    end: int
    label: str
    text: str
    reason: str


def test_a_candidate_has_the_dict_of_a_frozen_dataclass() -> None:
    args = (3, 9, "naam", "voornaam na 'mevrouw'", PATTERN)
    made = Candidate(*args)
    own = _OwnCandidate(*args)
    assert list(vars(made).items()) == list(vars(own).items())
    keywords = Candidate(priority=LOOKUP, reason="r", label="plaats", end=5, start=1)
    assert list(vars(keywords).items()) == list(
        vars(_OwnCandidate(start=1, end=5, label="plaats", reason="r", priority=LOOKUP)).items()
    )
    assert made == Candidate(*args)
    assert hash(made) == hash(Candidate(*args))
    assert made != Candidate(3, 9, "naam", "voornaam na 'mevrouw'", LOOKUP)
    assert repr(made) == "Candidate" + repr(own).removeprefix("_OwnCandidate")
    assert [f.name for f in dataclasses.fields(Candidate)] == list(vars(own))
    assert dataclasses.astuple(made) == args
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        Candidate(1, 2, "naam", "r")  # type: ignore[call-arg]
    assert pickle.loads(pickle.dumps(made)) == made  # noqa: S301 (bytes made here)


def test_a_span_has_the_dict_of_a_frozen_dataclass() -> None:
    args = (0, 5, "naam", "Sanne", "voornaam")
    made = Span(*args)
    own = _OwnSpan(*args)
    assert list(vars(made).items()) == list(vars(own).items())
    assert made == Span(*args)
    assert hash(made) == hash(Span(*args))
    assert repr(made) == "Span" + repr(own).removeprefix("_OwnSpan")
    assert dataclasses.asdict(made) == dataclasses.asdict(own)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.label = "plaats"  # type: ignore[misc]


def test_spans_of_made_up_texts_are_whole(engine: PrivacyEngine) -> None:
    """The spans out of the engine are Span objects with the text they cover."""
    for text in MADE_UP:
        for span in engine.spans(text):
            assert type(span) is Span
            assert text[span.start : span.end] == span.text or span.text == ""
            assert list(vars(span)) == ["start", "end", "label", "text", "reason"]
