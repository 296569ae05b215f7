"""The catalogue's cards for one person, kept in the cache when no filter is used.

Which modules someone sees and how far they are depend on their memberships (roles, and the
care branch of their organisations), the modules and their lessons, and their own enrolments
and lesson progress. The cards are kept under a scope for each: the person's roles
(``community.access.roles_scope``), every organisation (``ORGANISATIONS_SCOPE``), the modules
(``team.MODULES_SCOPE``, also outdated by lesson saves) and the person as a learner
(``learner_scope``, outdated by their enrolments and progress in ``learning.receivers``).
The module page's and the lesson page's facts about one person and one module
(``learner_module``, ``module_page``: whether they may see it, their enrolment, the lessons
they did, their certificate, the other language version) are kept under the same scopes;
certificate saves and deletes outdate the learner scope too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from carai.accounts.models import User
from carai.community.access import ORGANISATIONS_SCOPE, roles_scope
from carai.core.cache import cached
from carai.learning import selectors
from carai.learning.access import modules_visible_to
from carai.learning.models import Certificate, Enrolment, Module
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


@dataclass(frozen=True)
class LearnerModule:
    """One module as one person learns it: the module if they may see it (else None, and
    nothing else is read), their enrolment, and the lessons done in its current round."""

    module: Module | None
    enrolment: Enrolment | None
    done: frozenset[int]


@dataclass(frozen=True)
class ModulePage(LearnerModule):
    """``LearnerModule`` and what the module page adds: the newest certificate (read only
    once the module is finished, the only case the page shows it) and the other language."""

    certificate: Certificate | None
    versions: selectors.Versions | None


def learner_module_read(*, user: User, module_id: int) -> LearnerModule:
    """``access_module`` (None instead of a 404), ``Enrolment`` and ``current_progress``,
    read from the database."""
    module = modules_visible_to(user=user).filter(pk=module_id).first()
    if module is None:
        return LearnerModule(module=None, enrolment=None, done=frozenset())
    enrolment = Enrolment.objects.filter(user=user, module=module).first()
    done = (
        frozenset(enrolment.current_progress().values_list("lesson_id", flat=True))
        if enrolment is not None
        else frozenset()
    )
    return LearnerModule(module=module, enrolment=enrolment, done=done)


def _attach(facts: LearnerModule, user: User) -> None:
    # Rows the reads above filtered by, so that reading them again costs no query (and the
    # person's own row is never put in the cache).
    if facts.enrolment is not None and facts.module is not None:
        facts.enrolment.user = user
        facts.enrolment.module = facts.module


def learner_module(*, user: User, module_id: int) -> LearnerModule:
    """``learner_module_read`` for the lesson page, kept per person and module."""
    facts = cached(
        f"learner-module:{user.pk}:{int(module_id)}",
        scopes=_person_scopes(user.pk),
        compute=lambda: learner_module_read(user=user, module_id=module_id),
        timeout=CARDS_TIMEOUT,
    )
    _attach(facts, user)
    return facts


def module_page(*, user: User, module_id: int) -> ModulePage:
    """What the module page shows of one person and one module, kept per person and module:
    ``learner_module_read``, the newest certificate once finished, and
    ``selectors.module_versions`` (a finish in another language looked for only when this
    module is not finished)."""

    def compute() -> ModulePage:
        facts = learner_module_read(user=user, module_id=module_id)
        if facts.module is None:
            return ModulePage(
                module=None, enrolment=None, done=frozenset(), certificate=None, versions=None
            )
        finished = facts.enrolment is not None and facts.enrolment.completed_at is not None
        certificate = (
            Certificate.objects.filter(user=user, module=facts.module)
            .order_by("-issued_at")
            .first()
            if finished
            else None
        )
        return ModulePage(
            module=facts.module,
            enrolment=facts.enrolment,
            done=facts.done,
            certificate=certificate,
            versions=selectors.module_versions(
                user=user, module=facts.module, finished_here=finished
            ),
        )

    page = cached(
        f"module-page:{user.pk}:{int(module_id)}",
        scopes=_person_scopes(user.pk),
        compute=compute,
        timeout=CARDS_TIMEOUT,
    )
    _attach(page, user)
    return page
