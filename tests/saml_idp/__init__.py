"""A fictional SAML 2.0 identity provider on pysaml2 for the sign-in tests (its own process)."""
