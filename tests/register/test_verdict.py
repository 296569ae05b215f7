"""The whole answer of "Mag dit?" (``verdict.check``) and the exact reasons of ``decide``:
pure Python, so mutation testing (bin/mutation) can run them per mutant in a moment."""

from __future__ import annotations

import pytest

from carai.register import verdict
from carai.register.verdict import Rule, ToolRules

OK = verdict.ALLOWED
COND = verdict.CONDITIONS
NO = verdict.NOT_ALLOWED

# A tool that takes public and pseudonymised data, not who it is about.
CAREFUL = ToolRules(
    status=OK,
    may_use=True,
    rules={"public": Rule(OK), "pseudonymised": Rule(COND, "Controleer"), "bsn": Rule(NO)},
)
# A tool that takes client data (with conditions), as a secure in-house tool might.
SECURE = ToolRules(
    status=OK,
    may_use=True,
    rules={"public": Rule(OK), "client_personal": Rule(COND, "Alleen intern"), "health": Rule(OK)},
)
CLOSED = ToolRules(status=NO, may_use=True, rules=SECURE.rules)
PUBLIC_ONLY = ToolRules(status=OK, may_use=True, rules={"public": Rule(OK)})


def test_pseudonymising_helps_when_the_copy_without_who_would_be_allowed() -> None:
    found = verdict.check(CAREFUL, {"client_personal", "health"}, [PUBLIC_ONLY, CLOSED, SECURE])
    assert found.decision.outcome == NO
    assert found.pseudonymise_helps is True
    assert found.alternatives == [2]  # only the secure tool takes it; closed and public not


def test_an_allowed_answer_offers_no_alternatives_and_no_pseudonymising() -> None:
    found = verdict.check(SECURE, {"client_personal"}, [SECURE, PUBLIC_ONLY])
    assert found.decision.outcome == COND
    assert found.pseudonymise_helps is False
    assert found.alternatives == []
    allowed = verdict.check(PUBLIC_ONLY, {"public"}, [SECURE])
    assert (allowed.decision.outcome, allowed.alternatives) == (OK, [])


def test_pseudonymising_does_not_help_without_personal_data_or_for_a_closed_tool() -> None:
    internal = verdict.check(PUBLIC_ONLY, {"internal"}, [])
    assert internal.decision.outcome == NO
    assert internal.pseudonymise_helps is False  # nothing personal to take out
    closed = verdict.check(CLOSED, {"client_personal"}, [])
    assert closed.pseudonymise_helps is False  # the tool is not allowed at all
    assert verdict.check(None, {"client_personal"}, []).pseudonymise_helps is False


def test_a_tool_outside_the_register_gets_the_alternatives_that_take_the_data() -> None:
    found = verdict.check(None, {"public"}, [CLOSED, PUBLIC_ONLY, CAREFUL])
    assert found.decision.outcome == verdict.NOT_ASSESSED
    assert found.decision.reasons == [("not_in_register", "")]
    assert found.alternatives == [1, 2]


def test_a_bsn_stays_not_allowed_after_pseudonymising_when_the_tool_refuses_it() -> None:
    tool = ToolRules(status=OK, may_use=True, rules={"bsn": Rule(NO)})
    found = verdict.check(tool, {"bsn"}, [])
    assert found.decision.reasons == [("category_not_allowed", "bsn")]
    # Without who it is about the text is "pseudonymised", which this tool never assessed.
    assert found.pseudonymise_helps is False


def test_decide_gives_every_reason_in_order_and_every_missing_module() -> None:
    tool = ToolRules(
        status=verdict.UNDER_REVIEW,
        may_use=True,
        rules={"public": Rule(OK), "internal": Rule(COND, "Eigen omgeving")},
        missing_modules=("Privacy en AI", "De regels"),
    )
    decision = verdict.decide(tool, {"public", "internal", "health"})
    assert decision.outcome == NO
    assert decision.reasons == [
        ("tool_under_review", ""),
        ("module_missing", "Privacy en AI"),
        ("module_missing", "De regels"),
        ("category_not_assessed", "health"),
        ("category_allowed", "public"),
    ]
    assert decision.conditions == [("internal", "Eigen omgeving")]


def test_a_role_that_may_not_use_the_tool_is_the_only_person_reason() -> None:
    tool = ToolRules(status=OK, may_use=False, rules={}, missing_modules=("Privacy en AI",))
    decision = verdict.decide(tool, [])
    assert (decision.outcome, decision.reasons) == (NO, [("role_not_allowed", "")])


def test_tool_conditions_apply_only_to_a_tool_with_conditions() -> None:
    with_conditions = ToolRules(
        status=COND, may_use=True, rules={"public": Rule(OK)}, tool_conditions="Werkaccount"
    )
    assert verdict.decide(with_conditions, {"public"}).conditions == [("", "Werkaccount")]
    assert verdict.decide(with_conditions, {"public"}).outcome == COND
    plain = ToolRules(
        status=OK, may_use=True, rules={"public": Rule(OK)}, tool_conditions="Werkaccount"
    )
    assert verdict.decide(plain, {"public"}).conditions == []
    assert verdict.decide(plain, {"public"}).outcome == OK


@pytest.mark.parametrize(
    ("labels", "health", "staff", "expected"),
    [
        ({"naam"}, True, True, {"staff_personal", "health"}),
        (set(), True, True, {"internal"}),
        ({"bsn"}, False, False, {"bsn", "client_personal"}),
    ],
)
def test_categories_about_staff_and_a_bare_bsn(
    labels: set[str], health: bool, staff: bool, expected: set[str]
) -> None:
    found = verdict.categories_from_text(labels, health_terms=health, about_staff=staff)
    assert found == expected


def test_without_identifiers_keeps_what_is_not_personal() -> None:
    assert verdict.without_identifiers({"public", "internal"}) == {"public", "internal"}
    assert verdict.without_identifiers({"health"}) == {"pseudonymised"}
    assert verdict.without_identifiers({"staff_personal", "bsn"}) == {"pseudonymised"}


def test_a_text_is_about_a_client_unless_said_otherwise() -> None:
    assert verdict.categories_from_text({"naam"}, health_terms=False) == {"client_personal"}


def test_a_closed_tool_names_no_category_in_its_reason() -> None:
    decision = verdict.decide(CLOSED, {"public"})
    assert decision.reasons == [("tool_not_allowed", ""), ("category_allowed", "public")]
