"""Differencing attacks: whatever filters a reader combines (role, question, organisation, care
branch, period), no two figures shown — nor one figure minus several others — may single out
1 to 4 people (or organisations)."""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Hashable, Mapping
from typing import Any

from django.utils import timezone

from carai.community.models import Organisation, Role
from carai.insights import anonymity, results
from carai.insights.content import shipped_model
from carai.insights.figures import effect_figures
from carai.insights.models import Survey
from carai.insights.services import maturity as maturity_services
from carai.insights.services import surveys as services
from carai.kpis.figures import KpiFilters
from tests.conftest import World
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

SOON = datetime.date.today() + datetime.timedelta(days=10)
MIN = anonymity.MIN_GROUP


def _people(*names: str) -> frozenset[Hashable]:
    return frozenset(names)


# The pure rule ------------------------------------------------------------------------------


def test_several_groups_together_must_not_leave_a_few_people() -> None:
    groups = {
        "all": _people(*"abcdefghijkl"),  # 12
        "nurses": _people(*"abcde"),
        "managers": _people(*"fghij"),  # all minus both = k and l
    }
    visible = anonymity.visible_groups(groups)
    assert "all" in visible
    assert len(visible) == 2  # one of the two roles is suppressed


def test_several_groups_that_leave_five_or_nobody_are_fine() -> None:
    five_left = {
        "all": _people(*"abcdefghijklmno"),
        "nurses": _people(*"abcde"),
        "managers": _people(*"fghij"),
    }
    assert anonymity.visible_groups(five_left) == set(five_left)
    nobody_left = {"all": _people(*"abcdefghij"), "a": _people(*"abcde"), "b": _people(*"fghij")}
    assert anonymity.visible_groups(nobody_left) == set(nobody_left)


def test_the_smallest_group_of_a_family_is_the_one_suppressed() -> None:
    # 15 people, two groups of 5 and 6 inside: 4 are left, so one group must go, and it is the
    # smaller one (its name sorts last, so the order by size is what decides).
    everyone = frozenset(range(15))
    groups: dict[str, frozenset[Hashable]] = {
        "alle": everyone,
        "b-zorg": frozenset(range(5)),
        "a-staf": frozenset(range(5, 11)),
    }
    assert anonymity.visible_groups(groups) == {"alle", "a-staf"}


def test_overlapping_groups_are_no_family() -> None:
    # Two groups of 6 that share 3 people, inside 15: added up they would seem to leave 3,
    # but together they hold 9 people, so 6 are left and all three may show.
    groups: dict[str, frozenset[Hashable]] = {
        "alle": frozenset(range(15)),
        "dag": frozenset(range(6)),
        "nacht": frozenset(range(3, 9)),
    }
    assert anonymity.visible_groups(groups) == {"alle", "dag", "nacht"}


def test_too_many_groups_inside_one_suppresses_the_smallest() -> None:
    # More than MAX_FAMILY groups inside one: the smallest goes (the families are not tried);
    # exactly MAX_FAMILY that leave nobody out are all shown.
    size = MIN
    count = anonymity.MAX_FAMILY
    people = frozenset(range(size * count))
    inner = {f"g{i:02d}": frozenset(range(i * size, (i + 1) * size)) for i in range(count)}
    assert anonymity.visible_groups({"alle": people, **inner}) == {"alle", *inner}

    bigger = {name: members | {1000 + i} for i, (name, members) in enumerate(inner.items())}
    bigger["g99-small"] = frozenset(range(2000, 2000 + size))
    everyone = frozenset().union(*bigger.values()) | frozenset(range(3000, 3000 + MIN))
    shown = anonymity.visible_groups({"alle": everyone, **bigger})
    assert "g99-small" not in shown
    assert "alle" in shown


