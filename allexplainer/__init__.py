"""ALL Explainer: an offline app that explains childhood ALL treatment and research."""

__version__ = "0.2.0"
