"""Pages of insights: maturity self-assessment and surveys."""
