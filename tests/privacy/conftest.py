"""What the privacy engine's tests share: the one engine of the test run (loaded once)."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine, get_engine


@pytest.fixture(scope="session")
def engine() -> PrivacyEngine:
    return get_engine()
