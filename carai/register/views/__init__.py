"""The AI tool register pages, one module per area (see urls.py)."""
