"""Every write for learning, one module per area: content packs (``content``), a learner's
progress and certificates (``progress``), quizzes (``quiz``), assignments
(``assignments``), making modules in the platform (``authoring``) and workshop sessions
(``workshops``)."""
