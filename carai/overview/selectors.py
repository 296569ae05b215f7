"""Reads that cross domains, for the overview pages."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from carai.community.models import Organisation
from carai.register.models import Register


def partner_organisations() -> QuerySet[Organisation]:
    """Active partners, each with ``has_public_register``: whether it published its AI tool
    register (one query for all)."""
    public = Register.objects.filter(organisation=OuterRef("pk"), is_public=True)
    return (
        Organisation.objects.filter(is_active=True)
        .annotate(has_public_register=Exists(public))
        .order_by("kind", "name")
    )
