"""What a process remembers of work that gives the same answer every time: one kind of memo
for every such place (the template tags ``{% trans %}``, ``{% static %}``, ``{% url %}`` and
``{% remembered %}``, the Content-Security-Policy header, the WSGI handler's URL matches).

A :class:`ProcessMemo` is a plain ``dict`` with three rules:

- it holds at most ``limit`` entries and is emptied whole when it is full (the answers that
  are asked for on every page come back at once; no bookkeeping per entry);
- it is emptied when a setting its answers depend on changes (``forget_when`` says which;
  only the tests change settings in a running process);
- with ``catalogue=True`` it is emptied when a translation catalogue (``.mo``) changes, which
  the development server reloads without a restart.

Only for answers that are the same for everyone who asks with the same key: the key holds
everything the answer depends on (the language, the URL conf ...). Threads share the memo; a
lost race only computes an answer twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.signals import setting_changed
from django.utils.autoreload import file_changed

K = TypeVar("K")
V = TypeVar("V")


def any_setting(_setting: str) -> bool:
    """``forget_when`` for answers that any setting may change."""
    return True


def settings_named(*names: str) -> Callable[[str], bool]:
    """``forget_when`` for answers that only these settings change."""
    wanted = frozenset(names)
    return wanted.__contains__


class ProcessMemo(dict[K, V]):
    def __init__(
        self, *, limit: int, forget_when: Callable[[str], bool], catalogue: bool = False
    ) -> None:
        super().__init__()
        self.limit = limit
        self._forget_when = forget_when
        # The memo lives as long as the process: no weak references needed.
        setting_changed.connect(self._on_setting_changed, weak=False)
        if catalogue:
            file_changed.connect(self._on_file_changed, weak=False)

    def remember(self, key: K, value: V) -> V:
        """Keep ``value`` under ``key`` (emptying the memo first when it is full)."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value

    def _on_setting_changed(self, *, setting: str, **_kwargs: Any) -> None:
        if self._forget_when(setting):
            self.clear()

    def _on_file_changed(self, *, file_path: Any, **_kwargs: Any) -> None:
        if str(file_path).endswith(".mo"):
            self.clear()
