"""The voice: the computer's own offline speech engine, driven one sentence at a time."""
