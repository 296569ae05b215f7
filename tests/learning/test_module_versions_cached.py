"""The module page keeps "also in the other language" and "finished in the other language"
per person and module (``learning.catalogue.module_versions``); writes that change either
show on the next view."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse
from django.utils import timezone

from carai.learning.content import read_pack
from carai.learning.models import Enrolment, Module, ModuleStatus
from carai.learning.services.content import module_import
from tests.conftest import FIXTURES, World, client_for

pytestmark = pytest.mark.django_db


def _english_page(world: World, module: Module) -> str:
    url = reverse("learning:module_detail", kwargs={"module_id": module.pk})
    response = client_for(world.care_worker).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_other_language_and_finished_follow_writes(world: World, settings) -> None:
    settings.CARAI_CACHE_SHARED = True
    (data,) = read_pack(FIXTURES / "pack")
    dutch = module_import(data=data)
    english = module_import(data=dataclasses.replace(data, language="en", title="In English"))
    link = f'href="/leren/modules/{dutch.pk}/"'

    # The Dutch version is there: the English page points to it.
    assert link in _english_page(world, english)
    # Taken back to a draft (a module save): the link goes on the next view.
    Module.objects.filter(pk=dutch.pk).update(status=ModuleStatus.DRAFT)
    assert link in _english_page(world, english)  # an update sends no signal: still kept
    dutch.refresh_from_db()
    dutch.save()
    assert link not in _english_page(world, english)
    dutch.status = ModuleStatus.PUBLISHED
    dutch.save()
    assert link in _english_page(world, english)

    # Finishing the Dutch version (the person's enrolment): the English page says so.
    assert "in het Nederlands afgerond" not in _english_page(world, english)
    Enrolment.objects.create(user=world.care_worker, module=dutch, completed_at=timezone.now())
    assert "in het Nederlands afgerond" in _english_page(world, english)
