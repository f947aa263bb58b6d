"""Presenter mode's pure parts: the slide order across topics, notes, and screen layout."""
