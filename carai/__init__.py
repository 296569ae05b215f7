"""CARAI: the learning community platform for AI literacy in Dutch care and welfare."""
