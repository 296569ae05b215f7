"""Read the fictional practice cases (``content/cases/<key>/<language>/case.yaml``).

Pure Python: no database here. The format is described in docs/cases.md. Every text the
case points at (identifiers, facts to keep) must occur exactly as written, and every AI
answer is written out by hand as the units the learner judges (sentences or fragments, each
with its problem, if any). Nothing is ever cut at full stops. A case that breaks a rule is
refused with a message naming the file, the place and the text.
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
_SPACES = re.compile(r"\s+")


class CaseError(ValueError):
    """A case file is not in the expected format; the message names file and problem."""


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, but a key written twice in one mapping is an error: otherwise the
    second 'problem:' or 'explanation:' of a unit would silently win."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is written twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@dataclass
class Identifier:
    text: str
    label: str


@dataclass
class Unit:
    """One sentence or fragment of an AI answer: one tick box for the learner."""

    text: str
    problem: str = ""  # "" when the unit is right, else one of PROBLEM_KINDS
    explanation: str = ""  # why it is wrong (required with a problem) or why it is right


@dataclass
class Block:
    """A paragraph of the AI answer: an optional heading (not judged) and its units."""

    heading: str = ""
    units: list[Unit] = field(default_factory=list)


@dataclass
class AiOutput:
    prompt: str
    answer: list[Block]

    @property
    def units(self) -> list[Unit]:
        """Every unit in reading order; a unit's position is its tick box's number."""
        return [unit for block in self.answer for unit in block.units]

    @property
    def problem_numbers(self) -> list[int]:
        return [number for number, unit in enumerate(self.units) if unit.problem]


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


def mentions(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as written, ignoring case and spacing, and as
    whole words: the name "Eva" is not in "ST-elevatie". Used by the checks here and by
    the scoring, so a model answer that passes the checks also scores 100 %."""
    wanted = _SPACES.sub(" ", phrase).strip().lower()
    if not wanted:
        return False
    pattern = re.escape(wanted)
    if wanted[0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if wanted[-1].isalnum():
        pattern += r"(?!\w)"
    return re.search(pattern, _SPACES.sub(" ", text).lower()) is not None


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CaseError(f"{where}: '{key}' is missing or empty.")
    return value.strip()


def _only(data: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        allowed_list = ", ".join(sorted(allowed))
        raise CaseError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {allowed_list}.")


def _line(value: Any, where: str, what: str) -> str:
    """A non-empty text on one line (spaces inside are kept as written)."""
    if not isinstance(value, str) or not value.strip():
        raise CaseError(f"{where}: the {what} is empty.")
    if "\n" in value.strip():
        raise CaseError(f"{where}: the {what} runs over more than one line: '{value.strip()}'.")
    return value.strip()


def _unit(raw: Any, where: str) -> Unit:
    if isinstance(raw, str):
        return Unit(text=_line(raw, where, "unit"))
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: a unit is a text, or a mapping with text, problem, explanation.")
    _only(raw, {"text", "problem", "explanation"}, where)
    text = _line(raw.get("text"), where, "unit")
    problem = raw.get("problem", "")
    explanation = raw.get("explanation", "")
    if not isinstance(explanation, str):
        raise CaseError(f"{where} ('{text}'): the explanation must be a text.")
    if problem is None or (problem and problem not in PROBLEM_KINDS):
        raise CaseError(
            f"{where} ('{text}'): problem '{problem}' is unknown; use one of "
            f"{', '.join(sorted(PROBLEM_KINDS))}, or leave it out when the unit is right."
        )
    if problem and not explanation.strip():
        raise CaseError(f"{where} ('{text}'): a unit with a problem needs an explanation.")
    return Unit(text=text, problem=str(problem), explanation=explanation.strip())


def _block(raw: Any, where: str) -> Block:
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: a block is a mapping with a heading and/or units.")
    _only(raw, {"heading", "units"}, where)
    heading = _line(raw["heading"], where, "heading") if raw.get("heading") else ""
    units_raw = raw.get("units") or []
    if not isinstance(units_raw, list):
        raise CaseError(f"{where}: 'units' must be a list.")
    if not heading and not units_raw:
        raise CaseError(f"{where}: the block is empty (no heading, no units).")
    units = [_unit(item, f"{where}, unit {n}") for n, item in enumerate(units_raw, start=1)]
    seen: set[str] = set()
    for unit in units:
        same = _SPACES.sub(" ", unit.text).lower()
        if same in seen:
            raise CaseError(f"{where}: the unit '{unit.text}' occurs twice in this block.")
        seen.add(same)
    return Block(heading=heading, units=units)


def _output(raw: Any, where: str, identifiers: list[Identifier]) -> AiOutput:
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: an AI answer is a mapping with 'prompt' and 'answer'.")
    if "text" in raw or "problems" in raw:
        raise CaseError(
            f"{where}: this is the old format ('text' + 'problems'). Write the answer out as "
            "'answer' blocks with their units by hand; see docs/cases.md."
        )
    _only(raw, {"prompt", "answer"}, where)
    prompt = _line(raw.get("prompt"), where, "prompt")
    blocks_raw = raw.get("answer")
    if not isinstance(blocks_raw, list) or not blocks_raw:
        raise CaseError(f"{where}: 'answer' must list the blocks of the AI answer.")
    output = AiOutput(
        prompt=prompt,
        answer=[_block(item, f"{where}, block {n}") for n, item in enumerate(blocks_raw, start=1)],
    )
    if not output.problem_numbers:
        raise CaseError(f"{where}: plant at least one problem (a unit with 'problem').")
    shown = [prompt] + [b.heading for b in output.answer] + [u.text for u in output.units]
    for identifier in identifiers:
        for text in shown:
            if mentions(text, identifier.text):
                raise CaseError(
                    f"{where}: '{identifier.text}' identifies the client; the AI only saw the "
                    f"prepared text, so it cannot be in its answer ('{text}')."
                )
    return output


def case_from_mapping(data: dict[str, Any], where: str) -> CaseData:
    """Check a case (from its file, or as stored in the database) and return it."""
    key, language = _text(data, "key", where), _text(data, "language", where)
    if not KEY.match(key):
        raise CaseError(f"{where}: the key '{key}' may hold lower case, digits and hyphens.")
    if language not in {"nl", "en"}:
        raise CaseError(f"{where}: the language '{language}' must be nl or en.")
    branch = _text(data, "branch", where)
    if branch not in BRANCHES:
        raise CaseError(f"{where}: branch must be one of {sorted(BRANCHES)}.")
    dossier = _text(data, "dossier", where)
    model_answer = _text(data, "model_answer", where)
    identifiers = []
    for item in data.get("identifiers") or []:
        text, label = str(item.get("text", "")), str(item.get("label", ""))
        if label not in LABELS:
            raise CaseError(f"{where}: identifier label '{label}' is unknown.")
        if not text or text not in dossier:
            raise CaseError(f"{where}: identifier '{text}' does not occur in the dossier.")
        if mentions(model_answer, text):
            raise CaseError(f"{where}: identifier '{text}' is still in the model answer.")
        identifiers.append(Identifier(text=text, label=label))
    if not identifiers:
        raise CaseError(f"{where}: list the identifiers in the dossier.")
    keep = [str(fact) for fact in data.get("keep") or []]
    for fact in keep:
        if fact not in dossier or fact not in model_answer:
            raise CaseError(f"{where}: fact to keep '{fact}' must be in dossier and model answer.")
    outputs_raw = data.get("ai_outputs") or []
    if not isinstance(outputs_raw, list) or not outputs_raw:
        raise CaseError(f"{where}: a case needs at least one AI answer in 'ai_outputs'.")
    outputs = [
        _output(raw, f"{where}: AI answer {number}", identifiers)
        for number, raw in enumerate(outputs_raw, start=1)
    ]
    return CaseData(
        key=key,
        language=language,
        title=_text(data, "title", where),
        branch=branch,
        setting=str(data.get("setting") or ""),
        situation=_text(data, "situation", where),
        dossier=dossier,
        task=_text(data, "task", where),
        identifiers=identifiers,
        keep=keep,
        model_answer=model_answer,
        ai_outputs=outputs,
    )


CASE_KEYS = {
    "key",
    "language",
    "title",
    "branch",
    "setting",
    "fictional",
    "situation",
    "dossier",
    "task",
    "identifiers",
    "keep",
    "model_answer",
    "ai_outputs",
}


def read_case(path: Path) -> CaseData:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        raise CaseError(f"{path}: this is not valid YAML ({exc}).") from exc
    if not isinstance(data, dict):
        raise CaseError(f"{path}: the file must be a YAML mapping.")
    if data.get("fictional") is not True:
        raise CaseError(f"{path}: a case must say 'fictional: true'.")
    _only(data, CASE_KEYS, str(path))
    case = case_from_mapping(data, str(path))
    if path.parent.parent.name != case.key:
        raise CaseError(f"{path}: the key '{case.key}' must match its folder name.")
    if path.parent.name != case.language:
        raise CaseError(f"{path}: the language '{case.language}' must match its folder.")
    return case


def read_cases(root: Path) -> list[CaseData]:
    """Every case below ``root/cases/``, sorted by key and language."""
    folder = root / "cases"
    if not folder.is_dir():
        return []
    return [read_case(path) for path in sorted(folder.glob("*/*/case.yaml"))]
