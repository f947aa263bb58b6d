"""Clinic mode: settings that IT fixes for a shared computer, read from a system-wide file."""
