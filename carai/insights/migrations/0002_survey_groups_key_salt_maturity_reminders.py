"""Survey groups by use-case team and cycle, maturity reminders, and a key salt per survey
chain instead of SECRET_KEY.

Existing responses were stored under HMAC(sha256("carai-survey-pseudonym:" + SECRET_KEY),
"survey:<chain>:<user>"). Each first measurement gets its own random salt (copied to its
after-measurements), and every response whose old key belongs to one of the survey's
recipients is stored again under the new key, so pairs, withdrawal, the own-data export and
erasure keep working. Run it with the SECRET_KEY the answers were given under.
"""

import hashlib
import hmac
import secrets

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import carai.insights.models


def _old_key(chain_id, user_id):
    secret = hashlib.sha256(f"carai-survey-pseudonym:{settings.SECRET_KEY}".encode()).digest()
    message = f"survey:{chain_id}:{user_id}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:20]


def _new_key(salt, chain_id, user_id):
    message = f"survey:{chain_id}:{user_id}".encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()[:20]


def salts_and_keys(apps, schema_editor):
    Survey = apps.get_model("insights", "Survey")
    SurveyRecipient = apps.get_model("insights", "SurveyRecipient")
    SurveyResponse = apps.get_model("insights", "SurveyResponse")
    for first in Survey.objects.filter(pre_survey__isnull=True).order_by("pk"):
        salt = secrets.token_hex(32)
        chain = list(Survey.objects.filter(models.Q(pk=first.pk) | models.Q(pre_survey=first)))
        Survey.objects.filter(pk__in=[s.pk for s in chain]).update(key_salt=salt)
        for survey in chain:
            user_ids = SurveyRecipient.objects.filter(survey=survey).values_list(
                "user_id", flat=True
            )
            for user_id in user_ids:
                SurveyResponse.objects.filter(
                    survey=survey, respondent_key=_old_key(first.pk, user_id)
                ).update(respondent_key=_new_key(salt, first.pk, user_id))


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("usecases", "0002_join_requests"),
    ]

    operations = [
        migrations.AddField(
            model_name="maturityround",
            name="reminded_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="survey",
            name="cycle",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="usecases.cycle",
            ),
        ),
        migrations.AddField(
            model_name="survey",
            name="key_salt",
            field=models.CharField(
                default=carai.insights.models.new_key_salt, editable=False, max_length=64
            ),
        ),
        migrations.AddField(
            model_name="survey",
            name="use_case",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="usecases.usecase",
            ),
        ),
        migrations.RunPython(salts_and_keys, migrations.RunPython.noop, elidable=True),
    ]
