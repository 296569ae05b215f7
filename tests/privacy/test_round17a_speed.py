"""Round 17a (speedded): deduce's kept steps made cheaper, with the same tokens and spans.

- ``_QuickTokenizer._pieces`` finds deduce's tokens with one ``split`` of deduce's pattern
  and offsets added up from the lengths of the parts: the same texts and offsets as
  deduce's ``finditer``, on hand-made edge cases, on the tuning sets and on random text.
- ``_longest_term`` walks the trie of deduce's merge terms as docdeid's
  ``longest_matching_prefix`` does.
- The positions of deduce's token patterns, as functions of a token's text, answer as
  deduce's ``_PatternPositionMatcher`` does; a word list is asked on its set directly.
- ``_token_keys`` of a pipeline that only lower-cases, made from the plain keys, equals
  the keys made per token; ``_sorted_annotations`` orders as docdeid's ``sorted`` does,
  and the quick merge of adjacent annotations merges as deduce's own step.
- ``_unlink_tokens`` leaves a document without reference cycles, and
  ``_deduce_candidates`` finds the same candidates as before it unlinked.
"""

from __future__ import annotations

import gc
import random
from typing import Any

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy import engine as engine_module
from carai.privacy.engine import (
    _document_class,
    _longest_term,
    _lookup_test,
    _position_matcher,
    _QuickTokenizer,
    _sorted_annotations,
    _token_keys,
    _unlink_tokens,
)
from tests.privacy.helpers import tuning_texts as _tuning_texts
from tests.privacy.test_quick_lookups import _token_pattern_steps


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
    texts = _tuning_texts(60)
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


# -- the positions of deduce's token patterns, as functions of the token's text ------------

_WORDS = [
    "",
    "Jan",
    "jan",
    "JAN",
    "J",
    "JP",
    "ABCDE",
    "van",
    "Van",
    "der",
    "de",
    "Dhr",
    "dhr",
    "Mw",
    "12",
    "12a",
    "Jan2",
    "Jan\u00b2",
    "Ab",
    "Straße",
    "STRASSE",
    "\u0130stanbul",
    "\u01c4emal",
    "\u01c5emal",
    "Zorg",
    "ziekenhuis",
    ".",
    "-",
    "Ééntje",
]


def _deduce_positions(engine: PrivacyEngine) -> list[dict[str, Any]]:
    """Every position of every token pattern of deduce's (and their parts), and a few more."""
    positions: list[dict[str, Any]] = [
        {"equal": "van"},
        {"re_match": "[A-Z]"},
        {"is_initials": False},
        {"like_name": False},
        {"or": [{"lookup": "prefix"}, {"equal": "Jan"}, {"is_initials": True}]},
        {"and": [{"like_name": True}]},
        {
            "and": [
                {"lookup": "interfix"},
                {"like_name": True},
                {"neg_lookup": "prefix"},
                {"neg_lookup": "whitelist"},
            ]
        },
    ]

    def walk(position: dict[str, Any]) -> None:
        positions.append(position)
        for kind, value in position.items():
            if kind in ("and", "or"):
                for part in value:
                    walk(part)

    for _, step, _ in _token_pattern_steps(engine):
        patterns = (
            [p["pattern"] for p in step.pattern] if hasattr(step, "iterative") else [step.pattern]
        )
        for pattern in patterns:
            for position in pattern:
                walk(position)
    return positions


def test_positions_answer_as_deduce_does(engine: PrivacyEngine) -> None:
    from deduce.annotator import _PatternPositionMatcher
    from docdeid.tokenizer import Token

    ds = engine.deduce.lookup_structs
    words = _WORDS + [w for text in _tuning_texts(5) for w in text.split()]
    positions = _deduce_positions(engine)
    assert len(positions) > 20
    for position in positions:
        matches = _position_matcher(position, ds)
        for word in words:
            token = Token(text=word, start_char=0, end_char=len(word))
            expected = _PatternPositionMatcher.match(position, token=token, ds=ds)
            assert matches(word) is expected, (position, word)


