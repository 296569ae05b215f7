"""The event form says what it asks: a place or an online link (or both), never "optional"
for a field it then demands."""

from __future__ import annotations

from django.urls import reverse

from tests.conftest import World, client_for


def test_place_and_link_say_one_of_them_is_needed(world: World) -> None:
    page = client_for(world.lead).get(reverse("community:event_create")).content.decode()
    for name in ("place", "online_url"):
        label = page.split(f'for="id_{name}"', 1)[1].split("</label>", 1)[0]
        assert "niet verplicht" not in label
        help_text = page.split(f'id="id_{name}_help"', 1)[1].split("</div>", 1)[0]
        assert "Geef een plek, een onlinelink of allebei." in help_text
    materials = page.split('for="id_materials"', 1)[1].split("</label>", 1)[0]
    assert "niet verplicht" in materials  # really optional fields still say so
