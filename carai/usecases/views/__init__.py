"""The use-case pages, one module per area (see urls.py)."""
