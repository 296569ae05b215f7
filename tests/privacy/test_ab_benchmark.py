"""benchmarks.privacy.ab loads the engine of a git revision beside the working tree's."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from benchmarks.privacy.ab import _source_at, base_engine_class
from carai.privacy import engine as here
from carai.privacy import patterns as here_patterns


def _git_reads_head() -> bool:
    try:
        _source_at("HEAD", "carai/privacy/patterns.py")
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


pytestmark = pytest.mark.skipif(
    not _git_reads_head(), reason="no git repository here (or git refuses to read it)"
)


@pytest.fixture
def _clean_modules() -> Iterator[None]:
    yield
    for name in ("carai.privacy.engine_base", "carai.privacy.patterns_base"):
        sys.modules.pop(name, None)


@pytest.mark.usefixtures("_clean_modules")
def test_the_base_engine_is_a_second_module_with_its_own_patterns() -> None:
    base = base_engine_class("HEAD")
    assert base is not here.PrivacyEngine
    assert base.__module__ == "carai.privacy.engine_base"
    module = sys.modules["carai.privacy.engine_base"]
    patterns = sys.modules["carai.privacy.patterns_base"]
    assert getattr(module, "patterns") is patterns  # noqa: B009 (a module mypy cannot see)
    assert patterns is not here_patterns
    # the base's candidates are of its own patterns module, not the working tree's
    assert getattr(module, "Candidate") is getattr(patterns, "Candidate")  # noqa: B009


def test_an_unknown_revision_stops_with_git_s_error() -> None:
    with pytest.raises(subprocess.CalledProcessError):
        base_engine_class("no-such-revision-0000")
