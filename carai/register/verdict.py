"""The "Mag dit?" rules: may this kind of data go into this AI tool? Pure Python, no Django.

The web layer turns a tool of the register into a :class:`ToolRules`, finds the data
categories of a text with the privacy engine (:func:`categories_from_text`), and asks
:func:`decide`. Reasons come back as codes; the web layer words them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ALLOWED = "allowed"
CONDITIONS = "allowed_with_conditions"
NOT_ALLOWED = "not_allowed"
UNDER_REVIEW = "under_review"
NOT_ASSESSED = "not_assessed"

PUBLIC = "public"
INTERNAL = "internal"
STAFF_PERSONAL = "staff_personal"
CLIENT_PERSONAL = "client_personal"
HEALTH = "health"
PSEUDONYMISED = "pseudonymised"
BSN = "bsn"
PERSONAL = frozenset({STAFF_PERSONAL, CLIENT_PERSONAL, HEALTH, BSN})

# Privacy-engine labels that say something about a person. A care organisation's name or a
# web address alone does not.
PERSONAL_LABELS = frozenset(
    {
        "naam", "datum", "leeftijd", "adres", "postcode", "plaats", "bsn", "telefoon",
        "email", "nummer", "iban", "agb", "kenteken",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Rule:
    permission: str  # ALLOWED, CONDITIONS or NOT_ALLOWED
    conditions: str = ""


@dataclass(frozen=True)
class ToolRules:
    status: str  # ALLOWED, CONDITIONS, UNDER_REVIEW or NOT_ALLOWED
    may_use: bool  # the person's role is among those allowed
    rules: Mapping[str, Rule]
    tool_conditions: str = ""  # what "allowed with conditions" means for the whole tool
    # Modules the tool requires that the person has not finished yet (their titles).
    missing_modules: tuple[str, ...] = ()


@dataclass
class Decision:
    outcome: str  # ALLOWED, CONDITIONS, NOT_ALLOWED or NOT_ASSESSED
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (code, category or "")
    conditions: list[tuple[str, str]] = field(default_factory=list)  # (category or "", text)


def categories_from_text(
    labels: Iterable[str], *, health_terms: bool, about_staff: bool = False
) -> set[str]:
    """The data categories a text holds, from the privacy engine's labels."""
    found = set(labels)
    categories: set[str] = set()
    if BSN in found:
        categories.add(BSN)
    if found & PERSONAL_LABELS:
        categories.add(STAFF_PERSONAL if about_staff else CLIENT_PERSONAL)
        if health_terms:
            categories.add(HEALTH)
    elif health_terms and not about_staff:
        categories.add(PSEUDONYMISED)  # about a client, but nothing that says who
    else:
        categories.add(INTERNAL)
    return categories


def decide(tool: ToolRules | None, categories: Iterable[str]) -> Decision:
    """Whether data of ``categories`` may go into ``tool``; the strictest rule wins."""
    if tool is None:
        return Decision(NOT_ASSESSED, [("not_in_register", "")])
    decision = Decision(ALLOWED)
    if tool.status == NOT_ALLOWED:
        decision.outcome = NOT_ALLOWED
        decision.reasons.append(("tool_not_allowed", ""))
    elif tool.status == UNDER_REVIEW:
        decision.outcome = NOT_ALLOWED
        decision.reasons.append(("tool_under_review", ""))
    if not tool.may_use:
        decision.outcome = NOT_ALLOWED
        decision.reasons.append(("role_not_allowed", ""))
    elif tool.missing_modules:
        decision.outcome = NOT_ALLOWED
        decision.reasons.extend(("module_missing", title) for title in tool.missing_modules)
    if tool.status == CONDITIONS:
        decision.conditions.append(("", tool.tool_conditions))
    for category in sorted(set(categories)):
        rule = tool.rules.get(category)
        if rule is None:
            decision.outcome = NOT_ALLOWED
            decision.reasons.append(("category_not_assessed", category))
        elif rule.permission == NOT_ALLOWED:
            decision.outcome = NOT_ALLOWED
            decision.reasons.append(("category_not_allowed", category))
        elif rule.permission == CONDITIONS:
            decision.conditions.append((category, rule.conditions))
        else:
            decision.reasons.append(("category_allowed", category))
    if decision.outcome == ALLOWED and decision.conditions:
        decision.outcome = CONDITIONS
    return decision


def without_identifiers(categories: Iterable[str]) -> set[str]:
    """The categories left after pseudonymising: client data without who it is about."""
    found = set(categories)
    left = found - PERSONAL
    if found & {CLIENT_PERSONAL, HEALTH, BSN}:
        left.add(PSEUDONYMISED)
    elif STAFF_PERSONAL in found:
        left.add(INTERNAL)
    return left


USABLE_OUTCOMES = frozenset({ALLOWED, CONDITIONS})


@dataclass
class Check:
    """The answer to "Mag dit?" for one tool and one set of data categories."""

    decision: Decision
    # Whether removing who it is about (the pseudonymised copy) would make it allowed.
    pseudonymise_helps: bool
    # Positions in ``others`` of the tools that may take this data instead.
    alternatives: list[int]


def check(tool: ToolRules | None, categories: Iterable[str], others: Sequence[ToolRules]) -> Check:
    """May data of ``categories`` go into ``tool``? If not, would the pseudonymised text be
    allowed, and which of the ``others`` (the register's other tools) would take it?"""
    found = set(categories)
    decision = decide(tool, found)
    pseudonymise_helps = (
        tool is not None
        and decision.outcome == NOT_ALLOWED
        and bool(found & PERSONAL)
        and decide(tool, without_identifiers(found)).outcome in USABLE_OUTCOMES
    )
    alternatives = []
    if decision.outcome in (NOT_ALLOWED, NOT_ASSESSED):
        alternatives = [
            index
            for index, other in enumerate(others)
            if decide(other, found).outcome in USABLE_OUTCOMES
        ]
    return Check(decision, pseudonymise_helps, alternatives)
