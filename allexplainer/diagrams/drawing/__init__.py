"""The diagrams drawn with matplotlib: the scene renderer, its artists, labels and legend.

Importing this package first leaves matplotlib's per-class ``set()`` help unbuilt
(``set_help``): import it before anything else of matplotlib's, as the canvas, the warm-up and
the take-home pictures do, and matplotlib loads about a third faster.
"""

from allexplainer.diagrams.drawing.set_help import leave_set_help_unbuilt

leave_set_help_unbuilt()
