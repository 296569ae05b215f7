"""Regression tests for keyboard focus with htmx (WCAG 2.4.3)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from carai.community.models import Membership
from tests.browser.helpers import Visit, nl, shown

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]


def test_inline_role_form_receives_focus(visit: Visit, demo_password: str) -> None:
    page = visit.page
    visit.log_in("beheerder@lindehof.example", demo_password)
    visit.goto("/organisaties/lindehof/leden/")
    visit.check("members")
    sanne = Membership.objects.get(
        user__email="zorgmedewerker@lindehof.example", organisation__slug="lindehof"
    )
    row = page.locator(f"#membership-{sanne.pk}")
    row.get_by_role("link", name=re.compile(re.escape(shown("Change role")))).click()
    role_select = row.get_by_label(nl("Role"))
    expect(role_select).to_be_visible()
    visit.check("members-role-form")
    expect(role_select).to_be_focused(timeout=2_000)

    # Save with the keyboard: focus stays in the updated row, and the change is announced.
    role_select.select_option("ai_coach")
    row.get_by_role("button", name=nl("Save role")).press("Enter")
    change_link = row.get_by_role("link", name=re.compile(re.escape(shown("Change role"))))
    expect(change_link).to_be_focused(timeout=2_000)
    expect(page.locator("#carai-live")).to_contain_text("Sanne Verbeek")
    visit.check("members-role-saved")


def test_study_fields_show_only_for_students(visit: Visit, demo_password: str) -> None:
    page = visit.page
    visit.log_in("beheerder@lindehof.example", demo_password)
    visit.goto("/organisaties/lindehof/uitnodigen/")
    level = page.get_by_label(re.compile(re.escape(shown("Study level (students only)"))))
    expect(level).to_be_hidden()
    visit.check("invite-professional")
    page.get_by_label(nl("Role")).select_option("student")
    expect(level).to_be_visible()
    visit.check("invite-student", screenshot=True)
    page.get_by_label(nl("Role")).select_option("manager")
    expect(level).to_be_hidden()
