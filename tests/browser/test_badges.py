"""A care worker downloads her signed badge; an employer checks it by pasting it; the
community lead revokes the certificate and the same check then says so (issue 20)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from carai.learning.content import read_pack
from carai.learning.demo import finish_lesson
from carai.learning.models import Certificate
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start
from tests.browser.helpers import Visit, nl
from tests.conftest import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_community")]

CARE_WORKER = "zorgmedewerker@lindehof.example"
LEAD = "lead@carai.example"


def test_badge_downloaded_checked_and_revoked(visit: Visit, demo_password: str) -> None:
    from carai.accounts.models import User

    (data,) = read_pack(FIXTURES / "pack")
    module = module_import(data=data)
    enrolment = enrolment_start(user=User.objects.get(email=CARE_WORKER), module=module)
    for lesson in module.lessons.filter(is_active=True).order_by("order"):
        finish_lesson(enrolment, lesson)
    certificate = Certificate.objects.get(user__email=CARE_WORKER, module=module)

    page = visit.page
    visit.log_in(CARE_WORKER, demo_password)
    visit.goto(f"/leren/certificaten/{certificate.pk}/")
    expect(page.get_by_role("heading", name=nl("Digital badge"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=nl("Download the signed badge (.jwt)")).click()
    token = download.value.path().read_text()
    assert token.count(".") == 2
    visit.check("certificate-with-badge", screenshot=True)

    # Someone she gives the file to checks it without an account.
    page.context.clear_cookies()
    visit.goto("/leren/badges/controleren/")
    page.get_by_label(nl("The badge (the text of the .jwt file)")).fill(token)
    page.get_by_role("button", name=nl("Check")).click()
    expect(page.get_by_role("status")).to_contain_text("De handtekening klopt")
    expect(page.get_by_role("status")).to_contain_text("geldig tot")
    visit.check("badge-checked", screenshot=True)

    # A changed badge is refused in words.
    head, body, signature = token.split(".")
    page.get_by_label(nl("The badge (the text of the .jwt file)")).fill(
        f"{head}.{body[:-4]}AAAA.{signature}"
    )
    page.get_by_role("button", name=nl("Check")).click()
    expect(page.get_by_role("status")).to_contain_text("geen badge van CARAI")
    visit.check("badge-forged")

    # The community lead revokes it on the public check page.
    visit.log_in(LEAD, demo_password)
    visit.goto(f"/leren/controleren/{certificate.code}/")
    page.get_by_label(nl("Why is it revoked?")).fill("Per vergissing gegeven (fictief)")
    page.get_by_role("button", name=nl("Revoke")).click()
    expect(page.get_by_role("status").first).to_contain_text("ingetrokken")
    visit.check("certificate-revoked", screenshot=True)

    page.context.clear_cookies()
    visit.goto("/leren/badges/controleren/")
    page.get_by_label(nl("The badge (the text of the .jwt file)")).fill(token)
    page.get_by_role("button", name=nl("Check")).click()
    expect(page.get_by_role("status")).to_contain_text("ingetrokken")
    visit.check("badge-revoked", screenshot=True)
