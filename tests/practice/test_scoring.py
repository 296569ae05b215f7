"""The pass mark and the edges of both practice scores, on made-up cases."""

from __future__ import annotations

import pytest

from carai.practice.content import AiOutput, Block, CaseData, Identifier, Unit
from carai.practice.scoring import (
    PASS_MARK,
    OutputScore,
    PrivacyScore,
    output_review,
    score_output,
    score_privacy,
)


def _output(problems: int, right: int) -> AiOutput:
    """An answer with ``problems`` wrong units first, then ``right`` right ones."""
    units = [Unit(f"Fout {n}.", "invented", f"Uitleg {n}.") for n in range(problems)]
    units += [Unit(f"Goed {n}.") for n in range(right)]
    return AiOutput(prompt="Vat samen.", answer=[Block(heading="Kop", units=units)])


def test_pass_mark_is_eighty() -> None:
    assert PASS_MARK == 80
    assert OutputScore(score=80).passed
    assert not OutputScore(score=79).passed
    assert PrivacyScore(score=80).passed
    assert not PrivacyScore(score=79).passed


@pytest.mark.parametrize(
    ("problems", "right", "ticked_right", "score", "passed"),
    [
        (4, 2, 1, 80, True),  # all 4 found, 1 false alarm: exactly the pass mark
        (19, 5, 5, 79, False),  # 19 / 24 = 79.2 %
        (39, 10, 10, 79, False),  # 39 / 49 = 79.6 %: rounded down, not up to 80
        (4, 2, 0, 100, True),
        (4, 2, 2, 66, False),
    ],
)
def test_output_score_at_the_pass_mark(
    problems: int, right: int, ticked_right: int, score: int, passed: bool
) -> None:
    output = _output(problems, right)
    ticked = set(range(problems)) | set(range(problems, problems + ticked_right))
    result = score_output(output, ticked)
    assert (result.score, result.passed) == (score, passed)
    assert result.found == list(range(problems))
    assert result.false_alarms == list(range(problems, problems + ticked_right))


def test_output_score_counts_found_missed_and_false_alarms() -> None:
    output = _output(3, 3)
    result = score_output(output, {0, 4})
    assert (result.found, result.missed, result.false_alarms) == ([0], [1, 2], [4])
    assert result.score == 25  # 1 / (3 + 1)
    assert not result.passed
    assert score_output(output, set()).score == 0
    assert score_output(output, {3, 4, 5}).score == 0


def test_a_tick_outside_the_answer_is_refused() -> None:
    with pytest.raises(ValueError, match="not a unit"):
        score_output(_output(2, 2), {4})


def test_the_review_keeps_blocks_units_and_ticks_in_order() -> None:
    output = AiOutput(
        prompt="p",
        answer=[
            Block(heading="A", units=[Unit("Een."), Unit("Twee.", "dose", "Te veel.")]),
            Block(heading="", units=[Unit("Drie.", "", "Klopt.")]),
        ],
    )
    assert output_review(output, {1, 2}) == [
        {
            "heading": "A",
            "units": [
                {"text": "Een.", "problem": "", "explanation": "", "ticked": False},
                {"text": "Twee.", "problem": "dose", "explanation": "Te veel.", "ticked": True},
            ],
        },
        {
            "heading": "",
            "units": [{"text": "Drie.", "problem": "", "explanation": "Klopt.", "ticked": True}],
        },
    ]


def _case(identifiers: int, facts: int) -> CaseData:
    names = [f"Persoon{chr(65 + n)}" for n in range(identifiers)]
    keep = [f"feit nummer {n}" for n in range(facts)]
    return CaseData(
        key="test",
        language="nl",
        title="t",
        branch="vvt",
        setting="",
        situation="s",
        dossier=" ".join(names + keep),
        task="t",
        identifiers=[Identifier(text=name, label="naam") for name in names],
        keep=keep,
        model_answer=" ".join(keep),
    )


@pytest.mark.parametrize(
    ("facts", "kept", "score", "passed"),
    [
        (3, 1, 80, True),  # 70 + 30 * 1/3 = 80: exactly the pass mark
        (10, 3, 79, False),  # 70 + 9 = 79
        (3, 3, 100, True),
        (3, 0, 70, False),
    ],
)
def test_privacy_score_at_the_pass_mark(facts: int, kept: int, score: int, passed: bool) -> None:
    case = _case(identifiers=4, facts=facts)
    result = score_privacy(case, " ".join(case.keep[:kept]))
    assert (result.score, result.passed) == (score, passed)
    assert len(result.over_removed) == facts - kept


def test_privacy_never_passes_with_an_identifier_left() -> None:
    case = _case(identifiers=20, facts=2)
    result = score_privacy(case, " ".join([*case.keep, "PersoonA"]))
    assert result.score == 96  # 70 * 19/20 + 30
    assert [i.text for i in result.missed] == ["PersoonA"]
    assert not result.passed


def test_an_empty_text_does_not_pass() -> None:
    case = _case(identifiers=3, facts=3)
    result = score_privacy(case, "")
    assert (result.score, result.passed) == (70, False)


# Edges found by mutation testing (bin/mutation, docs/testing.md) --------------------------


def test_a_case_without_identifiers_or_facts_scores_without_dividing_by_zero() -> None:
    nothing = _case(identifiers=0, facts=0)
    assert score_privacy(nothing, "wat dan ook").score == 100
    only_facts = _case(identifiers=0, facts=2)
    assert score_privacy(only_facts, "").score == 70  # nothing to remove, both facts lost
    only_names = _case(identifiers=2, facts=0)
    assert score_privacy(only_names, "PersoonA").score == 65  # 70 * 1/2 + 30


def test_the_facts_kept_and_lost_are_named() -> None:
    case = _case(identifiers=1, facts=3)
    result = score_privacy(case, "feit nummer 0 en feit nummer 2")
    assert result.kept == ["feit nummer 0", "feit nummer 2"]
    assert result.over_removed == ["feit nummer 1"]


def test_an_answer_without_problems_left_alone_scores_100() -> None:
    clean = _output(0, 3)
    result = score_output(clean, set())
    assert (result.score, result.passed) == (100, True)
    assert score_output(clean, {1}).score == 0  # a false alarm in a clean answer


def test_the_review_numbers_every_unit_across_blocks() -> None:
    output = AiOutput(
        prompt="p",
        answer=[
            Block(heading="A", units=[Unit("Een."), Unit("Twee.")]),
            Block(heading="B", units=[Unit("Drie."), Unit("Vier.")]),
        ],
    )
    ticks = [u["ticked"] for b in output_review(output, {3}) for u in b["units"]]
    assert ticks == [False, False, False, True]
