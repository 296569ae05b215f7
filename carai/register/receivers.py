"""Signal receivers that outdate the register's cached list (``selectors.register_scope``)."""

from __future__ import annotations

from typing import Any

from carai.register.selectors import register_changed


def tool_or_guideline_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    register_changed(organisation_id=instance.organisation_id)
