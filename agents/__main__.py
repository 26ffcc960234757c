"""``python -m agents``: the same as the ``copydesk`` command."""

from agents.cli import main

raise SystemExit(main())
