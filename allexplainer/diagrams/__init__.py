"""Animated diagrams: a pure timeline engine (scenes, keyframes, layout) and a matplotlib renderer.

Only ``render`` and ``artists`` import matplotlib; nothing here imports Qt.
"""
