"""The demo data of insights: a finished maturity round and a pre/post survey at Lindehof."""

from __future__ import annotations

from carai.community.demo import load_demo_community
from carai.insights import releases, results, selectors
from carai.insights.demo import COMMUNITY_TITLE, POST_TITLE, ROUND_TITLE, load_demo_insights
from carai.insights.models import MaturityRound, Survey


def test_demo_round_and_survey_show_results_and_load_once(db: None) -> None:
    load_demo_community()
    load_demo_insights()
    load_demo_insights()  # running it again makes nothing new
    maturity_round = MaturityRound.objects.get(title=ROUND_TITLE)
    result = selectors.round_result(maturity_round=maturity_round)
    assert maturity_round.is_closed
    assert result.dimensions is not None
    assert result.answered == 5
    post = Survey.objects.get(title=POST_TITLE)
    outcome = results.survey_results(survey=post)
    assert outcome.visible
    assert outcome.changes
    literacy = next(c for c in outcome.changes if c.label == "ai_literacy")
    assert literacy.change.mean_change > 0

    community = Survey.objects.get(title=COMMUNITY_TITLE)
    assert community.is_community
    assert Survey.objects.filter(title=COMMUNITY_TITLE).count() == 1
    assert community.recipients.values("organisation").distinct().count() > 1
    published = releases.published_results(survey=community)
    assert published.visible
    assert published.respondents >= 5
    assert published.scales  # the work-pleasure scale shows for the whole community
