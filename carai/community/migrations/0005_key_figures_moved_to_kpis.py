# The key-figure models moved to the kpis app; their tables stay (kpis 0001 takes them over).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0004_kpi_snapshots"),
        ("kpis", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="KpiDataVersion"),
                migrations.DeleteModel(name="KpiSnapshot"),
                migrations.DeleteModel(name="KpiTarget"),
            ]
        )
    ]
