"""The anonymity rule for results (pure Python, no Django).

1. **Threshold**: a group's results are shown only when at least ``MIN_GROUP`` people
   answered (``MIN_GROUP`` = 5).
2. **Differencing**: two groups shown side by side (for example "everyone" and "everyone
   but the managers", or two filter choices of which one holds the other) must not differ by
   fewer than ``MIN_GROUP`` people. When group B lies inside group A and
   0 < |A minus B| < MIN_GROUP, subtracting B's results from A's would show what those few
   people answered, so B (the narrower choice) is suppressed. Groups with exactly the same
   people are no risk (their difference is nobody).

``visible_groups`` applies both rules to every group a page or export would show. One pass
over the pairs is enough: groups are only ever taken away, so two groups still shown at the
end were both shown when their pair was checked.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

MIN_GROUP = 5


def big_enough(count: int) -> bool:
    return count >= MIN_GROUP


def visible_groups(groups: Mapping[str, frozenset[Hashable]]) -> set[str]:
    """The names of the groups whose results may be shown. ``groups``: name -> answerers'
    pseudonymous keys."""
    shown = {name for name, members in groups.items() if big_enough(len(members))}
    for wide in sorted(shown):
        if wide not in shown:
            continue  # hidden: nothing can be subtracted from results that are not shown
        a = groups[wide]
        for narrow in sorted(shown - {wide}):
            b = groups[narrow]
            if b < a and len(a - b) < MIN_GROUP:
                shown.discard(narrow)
    return shown
