"""The check before sending: the case's own identifiers may go, nothing else personal may.
The property test generates prompts with personal data that is not the case's own."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carai.core.engine import privacy_engine_warm_up
from carai.practice.content import read_case
from carai.sandbox import presend, services
from tests.sandbox.conftest import CASE_FILE

DATA = read_case(CASE_FILE)
FRAGMENTS = [line for line in DATA.dossier.splitlines() if line.strip()]


@pytest.fixture(scope="module", autouse=True)
def _engine_ready() -> None:
    privacy_engine_warm_up(wait=True)


def test_the_rule_itself() -> None:
    found = [
        presend.Found("Visser", "naam"),
        presend.Found("CL-204518", "nummer"),
        presend.Found("123456782", "bsn"),
        presend.Found("Zorgcentrum Elders", "instelling"),  # not about a person
        presend.Found("123456782", "bsn"),
    ]
    assert presend.blocked(found, case_texts=[DATA.dossier]) == [presend.Found("123456782", "bsn")]


def test_the_case_s_own_identifiers_may_be_sent() -> None:
    prompt = "Maak een MIC-melding.\n\n" + DATA.dossier
    assert services.presend_check(data=DATA, prompt=prompt).passed


def test_a_bsn_that_is_not_in_the_case_blocks_sending() -> None:
    check = services.presend_check(
        data=DATA, prompt="Maak een MIC-melding voor dhr. Visser, BSN 123456782."
    )
    assert check.blocked == [presend.Found("123456782", "bsn")]


def _eleven_proof(digits: list[int]) -> str:
    """A nine-digit number that passes the BSN 11-test (made up, belongs to nobody known)."""
    total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
    last = total % 11
    return "".join(map(str, digits)) + str(last) if last < 10 else ""


bsns = (
    st.lists(st.integers(0, 9), min_size=8, max_size=8)
    .map(_eleven_proof)
    .filter(lambda text: len(text) == 9 and text[0] != "0")
)
phones = st.integers(10_000_000, 99_999_999).map(lambda n: f"06-{n}")
emails = st.sampled_from(["j.bakker", "anna.smit", "p.devries", "kees"]).map(
    lambda name: f"{name}@zorgmail.example.nl"
)
ibans = st.just("NL91ABNA0417164300") | st.just("NL20INGB0001234567")
postcodes = st.tuples(st.integers(1000, 9999), st.sampled_from(["AB", "KL", "XZ"])).map(
    lambda t: f"{t[0]} {t[1]}"
)
personal = st.one_of(
    bsns.map(lambda v: f"BSN {v}"),
    phones.map(lambda v: f"bel {v}"),
    emails.map(lambda v: f"mail naar {v}"),
    ibans.map(lambda v: f"rekening {v}"),
    postcodes.map(lambda v: f"woont op postcode {v}"),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.lists(st.sampled_from(FRAGMENTS), max_size=3),
    after=st.lists(st.sampled_from(FRAGMENTS), max_size=3),
    datum=personal,
)
def test_no_prompt_with_personal_data_not_of_the_case_passes(
    before: list[str], after: list[str], datum: str
) -> None:
    prompt = "\n".join(["Maak een MIC-melding van de val.", *before, datum, *after])
    check = services.presend_check(data=DATA, prompt=prompt)
    assert not check.passed, prompt
