"""Find personal data in Dutch text and pseudonymise it. Pure Python: no Django imports.

Use :func:`get_engine` once per process (it loads deduce, about 1 GB), then
``get_engine().analyse(text)``.
"""

from carai.privacy.engine import (
    LABELS,
    NO_PERSONAL_DATA,
    PERSONAL_DATA,
    SPECIAL_CATEGORY,
    PrivacyEngine,
    Result,
    Span,
    get_engine,
    pseudonymise,
)

__all__ = [
    "LABELS",
    "NO_PERSONAL_DATA",
    "PERSONAL_DATA",
    "SPECIAL_CATEGORY",
    "PrivacyEngine",
    "Result",
    "Span",
    "get_engine",
    "pseudonymise",
]
