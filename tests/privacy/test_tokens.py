"""The engine's quick tokenizer (``engine._QuickTokenizer``) gives deduce exactly the tokens
its own tokenizer gives: the same text and offsets, the same neighbours, the same fields,
on every text of every benchmark set and on random text; and deduce's steps then find the
same annotations."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carai.privacy import PrivacyEngine
from carai.privacy.engine import _DEDUCE_SKIPPED, _QuickTokenizer
from tests.privacy.helpers import set_texts


def _tokens(token_list: Any) -> list[tuple[Any, ...]]:
    def start(token: Any) -> int | None:
        return None if token is None else token.start_char

    return [
        (
            token.text,
            token.start_char,
            token.end_char,
            start(token.previous()),
            start(token.next()),
            sorted(vars(token)),
        )
        for token in token_list
    ]


def _same_tokens(engine: PrivacyEngine, text: str) -> None:
    ours, theirs = engine._tokenizers["default"], engine.deduce.tokenizers["default"]
    assert isinstance(ours, _QuickTokenizer)
    quick, plain = ours.tokenize(text), theirs.tokenize(text)
    assert _tokens(quick) == _tokens(plain)
    assert list(quick) == list(plain)


def test_the_same_tokens_on_every_set(engine: PrivacyEngine) -> None:
    texts = set_texts(held_out=True)
    assert len(texts) > 500
    for text in texts:
        _same_tokens(engine, text)


def test_the_same_deduce_annotations(engine: PrivacyEngine) -> None:
    for text in set_texts(held_out=True)[:200]:
        ours = engine._deduce_document(text).annotations
        theirs = engine.deduce.deidentify(text, disabled=_DEDUCE_SKIPPED).annotations
        assert sorted((a.start_char, a.end_char, a.tag) for a in ours) == sorted(
            (a.start_char, a.end_char, a.tag) for a in theirs
        )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("aAbJn.-,\n\t ée\u0301'()0123456789")) | st.characters(),
        max_size=120,
    )
)
def test_the_same_tokens_on_random_text(engine: PrivacyEngine, text: str) -> None:
    _same_tokens(engine, text)


def test_a_term_deduce_merges_stays_one_token(engine: PrivacyEngine) -> None:
    # deduce joins its merge terms ("van der", "te ...") into one token; a text with
    # particles shows the merged tokens are kept and linked the same way.
    _same_tokens(engine, "Mevrouw van der Berg en dhr. ter Horst woont te Den Haag.")
