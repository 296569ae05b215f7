"""factory_boy factories. Every name and address here is made up."""

from __future__ import annotations

from typing import Any

import factory
from factory.django import DjangoModelFactory

from carai.accounts.models import User
from carai.community.models import Invitation, Membership, Organisation, OrganisationKind, Role

PASSWORD = "Test-wachtwoord-123"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@test.example")
    full_name = factory.Sequence(lambda n: f"Test Persoon {n}")

    @factory.post_generation
    def password(obj: User, create: bool, extracted: str | None, **kwargs: Any) -> None:
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testzorg {n} (fictief)")
    slug = factory.Sequence(lambda n: f"testzorg-{n}")
    kind = OrganisationKind.CARE
    care_branch = "vvt"
    region = "Testregio"


class MembershipFactory(DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.PROFESSIONAL


class InvitationFactory(DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"uitgenodigd{n}@test.example")
    role = Role.PROFESSIONAL
    invited_by = factory.SubFactory(UserFactory)
