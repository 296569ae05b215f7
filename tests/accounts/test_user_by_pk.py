"""``User.objects.get(pk=…)``, the read of every logged-in request, compiled once: the same
person, with the same values and types, as the ORM's own query."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from carai.accounts.models import User
from tests.conftest import client_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def values(user: User) -> dict[str, object]:
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


def test_the_same_person_as_the_orm_with_the_same_types() -> None:
    user = UserFactory.create(
        full_name="Anna de Vries (fictief)",
        preferred_language="en",
        is_community_lead=True,
        erased_at=timezone.now(),
    )
    UserFactory.create()  # someone else
    keys: list[int | str] = [user.pk, str(user.pk)]
    for key in keys:
        with CaptureQueriesContext(connection) as queries:
            fast = User.objects.get(pk=key)
        assert len(queries) == 1
        orm = User.objects.filter(pk=user.pk).get()
        assert values(fast) == values(orm)
        for name, value in values(orm).items():
            assert type(getattr(fast, name)) is type(value), name
        assert isinstance(fast.date_joined, datetime)
        assert fast.date_joined.tzinfo is not None
        assert fast.is_community_lead is True
        assert fast._state.adding is False
        assert fast._state.db == "default"
    assert User.objects.get(id=user.pk).email == user.email


def test_nobody_and_other_lookups() -> None:
    user = UserFactory.create()
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=user.pk + 1000)
    assert User.objects.get(email=user.email) == user  # Django's own get
    UserFactory.create()
    with pytest.raises(User.MultipleObjectsReturned):
        User.objects.get(is_active=True)


def test_a_logged_in_page_sees_a_change_made_since_the_last_request() -> None:
    user = UserFactory.create(preferred_language="nl")
    client = client_for(user)
    assert 'lang="nl"' in client.get("/overzicht/").content.decode()
    User.objects.filter(pk=user.pk).update(preferred_language="en")
    assert 'lang="en"' in client.get("/overzicht/").content.decode()
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert client.get("/overzicht/").status_code == 302  # logged out: to the log-in page
