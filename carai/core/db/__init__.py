"""CARAI's database backend: Django's, with a cheaper check before a kept connection is reused."""
