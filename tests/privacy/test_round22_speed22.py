"""Round 22 (speed22): faster steps of ``PrivacyEngine.spans()`` with the same output.

All sentences here are made up (fictional people, places and numbers).
"""

from __future__ import annotations

import re

from carai.privacy import patterns
from tests.privacy.helpers import tuning_texts

# ROLE_NAME as it was before round 22: the plain pattern, scanned over the whole text.
_GATE = "(?=(?i:[a-z]))(?:"
_ROLE_NAME_PLAIN = re.compile(
    patterns.ROLE_NAME.plain.pattern.removeprefix(_GATE).removesuffix(")"),
    patterns.ROLE_NAME.flags,
)

ROLE_TEXTS = [
    "",
    "dochter Marleen belde, zoon Pieter niet; begeleider Rutger",
    "Cliënt R. (15) en cl. de Wit, pt Jansen, mw. van der Berg, dhr.Kok",
    "DOCHTER MARLEEN; Dochter marleen; dochterMarleen; oud-dochter Anna",
    "\u0130 \u0131 \u017fo Jan \u212aapper Henk: \u017fchoonzoon Bram",  # the case traps
    "coördinator Sanne, zorgcoördinator Fleur, diëtist Lotte, consultatie co Bas",
    "so Anouk (arts), sodium, cl-test, Mw Ali, mwJan",
]


def test_role_name_is_found_from_its_leads() -> None:
    scan = patterns.ROLE_NAME
    assert isinstance(scan, patterns.Gated)
    assert scan.lead_limit > patterns._MAX_PIECES
    assert scan.leads is not None
    assert len(scan.leads) > patterns._MAX_PIECES
    assert scan.plain.pattern.startswith(_GATE)
    assert scan._lead_set <= patterns._TRIGGERS._pieces


def test_role_name_matches_as_the_plain_pattern() -> None:
    for text in [*ROLE_TEXTS, *tuning_texts()]:
        want = [(m.span(), m.groups()) for m in _ROLE_NAME_PLAIN.finditer(text)]
        assert [(m.span(), m.groups()) for m in patterns.ROLE_NAME.finditer(text)] == want, text
