"""Printing and saving dialogs for the take-home feature."""
