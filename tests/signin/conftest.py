from tests.signin.provider import oidc_provider  # noqa: F401  (the fixture)
