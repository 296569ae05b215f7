"""Reads the AI maturity model from ``content/maturity/model.yaml`` (pure Python).

Strict, like the other content readers: a missing key, a missing language, a stage without
a statement or a rating outside the scale refuses the whole file with the reason, so that a
broken model never half-loads.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("nl", "en")
MODEL_FILE = Path(__file__).resolve().parents[2] / "content" / "maturity" / "model.yaml"


class ModelError(ValueError):
    pass


@dataclass(frozen=True)
class Link:
    url: str  # a URL name such as "learning:catalogue"
    needs_slug: bool  # the URL takes the organisation's slug
    label: dict[str, str]


@dataclass(frozen=True)
class Statement:
    key: str  # "<dimension>.<stage>"
    dimension: str
    stage: str
    text: dict[str, str]


@dataclass(frozen=True)
class Dimension:
    key: str
    name: dict[str, str]
    statements: tuple[Statement, ...]  # in stage order
    advice: dict[str, str]
    links: tuple[Link, ...]
    sources: tuple[dict[str, str], ...]  # each in every language


@dataclass(frozen=True)
class MaturityModel:
    version: str
    stages: tuple[tuple[str, dict[str, str]], ...]  # (key, names) from low to high
    scale: tuple[tuple[int, dict[str, str]], ...]
    dimensions: tuple[Dimension, ...]

    @property
    def stage_keys(self) -> tuple[str, ...]:
        return tuple(key for key, _names in self.stages)

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for d in self.dimensions for s in d.statements)

    @property
    def ratings(self) -> tuple[int, ...]:
        return tuple(value for value, _names in self.scale)


def _texts(raw: dict[str, Any], where: str) -> dict[str, str]:
    texts = {}
    for language in LANGUAGES:
        value = raw.get(language)
        if not isinstance(value, str) or not value.strip():
            raise ModelError(f"{where}: the {language!r} text is missing.")
        texts[language] = value.strip()
    return texts


def _require(raw: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(raw, dict) or not isinstance(raw.get(key), kind):
        raise ModelError(f"{where}: {key!r} is missing or not a {kind.__name__}.")
    return raw[key]


def parse_model(raw: Any) -> MaturityModel:
    version = str(_require(raw, "version", str, "model"))
    stages = tuple(
        (str(_require(s, "key", str, "stage")), _texts(s, f"stage {s.get('key')}"))
        for s in _require(raw, "stages", list, "model")
    )
    stage_keys = [key for key, _ in stages]
    if len(set(stage_keys)) != len(stage_keys) or not stage_keys:
        raise ModelError("model: the stages must be unique and at least one.")
    scale = tuple(
        (int(_require(s, "value", int, "scale")), _texts(s, f"scale {s.get('value')}"))
        for s in _require(raw, "scale", list, "model")
    )
    values = [value for value, _ in scale]
    if values != list(range(1, len(values) + 1)) or len(values) < 2:
        raise ModelError("model: the scale must count up from 1.")
    dimensions = []
    seen: set[str] = set()
    for d in _require(raw, "dimensions", list, "model"):
        key = str(_require(d, "key", str, "dimension"))
        where = f"dimension {key}"
        if key in seen:
            raise ModelError(f"{where}: appears twice.")
        seen.add(key)
        raw_statements = _require(d, "statements", dict, where)
        if set(raw_statements) != set(stage_keys):
            raise ModelError(f"{where}: needs exactly one statement per stage {stage_keys}.")
        statements = tuple(
            Statement(
                key=f"{key}.{stage}",
                dimension=key,
                stage=stage,
                text=_texts(raw_statements[stage], f"{where}, {stage}"),
            )
            for stage in stage_keys
        )
        links = tuple(
            Link(
                url=str(_require(link, "url", str, f"{where}, link")),
                needs_slug=bool(link.get("slug", False)),
                label=_texts(link, f"{where}, link {link.get('url')}"),
            )
            for link in d.get("links") or []
        )
        sources = tuple(
            _texts(s, f"{where}, source") if isinstance(s, dict) else {}
            for s in _require(d, "sources", list, where)
        )
        if not all(sources):
            raise ModelError(f"{where}: give each source in every language (nl and en).")
        if not sources:
            raise ModelError(f"{where}: name at least one source.")
        dimensions.append(
            Dimension(
                key=key,
                name=_texts(d, where),
                statements=statements,
                advice=_texts(_require(d, "advice", dict, where), f"{where}, advice"),
                links=links,
                sources=sources,
            )
        )
    if not dimensions:
        raise ModelError("model: no dimensions.")
    return MaturityModel(version=version, stages=stages, scale=scale, dimensions=tuple(dimensions))


def read_model(path: Path) -> MaturityModel:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"{path.name}: {exc}") from exc
    try:
        return parse_model(raw)
    except ModelError as exc:
        raise ModelError(f"{path.name}: {exc}") from exc


@functools.cache
def shipped_model() -> MaturityModel:
    """The model CARAI ships (read once per process)."""
    return read_model(MODEL_FILE)


# Survey templates (content/surveys/*.yaml) ----------------------------------------------

SURVEY_DIR = MODEL_FILE.parents[1] / "surveys"
ITEM_KINDS = ("likert", "single", "multiple", "number", "text")


@dataclass(frozen=True)
class TemplateItem:
    code: str
    kind: str
    text: dict[str, str]
    choices: tuple[dict[str, str], ...]
    scale: str


@dataclass(frozen=True)
class SurveyTemplate:
    key: str
    title: dict[str, str]
    source: str
    items: tuple[TemplateItem, ...]


def parse_survey_template(raw: Any, where: str) -> SurveyTemplate:
    key = str(_require(raw, "key", str, where))
    items = []
    codes: set[str] = set()
    for item in _require(raw, "items", list, where):
        code = str(_require(item, "code", str, f"{where}, item"))
        kind = str(_require(item, "kind", str, f"{where}, {code}"))
        if kind not in ITEM_KINDS:
            raise ModelError(f"{where}, {code}: unknown kind {kind!r}.")
        if code in codes:
            raise ModelError(f"{where}: item code {code!r} appears twice.")
        codes.add(code)
        choices = tuple(_texts(c, f"{where}, {code}, choice") for c in item.get("choices") or [])
        if kind in ("single", "multiple") and len(choices) < 2:
            raise ModelError(f"{where}, {code}: a choice item needs at least two choices.")
        items.append(
            TemplateItem(
                code=code,
                kind=kind,
                text=_texts(item, f"{where}, {code}"),
                choices=choices,
                scale=str(item.get("scale") or ""),
            )
        )
    return SurveyTemplate(
        key=key,
        title=_texts(_require(raw, "title", dict, where), f"{where}, title"),
        source=str(_require(raw, "source", str, where)),
        items=tuple(items),
    )


@functools.cache
def survey_templates() -> tuple[SurveyTemplate, ...]:
    """The shipped survey templates, by file name."""
    templates = []
    for path in sorted(SURVEY_DIR.glob("*.yaml")):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ModelError(f"{path.name}: {exc}") from exc
        templates.append(parse_survey_template(raw, path.name))
    return tuple(templates)
