"""Set the test provider up from the tests: ``python -m tests.oidc_provider.tool <command>``."""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.oidc_provider.settings")
django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402


def main(command: str, *args: str) -> None:
    if command == "client":
        client_id, secret, *redirect_uris = args
        Application.objects.create(
            name="CARAI (test)",
            client_id=client_id,
            client_secret=secret,
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(redirect_uris),
            algorithm=Application.RS256_ALGORITHM,
            skip_authorization=True,
        )
    elif command == "user":
        username, email, password, first, last, *groups = args
        user = User.objects.create_user(
            username=username, email=email, password=password, first_name=first, last_name=last
        )
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
    elif command == "redirect":
        application = Application.objects.get(client_id=args[0])
        application.redirect_uris = f"{application.redirect_uris} {args[1]}"
        application.save(update_fields=["redirect_uris"])
    elif command == "disable":
        User.objects.filter(username=args[0]).update(is_active=False)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:])