def test_cells_are_checked_on_their_own() -> None:
    groups = {"all": _people(*"abcdefghij"), "nurses": _people(*"abcde")}
    shown = anonymity.visible_groups(groups)
    assert shown == {"all", "nurses"}
    cells = {
        # f, g, h, i skipped question 1: all 6, nurses 5, so nurses would show j's answer.
        "q1": {"all": _people(*"abcdej"), "nurses": _people(*"abcde")},
        "q2": groups,
        "q3": {"all": _people(*"abcdefghij"), "nurses": _people(*"abcd")},
    }
    assert anonymity.visible_cells(cells, shown=shown) == {
        "q1": {"all"},
        "q2": {"all", "nurses"},
        "q3": {"all"},  # nurses below 5
    }
    # A group the page does not show at all never shows a cell.
    assert anonymity.visible_cells(cells, shown={"all"})["q2"] == {"all"}


def test_safe_blocks() -> None:
    assert anonymity.safe_blocks({"post 1": 6, "post 2": 4, "post 3": 5}) == {"post 1", "post 3"}


def _leaks(groups: Mapping[str, frozenset[Hashable]], shown: set[str]) -> list[str]:
    """Brute force, independent of the rule: every group shown, and every family of shown
    groups inside it that do not overlap, must leave 0 or at least 5 people."""
    found = []
    for wide in shown:
        inner = [n for n in shown if groups[n] < groups[wide]]
        for size in range(1, len(inner) + 1):
            for family in itertools.combinations(inner, size):
                members = [groups[n] for n in family]
                if sum(len(m) for m in members) != len(frozenset().union(*members)):
                    continue  # they overlap
                rest = len(groups[wide]) - sum(len(m) for m in members)
                if 0 < rest < MIN:
                    found.append(f"{wide} - {family} = {rest}")
        if len(groups[wide]) < MIN:
            found.append(f"{wide} has {len(groups[wide])}")
    return found


def test_random_filter_structures_never_leak() -> None:
    rng = random.Random(17)
    for _round in range(300):
        people = [f"p{i}" for i in range(rng.randint(5, 30))]
        roles = {p: rng.choice("abcd") for p in people}
        sites = {p: rng.choice("xy") for p in people}
        groups: dict[str, frozenset[Hashable]] = {"all": frozenset(people)}
        for role in "abcd":
            groups[f"role {role}"] = frozenset(p for p in people if roles[p] == role)
        for site in "xy":
            groups[f"site {site}"] = frozenset(p for p in people if sites[p] == site)
            for role in "abcd":
                groups[f"site {site}, role {role}"] = frozenset(
                    p for p in people if sites[p] == site and roles[p] == role
                )
        shown = anonymity.visible_groups(groups)
        assert _leaks(groups, shown) == [], (groups, shown)


# The survey results page --------------------------------------------------------------------


def _member(world: World, email: str, role: str, organisation: Organisation | None = None) -> Any:
    user = UserFactory.create(email=email)
    MembershipFactory.create(user=user, organisation=organisation or world.org_a, role=role)
    return user


