"""``{% url %}`` remembers what it reversed, and answers exactly as Django's own tag."""

from __future__ import annotations

import pytest
from django.template import Context, Template, engines
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from carai.core.templatetags import carai_urls
from carai.core.templatetags.carai_urls import RememberedURLNode, reverse_remembered


def render(text: str, **context: object) -> str:
    return engines["django"].from_string(text).render(context)


def test_the_site_templates_use_the_remembering_tag() -> None:
    template = engines["django"].from_string("{% url 'learning:catalogue' %}")
    nodes = template.template.nodelist  # type: ignore[attr-defined]
    assert isinstance(nodes[0], RememberedURLNode)


def test_same_urls_as_reverse_with_and_without_arguments() -> None:
    carai_urls._MEMO.clear()
    for _ in range(2):  # the second time from the memo
        assert render("{% url 'learning:catalogue' %}") == reverse("learning:catalogue")
        assert render("{% url 'learning:module_detail' module_id=3 %}") == reverse(
            "learning:module_detail", kwargs={"module_id": 3}
        )
        assert render("{% url 'learning:module_detail' 4 %}") == reverse(
            "learning:module_detail", args=[4]
        )
        assert render("{% url 'learning:module_detail' module_id=n %}", n="5") == reverse(
            "learning:module_detail", kwargs={"module_id": 5}
        )
    assert len(carai_urls._MEMO) == 4


def test_as_variable_escaping_and_errors_as_django() -> None:
    assert render("{% url 'nope:nothing' as u %}[{{ u }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'nope:nothing' %}")
    assert (
        render("{% url 'learning:catalogue' as u %}<a href='{{ u }}'>")
        == f"<a href='{reverse('learning:catalogue')}'>"
    )
    plain = Template("{% url 'learning:catalogue' %}")  # outside the site's engine: Django's
    assert plain.render(Context()) == reverse("learning:catalogue")


def test_other_arguments_are_not_remembered() -> None:
    carai_urls._MEMO.clear()

    class Pk:
        def __str__(self) -> str:
            return "7"

    url = reverse_remembered("learning:module_detail", [Pk()], {}, None)
    assert url == reverse("learning:module_detail", args=[7])
    assert carai_urls._MEMO == {}


def test_a_new_url_conf_forgets_and_keys_on_it() -> None:
    reverse_remembered("learning:catalogue", [], {}, None)
    assert carai_urls._MEMO
    with override_settings(ROOT_URLCONF="benchmarks.web.urls"):
        assert carai_urls._MEMO == {}
        assert render("{% url 'learning:catalogue' %}") == reverse("learning:catalogue")
        assert carai_urls._MEMO
    assert carai_urls._MEMO == {}


def test_the_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    carai_urls._MEMO.clear()
    monkeypatch.setattr(carai_urls._MEMO, "limit", 3)
    for n in range(10):
        assert reverse_remembered("learning:module_detail", [n], {}, None) == reverse(
            "learning:module_detail", args=[n]
        )
        assert len(carai_urls._MEMO) <= 3
