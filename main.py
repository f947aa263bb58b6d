"""Start ALL Explainer: python main.py [--topic ID] [--level child|family|clinic] [--fullscreen]"""

from allexplainer.app import main

if __name__ == "__main__":
    raise SystemExit(main())
