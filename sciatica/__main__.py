"""Command line: `python -m sciatica demo-data | export | import`."""

from sciatica.cli import main

raise SystemExit(main())
