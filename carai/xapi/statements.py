"""xAPI 1.0.3 statements for what happens in CARAI, built from plain values.

Verbs and activity types come from published vocabularies: the ADL verbs and activity types
(``http://adlnet.gov/expapi/...``, the ones cmi5 also uses for completed/passed/failed),
"earned" from the xAPI registry (``http://id.tincanapi.com/verb/earned``) and the Activity
Streams badge type. Activity ids are stable URLs: a module by its key (the same for both
languages and every version), a lesson by its module key and slug, a case by its key.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

VERBS: dict[str, tuple[str, str, str]] = {
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "completed", "afgerond"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "passed", "geslaagd"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "failed", "niet geslaagd"),
    "attended": ("http://adlnet.gov/expapi/verbs/attended", "attended", "aanwezig geweest"),
    "earned": ("http://id.tincanapi.com/verb/earned", "earned", "behaald"),
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "simulation": "http://adlnet.gov/expapi/activities/simulation",
    "meeting": "http://adlnet.gov/expapi/activities/meeting",
    "badge": "http://activitystrea.ms/schema/1.0/badge",
}
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


@dataclass(frozen=True)
class Activity:
    id: str
    kind: str  # a key of ACTIVITY_TYPES
    name: str
    language: str = "nl"

    def as_object(self) -> dict[str, Any]:
        return {
            "objectType": "Activity",
            "id": self.id,
            "definition": {
                "type": ACTIVITY_TYPES[self.kind],
                "name": {LANGUAGE_TAGS.get(self.language, self.language): self.name},
            },
        }


@dataclass(frozen=True)
class Happening:
    """Something a learner did, once: ``key`` names it uniquely (it makes the statement id,
    so recording it twice sends it once)."""

    key: str
    verb: str  # a key of VERBS
    activity: Activity
    timestamp: datetime
    score: int | None = None  # percentage
    success: bool | None = None
    parent: Activity | None = None


def pseudonym(*, salt: str, user_id: int) -> str:
    """A stable name for a learner in one organisation's LRS that says nothing about them
    and differs between organisations (each LRS has its own salt)."""
    return hmac.new(salt.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()[:24]


def actor_pseudonym(*, home_page: str, name: str) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": name}}


def actor_email(*, email: str, name: str) -> dict[str, Any]:
    actor: dict[str, Any] = {"objectType": "Agent", "mbox": f"mailto:{email}"}
    if name:
        actor["name"] = name
    return actor


def statement_id(*, lrs_id: int, key: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"carai:xapi:{lrs_id}:{key}")


def statement(*, happening: Happening, actor: dict[str, Any], lrs_id: int) -> dict[str, Any]:
    verb_id, english, dutch = VERBS[happening.verb]
    body: dict[str, Any] = {
        "id": str(statement_id(lrs_id=lrs_id, key=happening.key)),
        "actor": actor,
        "verb": {"id": verb_id, "display": {"en-US": english, "nl-NL": dutch}},
        "object": happening.activity.as_object(),
        "timestamp": happening.timestamp.isoformat(),
        "context": {
            "platform": "CARAI",
            "language": LANGUAGE_TAGS.get(happening.activity.language, "nl-NL"),
        },
    }
    if happening.parent is not None:
        body["context"]["contextActivities"] = {"parent": [happening.parent.as_object()]}
    result: dict[str, Any] = {}
    if happening.score is not None:
        score = max(0, min(100, happening.score))
        result["score"] = {"scaled": score / 100, "raw": score, "min": 0, "max": 100}
    if happening.success is not None:
        result["success"] = happening.success
    if happening.verb in ("completed", "passed"):
        result["completion"] = True
    if result:
        body["result"] = result
    return body
