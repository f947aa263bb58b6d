"""Allow ``python -m allexplainer``."""

from .app import main

raise SystemExit(main())
