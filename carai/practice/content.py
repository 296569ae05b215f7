"""Read the fictional practice cases (``content/cases/<key>/<language>/case.yaml``).

Pure Python: no database here. The format is described in docs/cases.md. Every text the
case points at (identifiers, facts to keep, quoted problems) must occur exactly as written,
or the case is refused with a message naming the file and the text.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from carai.privacy import LABELS

BRANCHES = {
    "vvt",
    "disability",
    "ggz",
    "hospital",
    "primary",
    "youth",
    "welfare",
    "rehabilitation",
}
PROBLEM_KINDS = {"invented", "omission", "dose", "bias", "source"}
KEY = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")


class CaseError(ValueError):
    """A case file is not in the expected format; the message names file and problem."""


@dataclass
class Identifier:
    text: str
    label: str


@dataclass
class Problem:
    quote: str
    kind: str
    explanation: str


@dataclass
class AiOutput:
    prompt: str
    text: str
    problems: list[Problem]


@dataclass
class CaseData:
    key: str
    language: str
    title: str
    branch: str
    setting: str
    situation: str
    dossier: str
    task: str
    identifiers: list[Identifier]
    keep: list[str]
    model_answer: str
    ai_outputs: list[AiOutput] = field(default_factory=list)

    def content_hash(self) -> str:
        blob = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()


def _text(data: dict[str, Any], key: str, where: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CaseError(f"{where}: '{key}' is missing or empty.")
    return value.strip()


def read_case(path: Path) -> CaseData:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CaseError(f"{path}: this is not valid YAML ({exc}).") from exc
    if not isinstance(data, dict):
        raise CaseError(f"{path}: the file must be a YAML mapping.")
    if data.get("fictional") is not True:
        raise CaseError(f"{path}: a case must say 'fictional: true'.")
    key, language = _text(data, "key", path), _text(data, "language", path)
    if not KEY.match(key) or path.parent.parent.name != key:
        raise CaseError(f"{path}: the key '{key}' must match its folder name.")
    if language not in {"nl", "en"} or path.parent.name != language:
        raise CaseError(f"{path}: the language '{language}' must match its folder (nl or en).")
    branch = _text(data, "branch", path)
    if branch not in BRANCHES:
        raise CaseError(f"{path}: branch must be one of {sorted(BRANCHES)}.")
    dossier = _text(data, "dossier", path)
    model_answer = _text(data, "model_answer", path)
    identifiers = []
    for item in data.get("identifiers") or []:
        text, label = str(item.get("text", "")), str(item.get("label", ""))
        if label not in LABELS:
            raise CaseError(f"{path}: identifier label '{label}' is unknown.")
        if not text or text not in dossier:
            raise CaseError(f"{path}: identifier '{text}' does not occur in the dossier.")
        if text in model_answer:
            raise CaseError(f"{path}: identifier '{text}' is still in the model answer.")
        identifiers.append(Identifier(text=text, label=label))
    if not identifiers:
        raise CaseError(f"{path}: list the identifiers in the dossier.")
    keep = [str(fact) for fact in data.get("keep") or []]
    for fact in keep:
        if fact not in dossier or fact not in model_answer:
            raise CaseError(f"{path}: fact to keep '{fact}' must be in dossier and model answer.")
    outputs = []
    for number, raw in enumerate(data.get("ai_outputs") or [], start=1):
        text = str(raw.get("text", "")).strip()
        problems = []
        for problem in raw.get("problems") or []:
            quote, kind = str(problem.get("quote", "")), str(problem.get("kind", ""))
            if kind not in PROBLEM_KINDS:
                raise CaseError(f"{path}: output {number}: problem kind '{kind}' is unknown.")
            if not quote or quote not in text:
                raise CaseError(f"{path}: output {number}: '{quote}' is not in the output.")
            problems.append(
                Problem(quote=quote, kind=kind, explanation=str(problem.get("explanation", "")))
            )
        if not text or not problems:
            raise CaseError(f"{path}: output {number} needs a text and its problems.")
        outputs.append(AiOutput(prompt=str(raw.get("prompt", "")), text=text, problems=problems))
    return CaseData(
        key=key,
        language=language,
        title=_text(data, "title", path),
        branch=branch,
        setting=str(data.get("setting", "")),
        situation=_text(data, "situation", path),
        dossier=dossier,
        task=_text(data, "task", path),
        identifiers=identifiers,
        keep=keep,
        model_answer=model_answer,
        ai_outputs=outputs,
    )


def read_cases(root: Path) -> list[CaseData]:
    """Every case below ``root/cases/``, sorted by key and language."""
    folder = root / "cases"
    if not folder.is_dir():
        return []
    return [read_case(path) for path in sorted(folder.glob("*/*/case.yaml"))]
