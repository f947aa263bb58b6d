"""Allow ``python -m allexplainer``."""

from allexplainer.app import main

raise SystemExit(main())
