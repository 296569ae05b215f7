"""Every write of insights: ``maturity`` (self-assessment rounds) and ``surveys``."""
