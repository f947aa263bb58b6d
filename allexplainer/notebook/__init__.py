"""The family's own questions for the care team: a pure model and its safe storage."""
