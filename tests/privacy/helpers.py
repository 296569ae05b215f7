"""Small helpers the privacy engine's tests share."""

from __future__ import annotations

from carai.privacy import PrivacyEngine


def labelled(engine: PrivacyEngine, text: str, label: str) -> list[str]:
    """The texts of the spans the engine gives this label."""
    return [s.text for s in engine.analyse(text).spans if s.label == label]