def test_no_combination_of_role_filters_shows_a_few_peoples_answers(world: World) -> None:
    nurses = [_member(world, f"v{i}@zorg-a.example", Role.PROFESSIONAL) for i in range(6)]
    managers = [_member(world, f"m{i}@zorg-a.example", Role.MANAGER) for i in range(5)]
    survey = services.survey_create(
        organisation=world.org_a,
        actor=world.educator,
        title="Voor",
        consent_text="Vrijwillig.",
        template_keys=["ai-literacy"],
    )
    services.survey_send(survey=survey, actor=world.educator, closes_on=SOON)
    likert = list(survey.items.filter(kind="likert"))
    q1, q2 = likert[0], likert[1]
    for number, person in enumerate([*nurses, *managers]):
        answers: dict[int, Any] = {item.pk: 1 + number % 5 for item in likert}
        if person in managers[:2]:
            del answers[q2.pk]  # two managers skip question 2
        services.survey_respond(survey=survey, user=person, consent=True, answers=answers)
    roles, visible = results.filter_choices(survey=survey)
    assert visible == {results.EVERYONE, Role.PROFESSIONAL, Role.MANAGER}
    shown = {
        group: results.survey_results(survey=survey, role=group)
        for group in [results.EVERYONE, *roles]
    }
    everyone = shown.pop(results.EVERYONE)
    for index, item in enumerate(everyone.items):
        # The attacker: everyone's answers minus any combination of roles' answers.
        for size in range(1, len(shown) + 1):
            for family in itertools.combinations(shown.values(), size):
                cells = [outcome.items[index] for outcome in family]
                if item.n is None or any(cell.n is None for cell in cells):
                    continue
                rest = item.n - sum(cell.n or 0 for cell in cells)
                assert rest == 0 or rest >= MIN, (item.item.code, rest)
    # Question 2: everyone 9, nurses 6: the nurses' figure would show the 3 managers.
    assert everyone.items[1].item == q2
    assert everyone.items[1].n == 9
    assert shown[Role.PROFESSIONAL].items[1].n is None
    assert shown[Role.PROFESSIONAL].items[1].distribution == []
    assert shown[Role.MANAGER].items[1].n is None
    # Question 1 was answered by all: every group shows it.
    assert shown[Role.PROFESSIONAL].items[0].item == q1
    assert shown[Role.PROFESSIONAL].items[0].n == 6
    # The scale score: everyone of the roles has one, so it shows per role too, with the
    # spread of the scores (the managers answered 2, 3, 4, 5, 1 on every question).
    assert [s[1] for s in shown[Role.MANAGER].scales] == [5]
    assert shown[Role.MANAGER].scale_spread == [("ai_literacy", [1, 1, 1, 1, 1])]
    assert sum(everyone.scale_spread[0][1]) == 11


def test_score_spread_rounds_half_up() -> None:
    assert results.score_spread([1.0, 1.49, 1.5, 2.5, 4.6, 5.0]) == [2, 1, 1, 0, 2]


# The key figures: every combination of organisation, care branch and period ------------------


def _pre_post(
    organisation: Organisation, people: int, sent: datetime.date, role: str = Role.PROFESSIONAL
) -> None:
    tag = f"{organisation.slug}-{sent.isoformat()}"
    users = [_member_of(organisation, f"{tag}-{i}@example.org", role) for i in range(people)]
    educator = _member_of(organisation, f"{tag}-edu@example.org", Role.EDUCATOR)
    pre = services.survey_create(
        organisation=organisation,
        actor=educator,
        title="Voor",
        consent_text="Vrijwillig.",
        template_keys=["ai-literacy"],
        role=role,
    )
    services.survey_send(survey=pre, actor=educator, closes_on=SOON)
    post = services.survey_create(
        organisation=organisation,
        actor=educator,
        title="Na",
        consent_text="-",
        pre_survey=pre,
        role=role,
    )
    services.survey_send(survey=post, actor=educator, closes_on=SOON)
    moment = timezone.make_aware(datetime.datetime.combine(sent, datetime.time(12)))
    Survey.objects.filter(pk__in=[pre.pk, post.pk]).update(sent_at=moment)
    for number, user in enumerate(users):
        for survey, value in ((pre, 2), (post, 2 + number % 3)):
            answers = {i.pk: value for i in survey.items.filter(kind="likert")}
            services.survey_respond(survey=survey, user=user, consent=True, answers=answers)


def _member_of(organisation: Organisation, email: str, role: str = Role.PROFESSIONAL) -> Any:
    user = UserFactory.create(email=email)
    MembershipFactory.create(user=user, organisation=organisation, role=role)
    return user


def _organisation_ids(filters: KpiFilters) -> list[int] | None:
    # As kpis.figures.figures_compute chooses them.
    if filters.organisation is None and not filters.branch:
        return None
    return list(filters.organisations().values_list("pk", flat=True))


def _inside(inner: tuple[Any, ...], outer: tuple[Any, ...]) -> bool:
    """Whether choice ``inner``'s scope (organisations, period) lies within ``outer``'s."""
    inner_orgs, inner_start, inner_end = inner
    outer_orgs, outer_start, outer_end = outer
    return (
        inner_orgs <= outer_orgs
        and (outer_start is None or (inner_start is not None and inner_start >= outer_start))
        and (outer_end is None or (inner_end is not None and inner_end <= outer_end))
    )


