"""The anonymity rule for results (pure Python, no Django).

1. **Threshold**: a group's results are shown only when at least ``MIN_GROUP`` people
   answered (``MIN_GROUP`` = 5).
2. **Differencing**: no sum or difference of the groups shown may single out 1 to 4 people.
   When group B lies inside group A and 0 < |A minus B| < MIN_GROUP, subtracting B's results
   from A's would show what those few people answered, so B (the narrower choice) is
   suppressed. The same holds for several groups inside A that do not overlap (the roles
   inside "everyone", the care branches inside "all organisations"): when A minus all of
   them together is 1 to 4 people, the smallest of them is suppressed. Groups with exactly
   the same people are no risk (their difference is nobody).
3. **Per cell**: a page shows more than one figure per group (one per question, scale or
   pre/post pair), and a person may skip a question. So the rule is applied to every cell on
   its own, with the people who answered that cell (``visible_cells``): two groups that
   differ by five people may differ by one in a question four of them skipped.
4. **Whole blocks** (``safe_blocks``): a figure that may be asked for over any period and any
   choice of organisations (the key figures) adds up whole blocks — one after-measurement of
   one organisation — and only blocks of at least ``MIN_GROUP`` pairs. Any two such choices
   then differ by whole blocks of five or more, so no choice of filters, however many, can be
   subtracted from another to show one person.

5. **Over time** (``release_due``, ``over_time``): results are published as releases. A new
   release is made only when at least ``MIN_GROUP`` answers were added, changed or withdrawn
   since the last one; until then every view shows the last release. In a new release a
   figure shows new values only when the people behind it did not change, or changed in a way
   that rules 1 and 2 allow for the changes themselves (at least five, and not five minus one
   of another figure's changes); otherwise it is held back until enough has changed.
6. **Overlapping groups** (``groups_too_close``): a survey may not be sent to a group that
   differs by 1 to 4 people from the group of another recent survey with the same questions:
   subtracting the two results would show those few people.

``visible_groups`` applies rules 1 and 2 to every group a page or export would show, and
repeats until nothing changes.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import TypeVar

MIN_GROUP = 5
# More non-overlapping groups inside one group than this are checked in pairs only, and
# every one of them beyond this many is suppressed (no page offers so many filters).
MAX_FAMILY = 16

K = TypeVar("K", bound=Hashable)


def big_enough(count: int) -> bool:
    return count >= MIN_GROUP


def _few(count: int) -> bool:
    return 0 < count < MIN_GROUP


def _families(inner: list[str], groups: Mapping[str, frozenset[Hashable]]) -> Iterator[list[str]]:
    """Every family of two or more groups of ``inner`` that do not overlap each other."""

    def grow(start: int, chosen: list[str], used: frozenset[Hashable]) -> Iterator[list[str]]:
        for index in range(start, len(inner)):
            members = groups[inner[index]]
            if used & members:
                continue
            family = [*chosen, inner[index]]
            if len(family) >= 2:
                yield family
            yield from grow(index + 1, family, used | members)

    yield from grow(0, [], frozenset())


def _leak(groups: Mapping[str, frozenset[Hashable]], shown: set[str]) -> str | None:
    """A shown group that must be suppressed, or None when the shown groups are safe."""
    by_size = sorted(shown, key=lambda name: (-len(groups[name]), name))
    for wide in by_size:
        outer = groups[wide]
        inner = sorted(
            (name for name in shown if groups[name] < outer),
            key=lambda name: (len(groups[name]), name),
        )
        for name in inner:
            if _few(len(outer - groups[name])):
                return name
        if len(inner) > MAX_FAMILY:
            return inner[0]
        for family in _families(inner, groups):
            rest = len(outer) - sum(len(groups[name]) for name in family)
            if _few(rest):
                return family[0]  # the smallest of the family (inner is sorted by size)
    return None


def visible_groups(groups: Mapping[str, frozenset[Hashable]]) -> set[str]:
    """The names of the groups whose results may be shown. ``groups``: name -> answerers'
    pseudonymous keys (or organisation ids, or whatever a person or unit is)."""
    shown = {name for name, members in groups.items() if big_enough(len(members))}
    while (leak := _leak(groups, shown)) is not None:
        shown.discard(leak)
    return shown


def visible_cells(
    cells: Mapping[K, Mapping[str, frozenset[Hashable]]], *, shown: set[str]
) -> dict[K, set[str]]:
    """Per cell (a question, a scale, ...): the groups whose figure for that cell may show.
    ``cells``: cell -> group name -> the people with an answer in that cell; ``shown``: the
    groups the page shows at all (``visible_groups`` of the respondents)."""
    out: dict[K, set[str]] = {}
    for cell, groups in cells.items():
        out[cell] = visible_groups({name: groups[name] for name in groups if name in shown})
    return out


def safe_blocks(blocks: Mapping[K, int]) -> set[K]:
    """The blocks a figure over any choice of filters may add up: those of at least
    ``MIN_GROUP`` people (``blocks``: block -> its number of people or pairs)."""
    return {block for block, count in blocks.items() if big_enough(count)}


def release_due(*, before: frozenset[Hashable] | None, now: frozenset[Hashable]) -> bool:
    """Whether a new release may be made: the first from ``MIN_GROUP`` answers on, a next
    one when at least ``MIN_GROUP`` answers (ids of responses, so answering again counts as
    a change) were added or withdrawn since the release ``before``."""
    if before is None:
        return big_enough(len(now))
    return big_enough(len(before ^ now))


def over_time(
    cells: Mapping[K, Mapping[str, frozenset[Hashable]]],
    last: Mapping[K, Mapping[str, frozenset[Hashable]]],
) -> dict[K, set[str]]:
    """Per cell: the groups whose figure may show its new values in a new release.
    ``cells``: cell -> group -> the people behind the figure now (only figures that rules 1-3
    let show); ``last``: the same for the last version of each figure that was shown. A figure
    whose people did not change shows; one whose people changed shows only when its change
    passes rules 1 and 2 among the changes of the cell's other figures."""
    out: dict[K, set[str]] = {}
    for cell, groups in cells.items():
        before = last.get(cell, {})
        changes = {
            name: members ^ before.get(name, frozenset()) for name, members in groups.items()
        }
        moved = {name: change for name, change in changes.items() if change}
        out[cell] = {name for name in groups if not changes[name]} | visible_groups(moved)
    return out


def groups_too_close(new: frozenset[Hashable], others: Iterable[frozenset[Hashable]]) -> bool:
    """Whether a new group differs from one of ``others`` by 1 to 4 people (either way)."""
    return any(_few(len(new ^ other)) for other in others)
