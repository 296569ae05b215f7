"""core.memo.ProcessMemo: the one per-process memo behind the remembering template tags, the
CSP header and the WSGI handler's URL matches."""

from __future__ import annotations

from pathlib import Path

from django.test import override_settings
from django.utils.autoreload import file_changed

from carai.core.memo import ProcessMemo, any_setting, settings_named


def test_it_is_emptied_whole_when_full() -> None:
    memo: ProcessMemo[int, str] = ProcessMemo(limit=3, forget_when=any_setting)
    for n in range(3):
        assert memo.remember(n, str(n)) == str(n)
    assert dict(memo) == {0: "0", 1: "1", 2: "2"}
    memo.remember(3, "3")
    assert dict(memo) == {3: "3"}


def test_only_the_settings_it_names_empty_it() -> None:
    memo: ProcessMemo[str, str] = ProcessMemo(limit=10, forget_when=settings_named("STATIC_URL"))
    memo.remember("a", "1")
    with override_settings(TIME_ZONE="UTC"):
        assert memo == {"a": "1"}
    with override_settings(STATIC_URL="/elders/"):
        assert memo == {}


def test_any_setting_empties_a_memo_that_depends_on_all() -> None:
    memo: ProcessMemo[str, str] = ProcessMemo(limit=10, forget_when=any_setting)
    memo.remember("a", "1")
    with override_settings(TIME_ZONE="UTC"):
        assert memo == {}


def test_a_changed_catalogue_empties_only_a_memo_of_translations() -> None:
    texts: ProcessMemo[str, str] = ProcessMemo(limit=10, forget_when=any_setting, catalogue=True)
    urls: ProcessMemo[str, str] = ProcessMemo(limit=10, forget_when=any_setting)
    texts.remember("a", "1")
    urls.remember("a", "1")
    file_changed.send(sender=None, file_path=Path("locale/en/LC_MESSAGES/django.py"))
    assert texts == {"a": "1"}  # not a catalogue
    file_changed.send(sender=None, file_path=Path("locale/en/LC_MESSAGES/django.mo"))
    assert texts == {}
    assert urls == {"a": "1"}
