"""A module-level name of the privacy engine is bound once. Python lets a second
``NAME = ...`` silently replace the first, so every function that reads the name then gets
the second value (round 21 found two such pairs: ``_ARTICLE_BEFORE`` and
``_DEPARTMENT_WORDS``). A new binding that reads the old value (``X = gated("...", X)``)
wraps it and is allowed; ``X += ...`` adds to it and is allowed too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import carai.privacy.engine
import carai.privacy.patterns


def rebound_names(source: str) -> list[str]:
    """The module-level names bound a second time by an assignment that does not read them."""
    seen: set[str] = set()
    rebound: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        read = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in seen and target.id not in read:
                    rebound.append(target.id)
                seen.add(target.id)
    return rebound


@pytest.mark.parametrize("module", [carai.privacy.engine, carai.privacy.patterns])
def test_no_module_level_name_is_bound_twice(module: object) -> None:
    path = Path(str(getattr(module, "__file__", "")))
    assert rebound_names(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_second_binding() -> None:
    assert rebound_names("A = 1\nB = 2\nA = 3\n") == ["A"]
    assert rebound_names("A = 1\nA = wrap(A)\nA += 2\n") == []
