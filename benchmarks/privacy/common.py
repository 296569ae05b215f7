"""Shared by the privacy benchmarks: our engine and deduce alone, on one deduce instance."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from carai.privacy.engine import _DEDUCE_LABELS, _HAS_DIGIT, _POSTCODE_ONLY, PrivacyEngine

Detector = Callable[[str], list[tuple[int, int, str]]]


def load_set(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def loaded_engine() -> tuple[PrivacyEngine, float]:
    """A new engine and the seconds its load took, frozen for the garbage collector as
    get_engine() freezes the one of a web process (and gunicorn before it forks): deduce's
    lists are millions of objects that a full collection would walk mid-check."""
    started = time.perf_counter()
    engine = PrivacyEngine()
    seconds = time.perf_counter() - started
    gc.collect()
    gc.freeze()
    return engine, seconds


def deduce_alone(engine: PrivacyEngine) -> Detector:
    """deduce 3.0.6 as shipped; its tags mapped onto our labels (its "locatie" split into
    postcode / adres / plaats by shape only), with no corrections of ours."""

    def detect(text: str) -> list[tuple[int, int, str]]:
        spans = []
        for annotation in engine.deduce.deidentify(text).annotations:
            label = _DEDUCE_LABELS.get(annotation.tag)
            if label is None:
                continue
            if label == "adres":
                piece = annotation.text
                if _POSTCODE_ONLY.match(piece):
                    label = "postcode"
                elif not _HAS_DIGIT.search(piece):
                    label = "plaats"
            spans.append((annotation.start_char, annotation.end_char, label))
        return spans

    return detect


def ours(engine: PrivacyEngine) -> Detector:
    def detect(text: str) -> list[tuple[int, int, str]]:
        return [(s.start, s.end, s.label) for s in engine.spans(text)]

    return detect
