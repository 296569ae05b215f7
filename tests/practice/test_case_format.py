"""The case reader refuses a broken AI answer and says where and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from carai.practice.content import PROBLEM_KINDS, CaseError, mentions, read_case
from carai.practice.models import ProblemKind

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "cases"
CASE_FILE = FIXTURE / "fictieve-testcasus" / "nl" / "case.yaml"
GOOD_UNIT = '          - "Zij gebruikt metformine 500 mg 2dd."\n'
BIAS_EXPLANATION = (
    '            explanation: "Dit oordeel staat niet in het dossier en is niet respectvol."\n'
)


def _read_changed(tmp_path: Path, old: str, new: str) -> None:
    folder = tmp_path / "cases" / "fictieve-testcasus" / "nl"
    folder.mkdir(parents=True)
    source = CASE_FILE.read_text(encoding="utf-8")
    assert old in source
    (folder / "case.yaml").write_text(source.replace(old, new, 1), encoding="utf-8")
    read_case(folder / "case.yaml")


def test_the_fixture_reads(tmp_path: Path) -> None:
    case = read_case(CASE_FILE)
    (output,) = case.ai_outputs
    assert [u.text for u in output.units][1] == "Zij gebruikt metformine 500 mg 2dd."
    assert output.problem_numbers == [0, 3]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # a typo in a key must not silently turn a wrong unit into a right one
        ("problem: bias", "problm: bias", r"block 1, unit 4: unknown key\(s\) problm"),
        ("problem: bias", "problem: vooroordeel", "problem 'vooroordeel' is unknown"),
        ("problem: bias", "problem:", "problem 'None' is unknown"),
        (BIAS_EXPLANATION, "", "a unit with a problem needs an explanation"),
        (GOOD_UNIT, '          - ""\n', "unit 2: the unit is empty"),
        (GOOD_UNIT, '          - "   "\n', "unit 2: the unit is empty"),
        (GOOD_UNIT, '          - "Twee\\nregels."\n', "runs over more than one line"),
        (GOOD_UNIT, GOOD_UNIT * 2, "occurs twice in this block"),
        (GOOD_UNIT, "          - 42\n", "a unit is a text"),
        (
            '      - heading: "Overdracht"\n        units:',
            "      - units: []\n      - units:",
            "the block is empty",
        ),
        ("    answer:\n", "    antwoord:\n", r"unknown key\(s\) antwoord"),
        (
            "    answer:\n",
            '    text: "Zij is een lastige oudere dame."\n    problems: []\n    answer:\n',
            "this is the old format",
        ),
        ("problem: bias", "problem: bias\n            problem: dose", "'problem' is written twice"),
        ("            problem: invented\n", "", None),  # one problem left: fine
        (
            "Zij gebruikt metformine 500 mg 2dd.",
            "Dochter Anouk geeft metformine 500 mg 2dd.",
            "'Anouk' identifies the client",
        ),
        ('  - prompt: "Vat samen voor de overdracht."', '  - prompt: ""', "the prompt is empty"),
    ],
)
def test_broken_answers_are_refused_with_the_place_and_reason(
    tmp_path: Path, old: str, new: str, message: str | None
) -> None:
    if message is None:
        _read_changed(tmp_path, old, new)
        return
    with pytest.raises(CaseError, match=message) as error:
        _read_changed(tmp_path, old, new)
    assert "case.yaml" in str(error.value)


def test_an_answer_without_any_problem_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "cases" / "fictieve-testcasus" / "nl"
    folder.mkdir(parents=True)
    source = CASE_FILE.read_text(encoding="utf-8")
    source = source.replace("            problem: invented\n", "").replace(
        "            problem: bias\n", ""
    )
    (folder / "case.yaml").write_text(source, encoding="utf-8")
    with pytest.raises(CaseError, match="AI answer 1: plant at least one problem"):
        read_case(folder / "case.yaml")


def test_the_problem_kinds_have_names_for_learners() -> None:
    assert set(ProblemKind.values) == PROBLEM_KINDS


@pytest.mark.parametrize(
    ("text", "phrase", "found"),
    [
        ("geen ST-elevatie", "Eva", False),
        ("(Eva, SEH-verpleegkundige)", "Eva", True),
        ("Visser's dochter", "Visser", True),
        ("VISSER belde", "visser", True),
        ("Bel 06-12345678.", "06-12345678", True),
        ("Bel 06-123456789.", "06-12345678", False),
        (
            "Sensormat stond\n uit; stekker lag los. Dhr.",
            "Sensormat stond uit; stekker lag los.",
            True,
        ),
        ("anything", "", False),
    ],
)
def test_mentions_looks_for_whole_words(text: str, phrase: str, found: bool) -> None:
    assert mentions(text, phrase) is found
