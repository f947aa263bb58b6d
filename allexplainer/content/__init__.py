"""Pure-Python content layer: topics, glossary, quizzes. No Qt widgets, no matplotlib."""
