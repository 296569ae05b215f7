"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py carai.wsgi``.

The privacy engine (deduce, about 1 GB) is loaded once in the master before the workers
fork (preload_app), so the workers share its memory pages instead of each loading a copy.
"""

import os

bind = os.environ.get("CARAI_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("CARAI_WORKERS", "3"))
preload_app = True
raw_env = ["CARAI_PRIVACY_WARMUP=wait"]
os.environ.setdefault("CARAI_PRIVACY_WARMUP", "wait")
