"""Serve the app: `streamlit run app.py`, with bookmarked page links working from the start.

Usage: `python -m sciatica.ui.server [streamlit options]`, e.g. `--server.port 8501`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parents[2] / "app.py"


def main(argv: Sequence[str] | None = None) -> None:
    """Start the Streamlit server on app.py with the given options."""
    # Streamlit 1.67 decides once per process, when the first browser session arrives and
    # before app.py has run, whether a top-level pages/ folder is a legacy multipage app
    # (runtime/pages_manager.py). A first visit to a deep link such as /check-in then shows
    # "Page not found" (streamlit issue 9624). app.py always uses st.navigation, which sets
    # this same flag to False on its first run; setting it before the server starts makes
    # the very first session behave like every later one. The guard keeps this harmless if
    # a later Streamlit drops the flag.
    if getattr(PagesManager, "uses_pages_directory", False) is None:
        PagesManager.uses_pages_directory = False
    options = list(sys.argv[1:] if argv is None else argv)
    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
