"""Qt widgets: they show content models and never parse files themselves."""
