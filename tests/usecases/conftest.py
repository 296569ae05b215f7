"""Fixtures for the use-case tests: a cycle and an accepted use case (all made up)."""

from __future__ import annotations

import datetime

import pytest

from carai.usecases import services
from carai.usecases.models import Cycle, UseCase
from tests.conftest import World

QUESTION = {
    "title": "Overdracht in de avonddienst",
    "problem": "De overdracht kost elke avond twintig minuten.",
    "who_has_it": "Verzorgenden in de avonddienst",
    "expected_value": "Tijd voor bewoners",
    "data_and_ai": "Rapportages; een taalmodel",
}


@pytest.fixture
def cycle(db: None) -> Cycle:
    return services.cycle_create(
        name="Voorjaar 2027",
        starts_on=datetime.date(2027, 2, 1),
        ends_on=datetime.date(2027, 7, 31),
    )


@pytest.fixture
def accepted(world: World, cycle: Cycle) -> UseCase:
    use_case = services.use_case_submit(
        actor=world.care_worker, organisation=world.org_a, data=QUESTION
    )
    return services.use_case_triage(
        actor=world.lead,
        use_case=use_case,
        accept=True,
        cycle=cycle,
        criteria={"work_floor": 5, "value": 4},
        reason="",
    )
