"""Something to take home: handouts, pictures, animations and colouring sheets."""
