"""Reading aloud: sentence splitting and the queue (plain Python), and the voice (``_qt``)."""