def test_lookups_answer_as_deduce_does(engine: PrivacyEngine) -> None:
    from docdeid.ds.lookup import LookupSet
    from docdeid.str.processor import LowercaseString, StripString

    ds = engine.deduce.lookup_structs
    kinds = [
        ds[name] for name in ("prefix", "initial", "interfix", "whitelist", "interfix_surname")
    ]
    twice = LookupSet(matching_pipeline=[LowercaseString(), LowercaseString()])
    twice.add_items_from_iterable(["strasse", "jan", "ǆemal"])
    stripped = LookupSet(matching_pipeline=[StripString()])
    stripped.add_items_from_iterable(["jan"])
    empty = LookupSet(matching_pipeline=[])
    empty.add_items_from_iterable(["Jan"])
    assert [type(m) for m in ds["whitelist"].matching_pipeline] == [LowercaseString]
    for lookup in [*kinds, twice, stripped, empty]:
        contains = _lookup_test(lookup)
        for word in [*_WORDS, " jan ", "Straße", "STRASSE"]:
            assert contains(word) is (word in lookup), (lookup, word)
    # a list cleared and filled again after the test was made: the test sees the new items
    for pipeline in ([], [LowercaseString()]):
        renewed = LookupSet(matching_pipeline=pipeline)
        renewed.add_items_from_iterable(["jan"])
        contains = _lookup_test(renewed)
        renewed.clear_items()
        renewed.add_items_from_iterable(["piet"])
        assert not contains("jan")
        assert contains("piet")


def test_merge_terms_walk_as_docdeid_does(engine: PrivacyEngine) -> None:
    from docdeid.ds.lookup import LookupTrie

    trie = _quick(engine)._tokenizer._trie
    assert type(trie) is LookupTrie
    assert trie.matching_pipeline is None
    for text in [*_tuning_texts(10), "mevrouw van der Berg, Dhr. de la Fuente te Den Haag"]:
        words, _, _ = _quick(engine)._pieces(text)
        for i in range(len(words)):
            prefix = trie.longest_matching_prefix(words, start_i=i)
            assert _longest_term(trie, words, i) == (0 if prefix is None else len(prefix))


# -- the keys of a lower-casing pipeline, and the sort keys of the overlap steps -----------


def test_casefolded_keys_as_per_token(engine: PrivacyEngine) -> None:
    from docdeid.str.processor import LowercaseString

    texts = [*_tuning_texts(10), "Zorg zorg ZORG Straße STRASSE straße \u0130stanbul \u01c4 \u01c5"]
    for times in (1, 2):
        pipeline = [LowercaseString()] * times
        for text in texts:
            tokens = _document_class()(text, tokenizers=engine._tokenizers).get_tokens()
            keys, words, where = _token_keys(tokens, str(pipeline), pipeline)
            expected = [token.text for token in tokens]
            for _ in range(times):
                expected = [key.casefold() for key in expected]
            assert keys == expected
            assert words == set(expected)
            assert {word: sorted(at) for word, at in where.items()} == {
                word: [i for i, key in enumerate(expected) if key == word] for word in words
            }


def test_sorted_annotations_as_docdeid_sorts(engine: PrivacyEngine) -> None:
    from docdeid.annotation import Annotation, AnnotationSet

    resolvers = [
        engine.deduce.processors["post_processing"]["overlap_resolver"],
        engine.deduce.processors["names"]["person_annotation_converter"]._overlap_resolver,
    ]
    checked = 0
    for text in _tuning_texts(10):
        document = engine._deduce_document(text)
        annotations = AnnotationSet(document.annotations)
        annotations.add(Annotation(text=text[:1], start_char=0, end_char=1, tag="x", priority=3))
        for resolver in resolvers:
            by, callbacks = resolver._sort_by, resolver._sort_by_callbacks
            expected = annotations.sorted(by=by, callbacks=callbacks, deterministic=True)
            assert _sorted_annotations(annotations, by, callbacks) == expected
            checked += len(expected)
    assert checked > 500


def test_adjacent_annotations_merged_as_deduce_merges(engine: PrivacyEngine) -> None:
    from docdeid.annotation import Annotation, AnnotationSet

    ours = engine._processors["post_processing"]["merge_adjacent_annotations"]
    theirs = engine.deduce.processors["post_processing"]["merge_adjacent_annotations"]
    assert type(ours).__name__ == "QuickDeduceMergeAdjacentAnnotations"

    def key(annotations: Any) -> list[tuple[Any, ...]]:
        return sorted((a.start_char, a.end_char, a.tag, a.text, a.priority) for a in annotations)

    rng = random.Random(17)
    text = "Jan  de Vries-Bakker, en Anna - Smit\tte Den Haag. Piet\nKlaas . - Els" * 3
    for _ in range(3000):
        spans: list[Any] = []
        at = 0
        while len(spans) < 10:
            at += rng.randint(0, 4)
            length = rng.randint(1, 6)
            if at + length > len(text):
                break
            tag = rng.choice(["persoon", "patient", "locatie"])
            piece = text[at : at + length]
            spans.append(Annotation(text=piece, start_char=at, end_char=at + length, tag=tag))
            at += length
        if spans:
            mine = ours.process_annotations(AnnotationSet(spans), text)
            deduce = theirs.process_annotations(AnnotationSet(spans), text)
            assert key(mine) == key(deduce)
