"""Round 15a (speed): deduce's steps made cheaper with the same output. The quick tokenizer
joins merge terms only where one can start and leaves the token index for when it is asked;
the token-pattern steps read their start tokens from the token texts the word-list steps
share. Each must give exactly what deduce's own code gives."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carai.privacy import PrivacyEngine
from carai.privacy.engine import _document_class
from tests.privacy.helpers import tuning_texts as _tuning_texts


def _pattern_steps(engine: PrivacyEngine) -> list[tuple[str, Any, Any]]:
    """(name, our step, deduce's step) for each token-pattern step that has start words."""
    steps = []
    for group_name, group in engine._processors:
        if not hasattr(group, "_processors"):
            continue
        for name, processor in group:
            theirs = engine.deduce.processors[group_name][name]
            if type(theirs).__name__ == "TokenPatternAnnotator" and theirs._start_words:
                steps.append((name, processor, theirs))
    return steps


def _key(annotations: list[Any]) -> list[tuple[Any, ...]]:
    return sorted((a.start_char, a.end_char, a.text, a.tag, a.start_token) for a in annotations)


def _same_pattern_annotations(engine: PrivacyEngine, text: str) -> int:
    document = _document_class()(text, tokenizers=engine._tokenizers)
    found = 0
    for name, ours, theirs in _pattern_steps(engine):
        mine = ours.annotate(document)
        assert _key(mine) == _key(theirs.annotate(document)), (name, text)
        found += len(mine)
    return found


def test_the_pattern_steps_with_start_words_are_quick(engine: PrivacyEngine) -> None:
    names = {name for name, _, _ in _pattern_steps(engine)}
    assert {"prefix_with_initial", "prefix_with_name", "initial_with_name"} <= names
    for _, ours, _ in _pattern_steps(engine):
        assert type(ours).annotate.__name__ == "_quick_pattern_annotate"


def test_pattern_steps_find_what_deduce_finds_on_every_tuning_text(
    engine: PrivacyEngine,
) -> None:
    texts = _tuning_texts()
    assert len(texts) > 400
    assert sum(_same_pattern_annotations(engine, text) for text in texts) > 500


def test_pattern_steps_on_titles_initials_and_particles(engine: PrivacyEngine) -> None:
    text = "Gesprek met dhr. J. vandaag; mw. A.B. van der Berg en Dr. P. de Vries belden."
    assert _same_pattern_annotations(engine, text) >= 3


_WORDS = ["dhr", "Dhr", "mw", ".", "J", "A.B.", "van", "der", "de", "Vries", "Berg", "en", "\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=5), max_size=30))
def test_pattern_steps_on_random_text(engine: PrivacyEngine, words: list[str]) -> None:
    _same_pattern_annotations(engine, " ".join(words))


def test_the_token_index_is_made_when_asked_and_is_docdeids(engine: PrivacyEngine) -> None:
    text = "Mevrouw van der Berg en dhr. ter Horst wonen te Den Haag, Kerkweg 12a."
    ours = engine._tokenizers["default"].tokenize(text)
    theirs = engine.deduce.tokenizers["default"].tokenize(text)
    assert "_token_index" not in vars(ours)
    assert [ours.token_index(token) for token in ours] == list(range(len(theirs)))
    assert [ours.token_index(token) for token in theirs] == [
        theirs.token_index(token) for token in theirs
    ]
    assert ours.get_words() == theirs.get_words()
    assert ours.token_lookup({"Berg", "Horst"}) == theirs.token_lookup({"Berg", "Horst"})


def test_merge_terms_joined_as_deduce_joins_them(engine: PrivacyEngine) -> None:
    ours, theirs = engine._tokenizers["default"], engine.deduce.tokenizers["default"]
    for text in [
        "van der Berg, van de Ven, in de tuin, te Den Haag",
        "van van der der de",
        "",
        "geen termen hier",
        "Van Der",
    ]:
        assert [(t.text, t.start_char) for t in ours.tokenize(text)] == [
            (t.text, t.start_char) for t in theirs.tokenize(text)
        ]


def _resolvers(engine: PrivacyEngine) -> list[Any]:
    return [
        engine.deduce.processors["post_processing"]["overlap_resolver"],
        engine.deduce.processors["names"]["person_annotation_converter"]._overlap_resolver,
    ]


def test_annotations_sorted_as_docdeid_sorts_them(engine: PrivacyEngine) -> None:
    from docdeid.annotation import Annotation, AnnotationSet

    from carai.privacy.engine import _sorted_annotations

    texts = [*_tuning_texts()[::4], "Dhr. P. de Vries woont Kerkweg 12a te Den Haag."]
    compared = 0
    for text in texts:
        document = _document_class()(text, tokenizers=engine._tokenizers)
        for _, group in engine._processors:
            if hasattr(group, "_processors"):
                for name, step in group:
                    if name not in {"overlap_resolver", "merge_adjacent_annotations"}:
                        step.process(document)
        # and a made-up tie: the same place under two tags, one with a priority
        annotations = AnnotationSet(document.annotations)
        annotations.add(Annotation(text=text[:3], start_char=0, end_char=3, tag="x", priority=2))
        annotations.add(Annotation(text=text[:3], start_char=0, end_char=3, tag="persoon"))
        for resolver in _resolvers(engine):
            by, callbacks = resolver._sort_by, resolver._sort_by_callbacks
            assert _sorted_annotations(annotations, by, callbacks) == annotations.sorted(
                by=by, callbacks=callbacks, deterministic=True
            )
            compared += len(annotations)
    assert compared > 1000
