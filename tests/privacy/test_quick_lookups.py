"""Round 9d: the engine runs deduce's word-list steps (``MultiTokenLookupAnnotator``) through
``engine._QuickLookupAnnotator``, which shares the token texts of a document between the
steps. Each step must give exactly deduce's own annotations, and deduce's own processors
(what "deduce alone" in the benchmarks runs) must stay as shipped."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carai.privacy import PrivacyEngine
from carai.privacy.engine import _DEDUCE_SKIPPED, _document_class, _QuickLookupAnnotator
from tests.privacy.helpers import tuning_texts as _set_texts


def _quick_steps(engine: PrivacyEngine) -> list[_QuickLookupAnnotator]:
    steps: list[_QuickLookupAnnotator] = []

    def walk(group: Any) -> None:
        for _, processor in group:
            if isinstance(processor, _QuickLookupAnnotator):
                steps.append(processor)
            elif hasattr(processor, "_processors"):
                walk(processor)

    walk(engine._processors)
    return steps


def _key(annotations: list[Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (a.start_char, a.end_char, a.text, a.tag, a.priority, a.start_token, a.end_token)
        for a in annotations
    )


def _same_per_step(engine: PrivacyEngine, text: str) -> int:
    document = _document_class()(text, tokenizers=engine._tokenizers)
    found = 0
    for step in _quick_steps(engine):
        ours = step.annotate(document)
        assert _key(ours) == _key(step._annotator.annotate(document)), (step.tag, text)
        found += len(ours)
    return found


def test_every_word_list_step_is_replaced(engine: PrivacyEngine) -> None:
    tags = {step.tag for step in _quick_steps(engine)}
    assert {"voornaam", "achternaam", "locatie", "ziekenhuis", "zorginstelling"} <= tags


def test_deduce_itself_is_left_as_shipped(engine: PrivacyEngine) -> None:
    from docdeid.process.annotator import MultiTokenLookupAnnotator

    names = engine.deduce.processors["names"]
    assert type(names["first_name_lookup"]) is MultiTokenLookupAnnotator
    assert type(engine._processors["names"]["first_name_lookup"]) is _QuickLookupAnnotator
    assert engine._processors.get_names() == engine.deduce.processors.get_names()


def test_the_same_annotations_per_step_on_every_set(engine: PrivacyEngine) -> None:
    texts = _set_texts()
    assert len(texts) > 400
    assert sum(_same_per_step(engine, text) for text in texts) > 1000


def test_the_same_annotations_as_deduce_on_every_set(engine: PrivacyEngine) -> None:
    for text in _set_texts():
        ours = engine._deduce_document(text).annotations
        theirs = engine.deduce.deidentify(text, disabled=_DEDUCE_SKIPPED).annotations
        assert _key(list(ours)) == _key(list(theirs)), text


def test_made_up_text_with_names_places_and_a_hospital(engine: PrivacyEngine) -> None:
    # words from deduce's own lists, in upper and lower case (hospitals match either)
    text = (
        "Dhr. Pieter Hoekstra uit Groningen is opgenomen in het Martini Ziekenhuis; "
        "zijn zus Greet woont in assen, bezoek via het martini ziekenhuis."
    )
    assert _same_per_step(engine, text) >= 4
    tags = {a.tag for a in engine._deduce_document(text).annotations}
    assert tags & {"ziekenhuis", "zorginstelling"}


def test_text_without_list_words_gets_nothing(engine: PrivacyEngine) -> None:
    text = "de wond is schoon, geen roodheid; morgen opnieuw verbinden om 10.00 uur."
    assert _same_per_step(engine, text) == 0


# made-up words of the kinds deduce's lists hold, with particles, signs and spaces
_NAMES = ["Jan", "jan", "Vries", "Berg", "Amsterdam", "ziekenhuis", "Martini", "Kerkstraat"]
_WORDS = [*_NAMES, "de", "van", "der", "12", ",", ".", "Parkinson", "é", "\n", "  "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(_WORDS) | st.text(max_size=6),
        max_size=40,
    )
)
def test_the_same_annotations_on_random_text(engine: PrivacyEngine, words: list[str]) -> None:
    _same_per_step(engine, " ".join(words))


# -- deduce's token-pattern steps, matched with their positions made into functions ---------


def _token_pattern_steps(engine: PrivacyEngine) -> list[tuple[str, Any, Any]]:
    """(name, our step, deduce's own step) for every token-pattern and context step."""
    steps = []
    for group_name, group in engine._processors:
        if not hasattr(group, "_processors"):
            continue
        for name, processor in group:
            if type(processor).__name__.startswith("Quick") and hasattr(processor, "_matchers"):
                steps.append((name, processor, engine.deduce.processors[group_name][name]))
    return steps


def test_every_token_pattern_step_is_replaced(engine: PrivacyEngine) -> None:
    names = {name for name, _, _ in _token_pattern_steps(engine)}
    assert {"prefix_with_initial", "initial_with_name", "name_context", "housenumber"} <= names
    from deduce.annotator import ContextAnnotator, TokenPatternAnnotator

    assert type(engine.deduce.processors["names"]["prefix_with_initial"]) is TokenPatternAnnotator
    assert type(engine.deduce.processors["names"]["name_context"]) is ContextAnnotator


def test_token_pattern_steps_match_as_deduce_does(engine: PrivacyEngine) -> None:
    """Each of our token-pattern steps tries every token as deduce's own step does, and each
    try gives the same answer (the same annotation or none)."""
    tried = found = 0
    for text in [*_set_texts()[::3], "Dhr. P. de Vries en mw. J. van der Berg-Smit, Kerkweg 12a"]:
        tokens = _document_class()(text, tokenizers=engine._tokenizers).get_tokens()
        for name, ours, theirs in _token_pattern_steps(engine):
            patterns = (
                [(p["pattern"], p["direction"], set(p.get("skip", []))) for p in ours.pattern]
                if hasattr(ours, "iterative")
                else [(ours.pattern, "right", ours.skip)]
            )
            for pattern, direction, skip in patterns:
                for token in tokens:
                    mine = ours._match_sequence(text, pattern, token, direction, skip)
                    deduce = theirs._match_sequence(text, pattern, token, direction, skip)
                    assert _key([mine] if mine else []) == _key([deduce] if deduce else []), (
                        name,
                        text,
                    )
                    tried += 1
                    found += mine is not None
    assert tried > 10_000
    assert found > 100


# -- deduce's overlap steps, with a byte mask ----------------------------------------------


def test_overlap_steps_are_replaced(engine: PrivacyEngine) -> None:
    from docdeid.process.annotation_processor import OverlapResolver

    ours = engine._processors["post_processing"]["overlap_resolver"]
    person = engine._processors["names"]["person_annotation_converter"]
    assert type(ours).__name__ == type(person._overlap_resolver).__name__ == "QuickOverlapResolver"
    assert type(engine.deduce.processors["post_processing"]["overlap_resolver"]) is OverlapResolver


_SPANS = st.lists(
    st.tuples(
        st.integers(0, 30), st.integers(0, 8), st.sampled_from(["naam", "patient", "pseudo_x"])
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SPANS)
def test_overlaps_resolved_as_docdeid_does(engine: PrivacyEngine, spans: list[Any]) -> None:
    from docdeid.annotation import Annotation, AnnotationSet

    text = "Jan de Vries en Anna Bakker-Smit, Kerkweg 12" * 2
    annotations = AnnotationSet(
        Annotation(text=text[s : s + n], start_char=s, end_char=s + n, tag=tag)
        for s, n, tag in spans
    )
    for ours, theirs in (
        (
            engine._processors["post_processing"]["overlap_resolver"],
            engine.deduce.processors["post_processing"]["overlap_resolver"],
        ),
        (
            engine._processors["names"]["person_annotation_converter"],
            engine.deduce.processors["names"]["person_annotation_converter"],
        ),
    ):
        mine = ours.process_annotations(AnnotationSet(annotations), text)
        deduce = theirs.process_annotations(AnnotationSet(annotations), text)
        assert _key(list(mine)) == _key(list(deduce))


def test_context_patterns_grow_names_as_deduce_does(engine: PrivacyEngine) -> None:
    """Each pattern of deduce's context steps (a name grown by an interfix and a surname, an
    initial, a house number) applied by ours and by deduce's own step to the same
    annotations: the same annotations after it."""
    from docdeid.annotation import AnnotationSet

    grown = 0
    for text in [*_set_texts()[::4], "Dhr. J.P. van der Berg en Anna de Vries, Kerkweg 12 a"]:
        document = engine._deduce_document(text)  # deduce's annotations, before conversion
        tokens = document.get_tokens()
        for group, name in (("names", "name_context"), ("locations", "housenumber")):
            ours = engine._processors[group][name]
            theirs = engine.deduce.processors[group][name]
            # what the step sees: the names found before it, in the terms of deduce's tags
            before = AnnotationSet(
                a
                for a in engine.deduce.processors["names"]["first_name_lookup"].annotate(document)
                + engine.deduce.processors["names"]["surname_lookup"].annotate(document)
                + engine.deduce.processors["locations"]["street_lookup"].annotate(document)
            )
            assert tokens is not None
            for pattern in theirs.pattern:
                mine = ours._apply_context_pattern(text, AnnotationSet(before), pattern)
                deduce = theirs._apply_context_pattern(text, AnnotationSet(before), pattern)
                assert _key(list(mine)) == _key(list(deduce)), (name, pattern["name"], text)
                grown += len(set(mine) - before)
    assert grown > 50
