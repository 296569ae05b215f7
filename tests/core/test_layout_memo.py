"""The layout's remembered fragments, ``{% translate %}`` and ``{% static %}``: the same HTML
as rendering everything afresh, per language, menu state and person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from unittest import mock

import pytest
from django.template import TemplateSyntaxError, engines
from django.templatetags.i18n import TranslateNode
from django.templatetags.static import StaticNode
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from carai.accounts.models import User
from carai.core.templatetags import carai, carai_i18n, carai_static
from carai.core.templatetags.carai import RememberedNode
from carai.core.templatetags.carai_i18n import RememberedTranslateNode
from carai.core.templatetags.carai_static import RememberedStaticNode
from tests.conftest import World, client_for

PAGES = ["overview:dashboard", "learning:catalogue", "practice:case_list", "accounts:profile"]


def render(source: str, **context: object) -> str:
    return engines["django"].from_string(source).render(context)


def forget_all() -> None:
    carai._FRAGMENTS.clear()
    carai_i18n._MEMO.clear()
    carai_static._MEMO.clear()


@contextmanager
def nothing_remembered() -> Iterator[None]:
    """Every remembering tag renders as Django's own (or the plain block) would."""
    with ExitStack() as stack:
        stack.enter_context(
            mock.patch.object(RememberedNode, "render", lambda self, c: self.nodelist.render(c))
        )
        stack.enter_context(
            mock.patch.object(RememberedTranslateNode, "render", TranslateNode.render)
        )
        stack.enter_context(mock.patch.object(RememberedStaticNode, "url", StaticNode.url))
        yield


def without_tokens(html: str) -> str:
    html = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1-", html)
    return re.sub(r'("X-CSRFToken": ")[^"]+', r"\1-", html)


def page(user: User, name: str, language: str) -> str:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    response = client_for(user).get(reverse(name))
    assert response.status_code == 200
    return without_tokens(response.content.decode())


def test_the_site_templates_use_the_remembering_tags() -> None:
    source = "{% load i18n static %}{% translate 'Menu' %}{% static 'css/carai.css' %}"
    nodes = engines["django"].from_string(source).template.nodelist  # type: ignore[attr-defined]
    assert isinstance(nodes[1], RememberedTranslateNode)
    assert isinstance(nodes[2], RememberedStaticNode)


@pytest.mark.django_db
def test_pages_are_the_same_as_rendered_afresh(world: World) -> None:
    """Two people (the lead has one menu item more), two languages, four menu items, in an
    order that lets each page meet fragments remembered for another."""
    forget_all()
    for language in ["nl", "en", "nl"]:
        for user in [world.care_worker, world.lead]:
            for name in PAGES:
                remembered = page(user, name, language)
                with nothing_remembered():
                    afresh = page(user, name, language)
                assert remembered == afresh, (user, name, language)
    assert carai._FRAGMENTS
    assert carai_i18n._MEMO
    assert carai_static._MEMO


@pytest.mark.django_db
def test_menu_follows_the_person_the_page_and_the_language(world: World) -> None:
    forget_all()
    lead = page(world.lead, "overview:dashboard", "nl")
    worker = page(world.care_worker, "overview:dashboard", "nl")
    assert "Communitybeheer" in lead
    assert "Communitybeheer" not in worker
    catalogue = page(world.care_worker, "learning:catalogue", "nl")
    assert 'aria-current="page">Mijn overzicht<' in worker
    assert 'aria-current="page">Leren<' in catalogue
    assert 'aria-current="page">Mijn overzicht<' not in catalogue
    english = page(world.care_worker, "learning:catalogue", "en")
    assert 'aria-current="page">Learn<' in english
    assert "Uitloggen" in catalogue
    assert "Log out" in english
    assert '<html lang="en"' in english
    assert 'aria-current="true"' in english


@pytest.mark.django_db
def test_the_forms_in_the_layout_keep_their_own_token_and_path(world: World) -> None:
    client = client_for(world.care_worker)

    def tokens(response: object) -> list[str]:
        html = response.content.decode()  # type: ignore[attr-defined]
        return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)

    first = tokens(client.get(reverse("overview:dashboard")))
    response = client.get(reverse("overview:dashboard") + "?q=a%26b")
    second = tokens(response)
    assert len(first) >= 2
    assert len(second) >= 2
    assert not set(first) & set(second)  # each response masks the token afresh
    path = reverse("overview:dashboard")
    assert f'name="next" value="{path}?q=a%26b"' in response.content.decode()


def test_translate_is_remembered_per_language_escaping_and_context() -> None:
    forget_all()
    for _ in range(2):
        with translation.override("nl"):
            assert render("{% load i18n %}{% translate 'Log out' %}") == "Uitloggen"
            assert render("{% load i18n %}{% translate 'Log out' as x %}[{{ x }}]") == (
                "[Uitloggen]"
            )
            assert render("{% load i18n %}{% translate 'Log out' noop %}") == "Log out"
            assert render("{% load i18n %}{% translate 'a & b' %}") == "a & b"  # as Django
            assert render("{% load i18n %}{% translate 'May' context 'abbrev. month' %}") == "mei"
        with translation.override("en"):
            assert render("{% load i18n %}{% translate 'Log out' %}") == "Log out"
            assert render("{% load i18n %}{% translate 'May' context 'abbrev. month' %}") == "May"


def test_translate_of_a_variable_or_with_filters_is_not_remembered() -> None:
    forget_all()
    with translation.override("nl"):
        assert render("{% load i18n %}{% translate text %}", text="Log out") == "Uitloggen"
        assert render("{% load i18n %}{% translate text %}", text="Menu") == "Menu"
        assert render("{% load i18n %}{% translate 'Log out'|upper %}") == "UITLOGGEN"
    assert not carai_i18n._MEMO


def test_static_is_remembered_until_the_static_settings_change() -> None:
    forget_all()
    assert render("{% load static %}{% static 'css/carai.css' %}") == "/static/css/carai.css"
    assert render("{% load static %}{% static 'a b.css' %}") == "/static/a%20b.css"
    with override_settings(STATIC_URL="/elders/"):
        assert render("{% load static %}{% static 'css/carai.css' %}") == "/elders/css/carai.css"
    assert render("{% load static %}{% static 'css/carai.css' %}") == "/static/css/carai.css"
    assert render("{% load static %}{% static p %}", p="x.css") == "/static/x.css"
    assert set(carai_static._MEMO) == {"css/carai.css"}  # emptied when the setting changed


def test_a_fragment_is_remembered_per_value_and_language_not_for_other_values() -> None:
    forget_all()
    text = (
        "{% load carai i18n %}"
        "{% remembered 'x' v %}{{ v }} {% translate 'Menu' %}{% endremembered %}"
    )
    with translation.override("nl"):
        assert render(text, v="a") == "a Menu"
        assert render(text, v="b") == "b Menu"
        assert render(text, v=True) == "True Menu"
        assert render(text, v=["not", "plain"]) == "[&#x27;not&#x27;, &#x27;plain&#x27;] Menu"
    with translation.override("en"):
        assert render(text, v="a") == "a Menu"
    assert len(carai._FRAGMENTS) == 4


@pytest.mark.parametrize(
    "inside",
    ["{% csrf_token %}", "{% block b %}{% endblock %}", "{% remembered 'y' %}{% endremembered %}"],
)
def test_a_fragment_may_not_hold_a_token_or_a_block(inside: str) -> None:
    with pytest.raises(TemplateSyntaxError, match="cannot hold"):
        render("{% load carai %}{% remembered 'x' %}<p>" + inside + "</p>{% endremembered %}")
