"""Read and write content packs (Markdown + YAML). Pure Python: no database access here.

The format is described in docs/content-packs.md.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

LESSON_FILE = re.compile(
    r"^(?P<order>\d+)-(?P<slug>[a-z0-9][a-z0-9-]*)(?P<suffix>\.quiz\.yaml|\.md)$"
)
KINDS = {"text", "image", "video", "reflection", "quiz", "workshop", "practice", "sandbox"}
QUESTION_KINDS = {"single", "multiple", "true_false"}


class ContentError(ValueError):
    """A content pack file is not in the expected format; the message names file and problem."""


@dataclass
class OptionData:
    text: str
    correct: bool
    feedback: str


@dataclass
class QuestionData:
    kind: str
    text: str
    options: list[OptionData]


@dataclass
class LessonData:
    slug: str
    order: int
    kind: str
    title: str
    body: str = ""
    required: bool = True
    video_url: str = ""
    transcript: str = ""
    practice_case: str = ""
    practice_exercise: str = ""
    image: str = ""
    alt: str = ""
    pass_mark: int = 70
    max_attempts: int | None = None
    shuffle: bool = True
    questions: list[QuestionData] = field(default_factory=list)


@dataclass
class ModuleFields:
    """What a module is about and for whom: everything but its key and its lessons."""

    language: str
    title: str
    summary: str
    objectives: list[str]
    roles: list[str]
    levels: list[str]
    branches: list[str]
    estimated_minutes: int
    format: str
    licence: str
    validity_months: int
    references: list[dict[str, Any]]


@dataclass
class ModuleData(ModuleFields):
    """A whole module as a content pack holds it."""

    key: str
    lessons: list[LessonData]

    def content_hash(self) -> str:
        blob = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()


def _load_yaml(text: str, where: Path) -> Any:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError(f"{where}: this is not valid YAML ({exc}).") from exc
    return data if data is not None else {}


def _require(data: dict[str, Any], key: str, where: Path) -> Any:
    if key not in data or data[key] in (None, ""):
        raise ContentError(f"{where}: '{key}' is missing.")
    return data[key]


def _front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ContentError(f"{path}: a lesson starts with a '---' line and YAML front matter.")
    try:
        head, body = text[4:].split("\n---", 1)
    except ValueError as exc:
        raise ContentError(f"{path}: the front matter has no closing '---' line.") from exc
    meta = _load_yaml(head, path)
    if not isinstance(meta, dict):
        raise ContentError(f"{path}: the front matter must be a YAML mapping.")
    return meta, body.lstrip("-").strip() + "\n"


def _questions(raw: Any, where: Path) -> list[QuestionData]:
    if not isinstance(raw, list) or not raw:
        raise ContentError(f"{where}: a quiz needs a list of questions.")
    questions = []
    for number, item in enumerate(raw, start=1):
        spot = f"{where} question {number}"
        kind = str(_require(item, "kind", where))
        if kind not in QUESTION_KINDS:
            raise ContentError(f"{spot}: kind must be one of {sorted(QUESTION_KINDS)}.")
        options = [
            OptionData(
                text=str(_require(o, "text", where)),
                correct=bool(o.get("correct", False)),
                feedback=str(o.get("feedback", "")),
            )
            for o in item.get("options") or []
        ]
        correct = sum(o.correct for o in options)
        if len(options) < 2:
            raise ContentError(f"{spot}: give at least two options.")
        if kind in {"single", "true_false"} and correct != 1:
            raise ContentError(f"{spot}: exactly one option must be correct.")
        if kind == "multiple" and correct < 2:
            raise ContentError(f"{spot}: a multiple-answer question needs two or more correct.")
        questions.append(
            QuestionData(kind=kind, text=str(_require(item, "text", where)), options=options)
        )
    return questions


def read_lesson(path: Path) -> LessonData:
    match = LESSON_FILE.match(path.name)
    if match is None:
        raise ContentError(f"{path}: lesson files are named NN-slug.md or NN-slug.quiz.yaml.")
    order, slug = int(match["order"]), match["slug"]
    if match["suffix"] == ".quiz.yaml":
        data = _load_yaml(path.read_text(encoding="utf-8"), path)
        max_attempts = data.get("max_attempts")
        return LessonData(
            slug=slug,
            order=order,
            kind="quiz",
            title=str(_require(data, "title", path)),
            body=str(data.get("intro", "")),
            required=bool(data.get("required", True)),
            pass_mark=int(data.get("pass_mark", 70)),
            max_attempts=int(max_attempts) if max_attempts else None,
            shuffle=bool(data.get("shuffle", True)),
            questions=_questions(data.get("questions"), path),
        )
    meta, body = _front_matter(path)
    kind = str(meta.get("kind", "text"))
    if kind not in KINDS - {"quiz"}:
        raise ContentError(
            f"{path}: kind must be text, image, video, reflection, workshop, practice or sandbox."
        )
    if kind == "practice" and not (meta.get("case") and meta.get("exercise")):
        raise ContentError(f"{path}: a practice lesson names its 'case' and 'exercise'.")
    if kind == "sandbox" and not meta.get("case"):
        raise ContentError(f"{path}: a sandbox lesson names its 'case'.")
    return LessonData(
        slug=slug,
        order=order,
        kind=kind,
        title=str(_require(meta, "title", path)),
        body=body,
        required=bool(meta.get("required", True)),
        video_url=str(meta.get("video_url", "")),
        transcript=str(meta.get("transcript", "")),
        practice_case=str(meta.get("case", "")),
        practice_exercise=str(meta.get("exercise", "")),
        image=str(meta.get("image", "")),
        alt=str(meta.get("alt", "")),
    )


def _audience(audience: dict[str, Any], key: str) -> list[str]:
    return sorted({str(value) for value in audience.get(key) or []})


def read_module(folder: Path) -> ModuleData:
    """Read one ``content/modules/<key>/<language>/`` folder."""
    meta_path = folder / "module.yaml"
    if not meta_path.exists():
        raise ContentError(f"{folder}: module.yaml is missing.")
    meta = _load_yaml(meta_path.read_text(encoding="utf-8"), meta_path)
    audience = meta.get("audience") or {}
    lessons = sorted(
        (read_lesson(p) for p in folder.iterdir() if p.name != "module.yaml" and p.is_file()),
        key=lambda lesson: lesson.order,
    )
    if not lessons:
        raise ContentError(f"{folder}: a module needs at least one lesson.")
    slugs = [lesson.slug for lesson in lessons]
    if len(set(slugs)) != len(slugs):
        raise ContentError(f"{folder}: two lessons have the same name.")
    return ModuleData(
        key=str(_require(meta, "key", meta_path)),
        language=str(_require(meta, "language", meta_path)),
        title=str(_require(meta, "title", meta_path)),
        summary=str(_require(meta, "summary", meta_path)).strip(),
        objectives=[str(o) for o in meta.get("objectives") or []],
        # The audience is a set: read in one order (the order the platform stores and
        # exports), so that a pack exported and imported again is the same data.
        roles=_audience(audience, "roles"),
        levels=_audience(audience, "levels"),
        branches=_audience(audience, "branches"),
        estimated_minutes=int(meta.get("estimated_minutes", 30)),
        format=str(meta.get("format", "e-learning")),
        licence=str(meta.get("licence", "CC BY-SA 4.0")),
        validity_months=int(meta.get("validity_months", 24)),
        references=[dict(r) for r in meta.get("references") or []],
        lessons=lessons,
    )


def read_pack(root: Path) -> list[ModuleData]:
    """Every module in a pack: ``root/modules/<key>/<language>/``."""
    modules_dir = root / "modules"
    if not modules_dir.is_dir():
        raise ContentError(f"{root}: no 'modules' folder.")
    return [
        read_module(language_dir)
        for module_dir in sorted(modules_dir.iterdir())
        if module_dir.is_dir()
        for language_dir in sorted(module_dir.iterdir())
        if language_dir.is_dir()
    ]


def write_module(module: ModuleData, root: Path) -> Path:
    """Write a module back to the pack format (the inverse of :func:`read_module`)."""
    folder = root / "modules" / module.key / module.language
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file() and (old.suffix in {".md", ".yaml"}):
            old.unlink()
    meta = {
        "key": module.key,
        "language": module.language,
        "title": module.title,
        "summary": module.summary,
        "objectives": module.objectives,
        "audience": {"roles": module.roles, "levels": module.levels, "branches": module.branches},
        "estimated_minutes": module.estimated_minutes,
        "format": module.format,
        "licence": module.licence,
        "validity_months": module.validity_months,
        "references": module.references,
    }
    (folder / "module.yaml").write_text(_dump(meta), encoding="utf-8")
    for lesson in module.lessons:
        stem = f"{lesson.order:02d}-{lesson.slug}"
        if lesson.kind == "quiz":
            quiz = {
                "kind": "quiz",
                "title": lesson.title,
                "pass_mark": lesson.pass_mark,
                "max_attempts": lesson.max_attempts,
                "shuffle": lesson.shuffle,
                "questions": [
                    {
                        "kind": q.kind,
                        "text": q.text,
                        "options": [asdict(o) for o in q.options],
                    }
                    for q in lesson.questions
                ],
            }
            (folder / f"{stem}.quiz.yaml").write_text(_dump(quiz), encoding="utf-8")
            continue
        front: dict[str, Any] = {"kind": lesson.kind, "title": lesson.title}
        if not lesson.required:
            front["required"] = False
        for extra in ("video_url", "transcript", "image", "alt"):
            if getattr(lesson, extra):
                front[extra] = getattr(lesson, extra)
        if lesson.practice_case:
            front["case"] = lesson.practice_case
            if lesson.practice_exercise:
                front["exercise"] = lesson.practice_exercise
        (folder / f"{stem}.md").write_text(
            f"---\n{_dump(front)}---\n{lesson.body.strip()}\n", encoding="utf-8"
        )
    return folder


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
