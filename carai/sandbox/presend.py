"""The check before a prompt leaves CARAI. Pure Python: no Django.

In the sandbox the fictional case's own identifiers may go to the model (they are made up),
but anything the privacy engine finds that is *not* in the case (someone pasting a real note,
a real-looking BSN) blocks sending. The engine's spans come in; what blocks comes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The engine's labels that say something about a person (a care organisation's name or a web
# address alone does not); the same set as "Mag dit?" uses.
PERSONAL_LABELS = frozenset(
    {
        "naam", "datum", "leeftijd", "adres", "postcode", "plaats", "bsn", "telefoon",
        "email", "nummer", "iban", "agb", "kenteken",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Found:
    """What the engine found: the text and its label (a ``carai.privacy.Span`` fits)."""

    text: str
    label: str


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()


def _in_case(text: str, case_texts: Sequence[str]) -> bool:
    wanted = _normal(text)
    if not wanted:
        return True
    pattern = re.escape(wanted)
    if wanted[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if wanted[-1].isalnum():
        pattern += r"(?!\w)"
    return any(re.search(pattern, _normal(case_text)) for case_text in case_texts)


def blocked(found: Iterable[Found], *, case_texts: Sequence[str]) -> list[Found]:
    """What blocks sending: personal data found in the prompt that occurs, as written, in
    none of the case's texts (dossier, situation, task). Each text once, in order."""
    out: list[Found] = []
    seen: set[str] = set()
    for item in found:
        if item.label not in PERSONAL_LABELS or _in_case(item.text, case_texts):
            continue
        if _normal(item.text) not in seen:
            seen.add(_normal(item.text))
            out.append(Found(item.text, item.label))
    return out
