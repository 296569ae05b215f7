"""One module, two languages (issue 15): the catalogue shows each module once, in the
reader's language where it has that version; a module without a translation says so (and
marks its language); finishing either version counts. All content is made up."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carai.learning.content import read_pack
from carai.learning.models import Enrolment, Module
from carai.learning.services.content import module_import
from tests.conftest import FIXTURES, World, client_for

ENGLISH_TITLE = "Test module about AI (made up)"


@pytest.fixture
def versions(db: None) -> tuple[Module, Module, Module]:
    (data,) = read_pack(FIXTURES / "pack")
    dutch = module_import(data=data)
    english = module_import(data=dataclasses.replace(data, language="en", title=ENGLISH_TITLE))
    only_english = module_import(
        data=dataclasses.replace(
            data, key="only-english", language="en", title="Only in English (made up)"
        )
    )
    return dutch, english, only_english


def _catalogue(user: object, language: str = "nl") -> str:
    client = client_for(user)  # type: ignore[arg-type]
    url = reverse("learning:catalogue")
    return client.get(url, headers={"Accept-Language": language}).content.decode()


def test_each_module_once_in_the_readers_language(
    world: World, versions: tuple[Module, Module, Module]
) -> None:
    dutch, english, only_english = versions
    page = _catalogue(world.care_worker)
    assert page.count(f'href="/leren/modules/{dutch.pk}/"') == 1
    assert f'href="/leren/modules/{english.pk}/"' not in page
    # The English-only module is there, says so, and is marked as English for screen readers.
    assert f'href="/leren/modules/{only_english.pk}/"' in page
    assert "Alleen in het Engels" in page
    assert '<h2 class="utrecht-heading-3" lang="en">' in page
    world.care_worker.preferred_language = "en"
    world.care_worker.save()
    page = _catalogue(world.care_worker, "en")
    assert ENGLISH_TITLE in page
    assert dutch.title not in page
    assert "Only in English (made up)" in page
    assert "Only in English</span>" not in page  # no badge in its own language


def test_finishing_either_version_counts(
    world: World, versions: tuple[Module, Module, Module]
) -> None:
    dutch, english, _only = versions
    Enrolment.objects.create(user=world.care_worker, module=english, completed_at=timezone.now())
    page = _catalogue(world.care_worker)
    card = page.split(f'href="/leren/modules/{dutch.pk}/"')[1].split("</li>")[0]
    assert "Afgerond" in card
    detail = client_for(world.care_worker).get(
        reverse("learning:module_detail", kwargs={"module_id": dutch.pk})
    )
    text = detail.content.decode()
    assert "in het Engels afgerond" in text
    # The English version's page points to the Dutch one.
    other = client_for(world.care_worker).get(
        reverse("learning:module_detail", kwargs={"module_id": english.pk})
    )
    assert f'href="/leren/modules/{dutch.pk}/"' in other.content.decode()
    assert "Deze module is er ook in het Nederlands" in other.content.decode()


def test_my_assignments_show_in_my_language_count_either_version_and_drop_when_withdrawn(
    world: World, versions: tuple[Module, Module, Module]
) -> None:
    from carai.community.models import Role
    from carai.learning.selectors import assignments_for_user
    from carai.learning.services.assignments import assignment_create, assignment_withdraw

    dutch, english, only_english = versions
    due = timezone.localdate() + datetime.timedelta(days=7)
    assignment_create(
        actor=world.manager, organisation=world.org_a, module=dutch, due_date=due,
        role=Role.PROFESSIONAL,
    )  # fmt: skip
    assignment_create(
        actor=world.manager, organisation=world.org_a, module=dutch, due_date=due,
        user=world.care_worker,
    )  # the same module twice: shown once  # fmt: skip
    withdrawn = assignment_create(
        actor=world.manager, organisation=world.org_a, module=only_english, due_date=due,
        user=world.care_worker,
    )  # fmt: skip
    assignment_withdraw(actor=world.manager, assignment=withdrawn)
    Enrolment.objects.create(user=world.care_worker, module=dutch)  # started in Dutch
    Enrolment.objects.create(user=world.care_worker, module=english, completed_at=timezone.now())
    (row,) = assignments_for_user(user=world.care_worker, language="en")
    assignment, enrolment = row
    assert assignment.module == english  # the title in the reader's language
    assert enrolment is not None
    assert enrolment.completed_at is not None  # finished in English counts
    (row,) = assignments_for_user(user=world.care_worker, language="nl")
    assert row[0].module == dutch
    overview = client_for(world.care_worker).get(reverse("overview:dashboard")).content.decode()
    asked = overview.split("Gevraagd van jou:")[1].split("</ul>")[0]
    assert dutch.title in asked
    assert "Afgerond" in asked
    assert "Only in English (made up)" not in asked  # withdrawn
