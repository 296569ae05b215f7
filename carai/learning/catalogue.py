"""The catalogue's cards for one person, kept in the cache when no filter is used.

Which modules someone sees and how far they are depend on their memberships (roles, and the
care branch of their organisations), the modules and their lessons, and their own enrolments
and lesson progress. The cards are kept under a scope for each: the person's roles
(``community.access.roles_scope``), every organisation (``ORGANISATIONS_SCOPE``), the modules
(``team.MODULES_SCOPE``, also outdated by lesson saves) and the person as a learner
(``learner_scope``, outdated by their enrolments and progress in ``learning.receivers``).
The module page's other-language facts (``module_versions``) are kept under the same scopes.
"""

from __future__ import annotations

from datetime import datetime

from carai.accounts.models import User
from carai.community.access import ORGANISATIONS_SCOPE, roles_scope
from carai.core.cache import cached
from carai.learning import selectors
from carai.learning.models import Enrolment, Module
from carai.learning.team import MODULES_SCOPE

Card = tuple[Module, bool, datetime | None]  # the module, started, finished (when)
CARDS_TIMEOUT = 600  # seconds; a safety net, the receivers outdate the cards on writes


def learner_scope(user_id: int) -> str:
    return f"learning:learner:{user_id}"


def _person_scopes(user_id: int) -> list[str]:
    """What decides which modules a person sees and how far they are (see above)."""
    return [learner_scope(user_id), roles_scope(user_id), ORGANISATIONS_SCOPE, MODULES_SCOPE]


def catalogue_cards(
    *, user: User, filters: selectors.CatalogueFilters, language: str
) -> list[Card]:
    """The cards of the catalogue: each module once, with whether the person started it and
    when they finished it (either language counts; finished wins)."""

    def compute() -> list[Card]:
        modules = selectors.catalogue(user=user, filters=filters, language=language)
        enrolled: dict[str, datetime | None] = {}
        for key, completed_at in Enrolment.objects.filter(user=user).values_list(
            "module__key", "completed_at"
        ):
            enrolled[key] = enrolled.get(key) or completed_at
        return [(module, module.key in enrolled, enrolled.get(module.key)) for module in modules]

    if filters != selectors.CatalogueFilters():
        return compute()
    return cached(
        f"catalogue-cards:{user.pk}:{language}",
        scopes=_person_scopes(user.pk),
        compute=compute,
        timeout=CARDS_TIMEOUT,
    )


def module_versions(*, user: User, module: Module, finished_here: bool) -> selectors.Versions:
    """``selectors.module_versions`` for the module page, kept per person and module under
    the same scopes as the cards: it reads the same facts (which modules the person may see,
    and their enrolments)."""
    return cached(
        f"module-versions:{user.pk}:{module.pk}:{int(finished_here)}",
        scopes=_person_scopes(user.pk),
        compute=lambda: selectors.module_versions(
            user=user, module=module, finished_here=finished_here
        ),
        timeout=CARDS_TIMEOUT,
    )
