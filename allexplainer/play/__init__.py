"""Play mode's rules, in plain Python: building a CAR T-cell and finding CD19 flags.

Nothing here imports Qt or matplotlib, so the rules and the words can be tested on their
own and the widgets in ``allexplainer.play._qt`` only draw what these models say. The package
imports none of its modules itself: the window imports play mode only when a child opens it
(its characters need numpy, which would slow the app's start).
"""
