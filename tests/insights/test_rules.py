"""The pure rules of insights: the maturity model file, scoring, statistics, anonymity."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from carai.insights import anonymity, stats
from carai.insights.content import MODEL_FILE, ModelError, parse_model, shipped_model
from carai.insights.maturity import answerer_level, lower_median, score_round

# The shipped model ------------------------------------------------------------------------


def test_shipped_model_has_six_dimensions_three_stages_both_languages() -> None:
    model = shipped_model()
    assert model.stage_keys == ("learn", "innovate", "operationalise")
    assert [d.key for d in model.dimensions] == [
        "strategy",
        "people",
        "data",
        "technology",
        "governance",
        "adoption",
    ]
    assert len(model.statements) == 18
    for statement in model.statements:
        assert statement.text["nl"]
        assert statement.text["en"]
    assert all(d.sources for d in model.dimensions)


def _raw() -> dict[str, Any]:
    return yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))


def test_a_missing_language_refuses_the_model() -> None:
    raw = copy.deepcopy(_raw())
    del raw["dimensions"][0]["statements"]["learn"]["en"]
    with pytest.raises(ModelError, match="strategy, learn: the 'en' text is missing"):
        parse_model(raw)


def test_a_missing_stage_statement_refuses_the_model() -> None:
    raw = copy.deepcopy(_raw())
    del raw["dimensions"][2]["statements"]["innovate"]
    with pytest.raises(ModelError, match="one statement per stage"):
        parse_model(raw)


def test_a_dimension_without_sources_is_refused() -> None:
    raw = copy.deepcopy(_raw())
    raw["dimensions"][1]["sources"] = []
    with pytest.raises(ModelError, match="at least one source"):
        parse_model(raw)


def test_a_source_in_one_language_only_is_refused() -> None:
    raw = copy.deepcopy(_raw())
    raw["dimensions"][0]["sources"] = ["Only in English."]
    with pytest.raises(ModelError, match="strategy: give each source in every language"):
        parse_model(raw)
    raw = copy.deepcopy(_raw())
    raw["dimensions"][1]["sources"] = [{"en": "Only in English."}]
    with pytest.raises(ModelError, match="people, source: the 'nl' text is missing"):
        parse_model(raw)


def test_every_advice_link_resolves(db: None) -> None:
    from django.urls import reverse

    for dimension in shipped_model().dimensions:
        for link in dimension.links:
            kwargs = {"slug": "zorg-a"} if link.needs_slug else {}
            assert reverse(link.url, kwargs=kwargs).startswith("/")


# Scoring ----------------------------------------------------------------------------------


def test_answerer_level_counts_stages_reached_in_order() -> None:
    assert answerer_level([1, 4, 4]) == 0  # innovating without learning does not count
    assert answerer_level([3, 2, 4]) == 1
    assert answerer_level([4, 3, 2]) == 2
    assert answerer_level([3, 3, 3]) == 3
    assert answerer_level([None, 4, 4]) == 0


def test_lower_median() -> None:
    assert lower_median([3, 0, 1]) == 1
    assert lower_median([0, 3, 2, 1]) == 1  # even: the lower middle value
    assert lower_median([2]) == 2


def _answers(per_dimension: dict[str, list[tuple[int, int, int]]]) -> list[dict[str, int]]:
    """Per dimension a triple of ratings per answerer; other dimensions rated 1."""
    model = shipped_model()
    people = len(next(iter(per_dimension.values())))
    answers: list[dict[str, int]] = [{s.key: 1 for s in model.statements} for _ in range(people)]
    for key, triples in per_dimension.items():
        for answer, triple in zip(answers, triples, strict=True):
            for stage, rating in zip(model.stage_keys, triple, strict=True):
                answer[f"{key}.{stage}"] = rating
    return answers


def test_score_round_level_spread_and_disagreement() -> None:
    answers = _answers({"people": [(4, 3, 1), (3, 3, 2), (3, 1, 1)]})
    results = score_round(shipped_model(), answers)
    assert results is not None
    people = next(r for r in results if r.key == "people")
    # Levels 2, 2, 1: the middle value is 2, the spread 1 to 2.
    assert (people.level, people.lowest, people.highest) == (2, 1, 2)
    assert people.mean_ratings == (3.33, 2.33, 1.33)
    # innovate: 3, 3, 1 differ by 2; learn (4, 3, 3) and operationalise (1, 2, 1) do not.
    assert people.disagreements == ("people.innovate",)
    strategy = next(r for r in results if r.key == "strategy")
    assert (strategy.level, strategy.lowest, strategy.highest) == (0, 0, 0)


def test_score_round_needs_three_answerers() -> None:
    answers = _answers({"people": [(4, 4, 4), (4, 4, 4)]})
    assert score_round(shipped_model(), answers) is None


# Statistics: the worked example in docs/insights.md ---------------------------------------


def test_paired_change_matches_the_worked_example() -> None:
    change = stats.paired_change([(2, 3), (3, 5), (4, 4), (2, 4), (3, 4)])
    # Changes 1, 2, 0, 2, 1: mean 1.2; squared deviations sum to 2.8, so the variance is
    # 2.8 / 4 = 0.7 and the standard deviation 0.83666; the standard error 0.83666 / sqrt(5)
    # = 0.374166; t(0.975, 4) = 2.776, so the half width is 1.03868.
    assert change.n == 5
    assert change.mean_pre == pytest.approx(2.8)
    assert change.mean_post == pytest.approx(4.0)
    assert change.mean_change == pytest.approx(1.2)
    assert change.sd_change == pytest.approx(0.83666, abs=1e-5)
    assert change.ci_low == pytest.approx(0.16132, abs=1e-4)
    assert change.ci_high == pytest.approx(2.23868, abs=1e-4)
    assert change.dz == pytest.approx(1.43427, abs=1e-4)
    assert stats.effect_size_band(change.dz) == "large"


def test_paired_change_without_spread_has_no_effect_size() -> None:
    change = stats.paired_change([(1, 2), (2, 3), (3, 4)])
    assert change.mean_change == 1
    assert change.ci_low == change.ci_high == 1
    assert change.dz is None
    assert stats.effect_size_band(None) == "none"


def test_paired_change_needs_two_pairs() -> None:
    with pytest.raises(ValueError, match=r"^At least two pairs are needed\.$"):
        stats.paired_change([(1, 2)])


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.706), (4, 2.776), (30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980)],
)
def test_t_quantile(df: int, expected: float) -> None:
    assert stats.t_975(df) == pytest.approx(expected, abs=0.001)


def test_effect_size_bands() -> None:
    assert [stats.effect_size_band(x) for x in (0.1, -0.3, 0.6, 0.8)] == [
        "none",
        "small",
        "medium",
        "large",
    ]


def test_distribution_counts_every_option() -> None:
    assert stats.distribution([1, 3, 3, 9], [1, 2, 3]) == [(1, 1), (2, 0), (3, 2)]


# Anonymity --------------------------------------------------------------------------------


def _people(*names: str) -> frozenset[str]:
    return frozenset(names)


def test_threshold_hides_groups_below_five() -> None:
    groups = {"all": _people(*"abcde"), "nurses": _people(*"abcd")}
    assert anonymity.visible_groups(groups) == {"all"}


def test_differencing_hides_a_filter_that_differs_by_one_person() -> None:
    groups = {"all": _people(*"abcdef"), "not managers": _people(*"abcde")}
    # all minus "not managers" would show what f answered.
    assert anonymity.visible_groups(groups) == {"all"}


def test_differencing_allows_a_difference_of_five_or_more() -> None:
    groups = {"all": _people(*"abcdefghij"), "nurses": _people(*"abcde")}
    assert anonymity.visible_groups(groups) == {"all", "nurses"}


def test_the_same_people_under_two_filters_is_no_risk() -> None:
    groups = {"all": _people(*"abcde"), "this month": _people(*"abcde")}
    assert anonymity.visible_groups(groups) == {"all", "this month"}


def test_differencing_is_checked_between_filter_choices_too() -> None:
    groups = {
        "all": _people(*"abcdefghijklmnop"),
        "region north": _people(*"abcdefghij"),
        "north, nurses": _people(*"abcdefghi"),  # one less than region north
    }
    assert anonymity.visible_groups(groups) == {"all", "region north"}


def test_exactly_five_is_big_enough_and_four_is_not() -> None:
    assert anonymity.big_enough(5)
    assert not anonymity.big_enough(4)


def test_a_hidden_group_does_not_hide_others() -> None:
    # b differs from a by one person, so b is hidden. c differs from a by five (safe) and
    # from b by four: but b is not shown, so nothing can be subtracted from it.
    a = _people(*"abcdefghijklmnop")  # 16
    groups = {"a": a, "b": a - {"p"}, "c": a - set("lmnop")}
    assert anonymity.visible_groups(groups) == {"a", "c"}


def test_a_wider_group_is_never_hidden_for_a_narrower_one() -> None:
    groups = {"a narrow": _people(*"abcde"), "b wide": _people(*"abcdefg")}
    assert anonymity.visible_groups(groups) == {"b wide"}


def test_groups_that_overlap_without_one_holding_the_other_are_both_shown() -> None:
    groups = {"day": _people(*"abcdef"), "night": _people(*"bcdefg")}
    assert anonymity.visible_groups(groups) == {"day", "night"}


def test_nothing_is_shown_of_no_groups_or_only_small_ones() -> None:
    assert anonymity.visible_groups({}) == set()
    assert anonymity.visible_groups({"few": _people(*"abcd")}) == set()


def test_a_hidden_group_is_skipped_not_the_end_of_the_check() -> None:
    a = _people(*"abcdefghijklmnop")
    c = _people(*"qrstuvwx")
    groups = {"a": a, "b": a - {"p"}, "c": c, "d": c - {"x"}}
    assert anonymity.visible_groups(groups) == {"a", "c"}


@settings(deadline=None)
@given(
    st.dictionaries(
        st.sampled_from("abcdefgh"),
        st.frozensets(st.integers(0, 12), max_size=13),
        max_size=6,
    )
)
def test_what_is_shown_keeps_both_rules_and_hides_only_what_it_must(
    groups: dict[str, frozenset[int]],
) -> None:
    shown = anonymity.visible_groups(groups)
    assert all(len(groups[name]) >= 5 for name in shown)
    for wide in shown:
        for narrow in shown - {wide}:
            a, b = groups[wide], groups[narrow]
            assert not (b < a and len(a - b) < 5), (wide, narrow)
    # Every big group that is hidden sits, a few people short, inside a wider big group.
    for name, members in groups.items():
        if len(members) >= 5 and name not in shown:
            assert any(
                members < other and len(other - members) < 5
                for other in groups.values()
                if len(other) >= 5
            )


# Statistics: edges -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("df", "expected"),
    # t(0.975, df) to six decimals (standard tables): the table ends at 30, the expansion
    # takes over at 31.
    [(30, 2.042), (31, 2.039513), (40, 2.021075), (60, 2.000298), (120, 1.979930)],
)
def test_t_quantile_to_six_decimals(df: int, expected: float) -> None:
    assert stats.t_975(df) == pytest.approx(expected, abs=2e-6)


def test_the_expansion_keeps_its_fourth_term() -> None:
    # t(0.975, 31) = 2.0395134; without the 1/df^4 term the expansion gives 2.0395117.
    assert stats.t_975(31) == pytest.approx(2.0395134, abs=5e-7)


def test_t_quantile_table_is_read_at_its_own_place() -> None:
    assert [stats.t_975(df) for df in (1, 2, 3, 29, 30)] == [12.706, 4.303, 3.182, 2.045, 2.042]


def test_t_quantile_needs_a_degree_of_freedom() -> None:
    with pytest.raises(ValueError, match=r"^At least one degree of freedom is needed\.$"):
        stats.t_975(0)


def test_two_pairs_are_enough() -> None:
    change = stats.paired_change([(1, 2), (1, 4)])
    # Changes 1 and 3: mean 2, sd sqrt(2), half width 12.706 * sqrt(2) / sqrt(2).
    assert change.n == 2
    assert change.mean_change == pytest.approx(2)
    assert change.sd_change == pytest.approx(2**0.5)
    assert change.ci_low == pytest.approx(2 - 12.706)
    assert change.ci_high == pytest.approx(2 + 12.706)
    assert change.dz == pytest.approx(2 / 2**0.5)


def test_a_small_spread_still_gives_an_effect_size() -> None:
    change = stats.paired_change([(1, 1.1), (1, 1.3)])
    assert change.sd_change == pytest.approx(0.141421, abs=1e-6)
    assert change.dz == pytest.approx(0.2 / 0.141421, abs=1e-4)


def test_mean_and_sample_sd() -> None:
    assert stats.mean([1, 2, 6]) == 3
    assert stats.sample_sd([1, 2, 6]) == pytest.approx(7**0.5)  # 14 / (3 - 1)


def test_effect_size_band_edges() -> None:
    bands = [stats.effect_size_band(x) for x in (0.19, 0.2, 0.49, 0.5, 0.79, 0.8, -0.8)]
    assert bands == ["none", "small", "small", "medium", "medium", "large", "large"]


def test_distribution_ignores_values_that_are_no_option_and_counts_repeats() -> None:
    assert stats.distribution(["b", "x", "b", "b"], ["a", "b"]) == [("a", 0), ("b", 3)]