def test_no_two_key_figure_choices_differ_by_a_few_pairs(world: World) -> None:
    base = datetime.date.today() - datetime.timedelta(days=90)
    days = [base, base + datetime.timedelta(days=30), base + datetime.timedelta(days=60)]
    other_vvt = OrganisationFactory.create(name="Zorg E (fictief)", slug="zorg-e")
    _pre_post(world.org_a, 6, days[0])  # vvt
    _pre_post(world.org_b, 5, days[1])  # ggz
    _pre_post(other_vvt, 3, days[2])  # vvt: a block of 3 pairs
    # A second, small after-measurement of A (its managers: a group that differs from the
    # professionals' by more than 4 people, as rule 6 requires).
    _pre_post(world.org_a, 2, days[2], Role.MANAGER)
    organisations = [None, world.org_a, world.org_b, other_vvt]
    bounds = [None, *days]
    shown: list[tuple[tuple[Any, ...], int, float]] = []
    for organisation, branch, start, end in itertools.product(
        organisations, ["", "vvt", "ggz"], bounds, bounds
    ):
        if start and end and start > end:
            continue
        filters = KpiFilters(organisation=organisation, branch=branch, start=start, end=end)
        ids = _organisation_ids(filters)
        figure = effect_figures(organisation_ids=ids, start=start, end=end)["ai_literacy"]
        scope_orgs = frozenset(
            ids if ids is not None else Organisation.objects.values_list("pk", flat=True)
        )
        if figure["change"] is not None:
            shown.append(((scope_orgs, start, end), figure["n"], figure["change"]))
    assert shown, "some figures must show"
    for (scope_a, n_a, _c), (scope_b, n_b, _d) in itertools.permutations(shown, 2):
        if _inside(scope_b, scope_a):
            # Subtracting b from a would show the pairs in a but not in b.
            assert n_a - n_b == 0 or n_a - n_b >= MIN, (scope_a, n_a, scope_b, n_b)
    # The small blocks (E's 3 pairs, A's second 2) are in no figure at all; A's six pairs
    # count as the five of its release (a sixth answer alone never moves a release).
    assert {n for _s, n, _c in shown} <= {5, 10}


def _organisation_with_round(world: World, slug: str, branch: str, value: int) -> None:
    organisation = OrganisationFactory.create(
        name=f"{slug} (fictief)", slug=slug, care_branch=branch
    )
    users = [_member_of(organisation, f"{slug}-{i}@example.org") for i in range(3)]
    maturity_round = maturity_services.maturity_round_start(
        organisation=organisation,
        actor=world.org_admin,
        title="Ronde",
        closes_on=SOON,
        invitee_ids=[u.pk for u in users],
    )
    ratings = {s.key: value for s in shipped_model().statements}
    for invite in maturity_round.invites.all():
        maturity_services.maturity_answers_save(invite=invite, ratings=ratings)
    maturity_services.maturity_round_close(maturity_round=maturity_round, actor=world.org_admin)


def test_maturity_per_stage_over_every_branch_and_organisation(world: World) -> None:
    for number in range(5):
        _organisation_with_round(world, f"vvt{number}", "vvt", 3)
        _organisation_with_round(world, f"ggz{number}", "ggz", 4)
    _organisation_with_round(world, "jeugd0", "youth", 1)
    # All: 11 organisations. All minus VVT minus GGZ would show the one youth organisation,
    # so only one of the two branches shows.
    everyone = effect_figures(organisation_ids=None)["maturity"]
    assert everyone["organisations"] == 11
    assert everyone["per_stage"] is not None
    per_branch = {}
    for branch in ("vvt", "ggz", "youth"):
        ids = _organisation_ids(KpiFilters(branch=branch))
        per_branch[branch] = effect_figures(organisation_ids=ids)["maturity"]["per_stage"]
    assert per_branch["youth"] is None
    assert [b for b in ("vvt", "ggz") if per_branch[b] is not None] == ["vvt"]
    # A single organisation never shows.
    one = Organisation.objects.get(slug="vvt0")
    assert effect_figures(organisation_ids=[one.pk])["maturity"]["per_stage"] is None
