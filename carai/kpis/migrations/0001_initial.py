# Takes over the key-figure tables the community app made (state only; no table changes).

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("community", "0004_kpi_snapshots"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="KpiDataVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("value", models.PositiveBigIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "community_kpidataversion",
                    },
                ),
                migrations.CreateModel(
                    name="KpiSnapshot",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=200, unique=True)),
                        ("figures", models.JSONField(default=dict)),
                        ("data_version", models.PositiveBigIntegerField(null=True)),
                        ("computed_at", models.DateTimeField(null=True)),
                        ("seconds", models.FloatField(default=0)),
                        ("requested_version", models.PositiveBigIntegerField(null=True)),
                        ("requested_at", models.DateTimeField(null=True)),
                    ],
                    options={
                        "db_table": "community_kpisnapshot",
                    },
                ),
                migrations.CreateModel(
                    name="KpiTarget",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "key",
                            models.CharField(
                                choices=[
                                    ("professionals", "Care professionals reached"),
                                    ("students", "Students reached"),
                                    ("educators", "Educators and researchers reached"),
                                    ("use_cases", "Use cases"),
                                    ("modules", "Learning modules"),
                                ],
                                max_length=20,
                                unique=True,
                            ),
                        ),
                        ("value", models.PositiveIntegerField(verbose_name="target")),
                    ],
                    options={
                        "db_table": "community_kpitarget",
                    },
                ),
            ]
        )
    ]
