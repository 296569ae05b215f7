"""Attempts keep what their feedback page shows; cases in the old format wait for re-import.

Until now an output attempt stored only the numbers of the ticked sentences, and its
feedback page cut the case's current AI text at every full stop (also after "dhr.", "ca.")
to find them again. That cut was wrong, so the feedback per sentence was not reliable, and
now that AI answers are written out by hand as units in the case pack (docs/cases.md), the
numbers no longer point at the same sentences at all.

So every earlier output attempt gets, once, the sentences the learner ticked, as they were
shown then (cut the old way from the case as it is still stored, before `cases_import`
replaces it), and is marked `legacy`: its page shows the score it got, what was ticked and
why there is no feedback per sentence, and invites the learner to do the exercise again.
Score and pass stay as they were (a passed exercise stays passed). A privacy attempt gets
the model answer it was compared with.

Cases still stored in the old format are hidden (is_active=False) until `cases_import`
brings them in again in the new format, which makes them visible again.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import migrations

_OLD_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")  # the old cut, kept only for history


def _old_sentences(text: str) -> list[str]:
    return [part.strip() for part in _OLD_SENTENCE_END.split(text) if part.strip()]


def _ticked_then(output: dict[str, Any], ticked: set[int]) -> list[str]:
    parts = _old_sentences(str(output.get("text", "")))
    return [sentence for number, sentence in enumerate(parts) if number in ticked]


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list) else int(value or 0)


def _is_old(data: dict[str, Any]) -> bool:
    return any("text" in output for output in data.get("ai_outputs", []))


def forwards(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("practice", "Case")
    PracticeAttempt = apps.get_model("practice", "PracticeAttempt")
    for attempt in PracticeAttempt.objects.select_related("case").iterator():
        feedback = dict(attempt.feedback or {})
        data = attempt.case.data or {}
        if attempt.exercise == "privacy":
            if "model_answer" in feedback:
                continue
            feedback["model_answer"] = data.get("model_answer", "")
        else:
            if "blocks" in feedback:
                continue
            outputs = data.get("ai_outputs", [])
            ticked = {int(n) for n in (attempt.answer or {}).get("ticked", [])}
            output = outputs[attempt.output_number] if attempt.output_number < len(outputs) else {}
            # Only an old-format answer can be cut the way the learner saw it.
            feedback["ticked_then"] = _ticked_then(output, ticked) if "text" in output else []
            feedback["blocks"] = []
            feedback["found"] = _count(feedback.get("found"))
            feedback["missed"] = _count(feedback.get("missed"))
            feedback["false_alarms"] = _count(feedback.get("false_alarms"))
            feedback["legacy"] = True
        attempt.feedback = feedback
        attempt.save(update_fields=["feedback"])
    for case in Case.objects.filter(is_active=True):
        if _is_old(case.data or {}):
            case.is_active = False
            case.content_hash = ""
            case.save(update_fields=["is_active", "content_hash"])


def backwards(apps: Any, schema_editor: Any) -> None:
    """The stored feedback may stay; old-format cases become visible again."""
    Case = apps.get_model("practice", "Case")
    for case in Case.objects.filter(is_active=False, content_hash=""):
        if _is_old(case.data or {}):
            case.is_active = True
            case.save(update_fields=["is_active"])


class Migration(migrations.Migration):
    dependencies = [("practice", "0001_cases_and_attempts")]

    operations = [migrations.RunPython(forwards, backwards)]
