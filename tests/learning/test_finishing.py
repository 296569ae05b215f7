"""Finishing a module: "Module afgerond" with the certificate and what is next, after the
last lesson or after the quiz; and the small texts around learning. Fictional data only."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from carai.learning.content import read_pack
from carai.learning.demo import finish_lesson
from carai.learning.models import Certificate, Enrolment, Module
from carai.learning.selectors import correct_answers
from carai.learning.services.content import module_import
from carai.learning.services.progress import enrolment_start
from carai.learning.services.quiz import quiz_attempt_start
from tests.conftest import FIXTURES, World, client_for


@pytest.fixture
def other(db: None) -> Module:
    (data,) = read_pack(FIXTURES / "pack")
    return module_import(data=dataclasses.replace(data, key="vervolg", title="Vervolg (fictief)"))


def test_passing_the_last_quiz_shows_module_finished(
    module: Module, other: Module, world: World
) -> None:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    text, reflection, quiz = module.lessons.order_by("order")
    finish_lesson(enrolment, text)
    finish_lesson(enrolment, reflection)
    attempt = quiz_attempt_start(enrolment=enrolment, lesson=quiz)
    client = client_for(world.care_worker)
    answers = correct_answers(question_ids=attempt.question_order)
    post = {f"q{qid}": [str(o) for o in options] for qid, options in answers.items()}
    response = client.post(reverse("learning:attempt", kwargs={"attempt_id": attempt.pk}), post)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"]).content.decode()
    certificate = Certificate.objects.get(user=world.care_worker, module=module)
    assert "Module afgerond" in page
    assert reverse("learning:certificate_detail", kwargs={"certificate_id": certificate.pk}) in page
    assert reverse("learning:module_detail", kwargs={"module_id": other.pk}) in page
    assert "Opnieuw proberen" not in page


def test_finishing_with_a_lesson_goes_to_module_finished(
    module: Module, other: Module, world: World
) -> None:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    text, reflection, quiz = module.lessons.order_by("order")
    finish_lesson(enrolment, quiz)
    finish_lesson(enrolment, text)
    client = client_for(world.care_worker)
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": reflection.pk})
    response = client.post(url, {"answer": "Bij het rapporteren (verzonnen voorbeeld)."})
    finished_url = reverse("learning:module_finished", kwargs={"module_id": module.pk})
    assert response["Location"] == finished_url
    page = client.get(finished_url).content.decode()
    assert "<h1" in page
    assert "Module afgerond" in page
    assert "Vervolg (fictief)" in page
    assert reverse("overview:dashboard") in page


def test_module_finished_before_finishing_goes_back_to_the_module(
    module: Module, world: World
) -> None:
    enrolment_start(user=world.care_worker, module=module)
    response = client_for(world.care_worker).get(
        reverse("learning:module_finished", kwargs={"module_id": module.pk})
    )
    assert response["Location"] == reverse(
        "learning:module_detail", kwargs={"module_id": module.pk}
    )
    assert Enrolment.objects.get().completed_at is None


def test_reflection_box_shows_its_limit(module: Module, world: World) -> None:
    enrolment_start(user=world.care_worker, module=module)
    reflection = module.lessons.order_by("order")[1]
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": reflection.pk})
    page = client_for(world.care_worker).get(url).content.decode()
    assert 'maxlength="5000"' in page
    assert 'data-carai-count="{count} van {max} tekens gebruikt"' in page
    assert "Hooguit 5.000 tekens." in page


def test_an_empty_reflection_says_what_to_do(module: Module, world: World) -> None:
    enrolment_start(user=world.care_worker, module=module)
    reflection = module.lessons.order_by("order")[1]
    url = reverse("learning:lesson", kwargs={"module_id": module.pk, "lesson_id": reflection.pk})
    world.care_worker.preferred_language = "en"
    world.care_worker.save()
    page = client_for(world.care_worker).post(url, {"answer": "  "}).content.decode()
    assert "Write your answer first." in page
    assert "This field is required." not in page


def test_certificate_says_valid_once(module: Module, world: World) -> None:
    enrolment = enrolment_start(user=world.care_worker, module=module)
    for lesson in module.lessons.order_by("order"):
        finish_lesson(enrolment, lesson)
    certificate = Certificate.objects.get()
    page = (
        client_for(world.care_worker)
        .get(reverse("learning:certificate_detail", kwargs={"certificate_id": certificate.pk}))
        .content.decode()
    )
    assert "geldig tot" in page
    assert "✓" not in page  # the ok alert draws its own tick


def test_filters_do_not_say_not_saved(world: World) -> None:
    page = (
        client_for(world.care_worker)
        .get(reverse("learning:catalogue"), {"max_minutes": "-5"})
        .content.decode()
    )
    assert "Kijk nog even naar het volgende:" in page
    assert "Nog niet opgeslagen" not in page


def test_lead_without_organisation_is_not_told_to_ask_for_an_invitation(world: World) -> None:
    page = client_for(world.lead).get(reverse("overview:dashboard")).content.decode()
    assert "uit te nodigen" not in page
    assert reverse("community:lead_organisation_list") in page


def test_catalogue_folds_the_filters_unless_one_is_used(world: World) -> None:
    client = client_for(world.care_worker)
    page = client.get(reverse("learning:catalogue")).content.decode()
    assert '<details class="carai-details carai-filters__more">' in page
    page = client.get(reverse("learning:catalogue"), {"role": "manager"}).content.decode()
    assert '<details class="carai-details carai-filters__more" open>' in page
