from tests.signin.provider import oidc_provider  # noqa: F401  (the fixture)
from tests.signin.saml_provider import saml_provider  # noqa: F401  (the fixture)
