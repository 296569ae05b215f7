"""Named personas shared by all tests.

Organisation A ("Zorg A") is the organisation under test; organisation B ("Zorg B") is
another partner. Persona names are made up.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.http import StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from carai.accounts.models import User
from carai.community.models import Invitation, Membership, Organisation, Role
from carai.learning.content import read_pack
from carai.learning.models import Module
from carai.learning.services.content import module_import
from tests.bulk_write_guard import BulkWriteGuard, installed, watched_models
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"  # fictional content packs and cases for tests
ROOT = TESTS.parent

# The property tests (hypothesis) draw new examples on every local run, which is how they
# find new bugs. In CI they run with a fixed seed, so that a run can only fail because of
# the commit under test and never by the luck of the draw; a bug found locally is pinned
# with @example before it lands.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@dataclass
class World:
    org_a: Organisation
    org_b: Organisation
    care_worker: User  # professional of A: Sanne
    manager: User  # manager of A: Ahmed
    org_admin: User  # organisation admin of A: Marieke
    educator: User  # educator of A, who writes A's own modules: Femke
    privacy_officer: User  # privacy officer of A, who keeps A's AI tool register: Priya
    outsider: User  # professional of B: Kevin
    outsider_admin: User  # organisation admin of B: Bea
    lead: User  # community lead: Noor
    care_worker_membership: Membership
    open_invitation: Invitation

    def persona(self, name: str) -> User | None:
        return None if name == "anonymous" else getattr(self, name)


PERSONAS = [
    "anonymous",
    "care_worker",
    "manager",
    "org_admin",
    "educator",
    "privacy_officer",
    "outsider",
    "outsider_admin",
    "lead",
]


@pytest.fixture(scope="session", autouse=True)
def bulk_write_guard() -> Iterator[BulkWriteGuard]:
    guard = BulkWriteGuard(watched=watched_models())
    for _ in installed(guard):
        yield guard


@pytest.fixture(autouse=True)
def _bulk_writes_told(bulk_write_guard: BulkWriteGuard) -> Iterator[None]:
    """Every bulk write of a cached model by platform code is followed by
    ``rows_written_send`` (tests/bulk_write_guard.py)."""
    guard = bulk_write_guard
    guard.open_writes.clear()
    yield
    problems = guard.problems()
    guard.open_writes.clear()
    if problems:
        pytest.fail(
            "A bulk write of a cached model without core.cache.rows_written_send "
            "(docs/architecture.md, 'Writes without signals'): " + "; ".join(problems)
        )


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test ends in the default language: a request in English leaves English active in
    the thread (the locale middleware does not switch back), which made later tests that
    expect Dutch text fail depending on the order."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _today_when_the_test_starts(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test module's ``TODAY`` is the day the test starts, not the day the module was
    collected: a run that crosses midnight (Dutch time) made ``TODAY`` yesterday, so a due
    date of ``TODAY`` lay in the past and "overdue" showed too early (CI failed at 00:05)."""
    from django.utils import timezone

    if hasattr(request.module, "TODAY"):
        monkeypatch.setattr(request.module, "TODAY", timezone.localdate())


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache (the password-reset throttle counts in it)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def world(db: None) -> World:
    org_a = OrganisationFactory.create(name="Zorg A (fictief)", slug="zorg-a")
    org_b = OrganisationFactory.create(name="Zorg B (fictief)", slug="zorg-b", care_branch="ggz")
    care_worker = UserFactory.create(email="sanne@zorg-a.example", full_name="Sanne Zorgmedewerker")
    manager = UserFactory.create(email="ahmed@zorg-a.example", full_name="Ahmed Manager")
    org_admin = UserFactory.create(email="marieke@zorg-a.example", full_name="Marieke Beheerder")
    educator = UserFactory.create(email="femke@zorg-a.example", full_name="Femke Docent")
    privacy_officer = UserFactory.create(
        email="priya@zorg-a.example", full_name="Priya Privacyfunctionaris"
    )
    outsider = UserFactory.create(email="kevin@zorg-b.example", full_name="Kevin Buitenstaander")
    outsider_admin = UserFactory.create(email="bea@zorg-b.example", full_name="Bea Beheerder B")
    lead = UserFactory.create(
        email="noor@carai.example", full_name="Noor Communityregie", is_community_lead=True
    )
    cw_membership = MembershipFactory.create(
        user=care_worker, organisation=org_a, role=Role.PROFESSIONAL
    )
    MembershipFactory.create(user=manager, organisation=org_a, role=Role.MANAGER)
    MembershipFactory.create(user=org_admin, organisation=org_a, role=Role.ORG_ADMIN)
    MembershipFactory.create(user=educator, organisation=org_a, role=Role.EDUCATOR)
    MembershipFactory.create(user=privacy_officer, organisation=org_a, role=Role.PRIVACY_OFFICER)
    MembershipFactory.create(user=outsider, organisation=org_b, role=Role.PROFESSIONAL)
    MembershipFactory.create(user=outsider_admin, organisation=org_b, role=Role.ORG_ADMIN)
    invitation = InvitationFactory.create(
        organisation=org_a, email="nieuw@zorg-a.example", invited_by=org_admin
    )
    return World(
        org_a=org_a,
        org_b=org_b,
        care_worker=care_worker,
        manager=manager,
        org_admin=org_admin,
        educator=educator,
        privacy_officer=privacy_officer,
        outsider=outsider,
        outsider_admin=outsider_admin,
        lead=lead,
        care_worker_membership=cw_membership,
        open_invitation=invitation,
    )


def downloaded(response: HttpResponseBase) -> bytes:
    """The body of a download, whether it streams (CSV, XLSX) or not."""
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content)  # type: ignore[arg-type]
    return bytes(response.content)  # type: ignore[attr-defined]


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def as_user():
    return client_for


@pytest.fixture
def module(db: None) -> Module:
    """The test pack's module (``tests/fixtures/pack``, fictional), imported."""
    (data,) = read_pack(FIXTURES / "pack")
    return module_import(data=data)
