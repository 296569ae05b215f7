"""What insights keeps about a person, for their own-data export and for erasing their
account (see ``carai.accounts.personal_data``).

Maturity answers hang on the person's invitation. Survey answers carry no name: they are
found through the person's pseudonymous key for each survey they were sent. Erasing deletes
both (results of past rounds and surveys are worked out anew without them).
"""

from __future__ import annotations

from typing import Any

from carai.accounts.models import User
from carai.accounts.personal_data import iso
from carai.insights.models import MaturityInvite, SurveyResponse


def maturity_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "organisation": invite.round.organisation.name,
            "round": invite.round.title,
            "answered_at": iso(invite.answered_at),
            "answers": dict(invite.answers.values_list("statement", "rating")),
        }
        for invite in MaturityInvite.objects.filter(user=user).select_related("round__organisation")
    ]


def maturity_erase(user: User) -> None:
    MaturityInvite.objects.filter(user=user).delete()


def _own_responses(user: User) -> list[SurveyResponse]:
    found: list[SurveyResponse] = []
    for recipient in user.survey_invitations.select_related("survey"):
        survey = recipient.survey
        key = survey.key_of(user.pk)
        found.extend(SurveyResponse.objects.filter(survey=survey, respondent_key=key))
    return found


def surveys_export(user: User) -> list[dict[str, Any]]:
    responses = {r.survey_id: r for r in _own_responses(user)}
    out = []
    for recipient in user.survey_invitations.select_related("survey"):
        response = responses.get(recipient.survey_id)
        out.append(
            {
                "survey": recipient.survey.title,
                "answered_at": iso(response.submitted_at) if response else None,
                "answers": {
                    a.item.code: a.choices or a.text_masked or a.text or a.number
                    for a in response.answers.select_related("item")
                }
                if response
                else {},
            }
        )
    return out


def surveys_erase(user: User) -> None:
    for response in _own_responses(user):
        response.delete()
    user.survey_invitations.all().delete()
