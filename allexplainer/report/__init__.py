"""Report a problem with this page: a plain-text note for the app's team, written offline."""
