"""matplotlib pictures of diagram stages: PNG, SVG, GIF and colouring sheets."""
