"""Does the password-reset page answer in the same time whether or not the account exists?

    DATABASE_URL=postgres://... python -m benchmarks.faults.reset_timing [rounds]

Against a migrated database (it adds one fictional account and removes it afterwards),
with the database task backend (queuing is a row insert, as without REDIS_URL) and the
throttles lifted, it posts the form ``rounds`` times (default 300) for an address that has
an account and for one that has not, alternating, through Django's whole request handling
(test client, no network), and prints the median and 90th percentile of each.
"""

from __future__ import annotations

import os
import statistics
import sys
import time


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "carai.settings")
    os.environ["CARAI_ENV"] = "development"
    os.environ["CARAI_TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    os.environ["CARAI_RESET_PER_ADDRESS"] = str(10 * rounds)
    os.environ["CARAI_RESET_PER_CLIENT"] = str(10 * rounds)
    os.environ["AXES_ENABLED"] = "false"
    import django

    django.setup()
    from django.test import Client
    from django_tasks_db.models import DBTaskResult

    from carai.accounts.models import User

    known = "tijdmeting@zorg-fout.example"  # fictional
    unknown = "bestaat-niet@zorg-fout.example"
    user = User.objects.create_user(known, "Tijdmeting-2026-lang", full_name="Tijd Meting")
    client = Client()
    times: dict[str, list[float]] = {known: [], unknown: []}
    try:
        for _ in range(20):  # warm up
            client.post("/account/wachtwoord-vergeten/", {"email": unknown})
        for _ in range(rounds):
            for email in (known, unknown):
                started = time.perf_counter()
                response = client.post("/account/wachtwoord-vergeten/", {"email": email})
                times[email].append((time.perf_counter() - started) * 1000)
                assert response.status_code == 302, response.status_code
    finally:
        user.delete()
        DBTaskResult.objects.filter(task_path__endswith="password_reset_email_send").delete()
    for label, email in (("account exists", known), ("no such account", unknown)):
        values = sorted(times[email])
        p90 = values[int(len(values) * 0.9)]
        print(f"{label:16} median {statistics.median(values):6.2f} ms   p90 {p90:6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
