"""The app's pages, in navigation order: app.py builds its navigation from PAGES.

The sidebar on a wide screen and the worded bar on a phone (sciatica/ui/navigation.py) both
list every page here, so a page added to PAGES is one tap away everywhere.

Titles are in English, marked for translation; app.py shows them in the person's language.

Plain data and no Streamlit, so that anything which needs the list of pages (the benchmark
measures every one of them) reads this tuple instead of parsing app.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from sciatica.i18n import N_


@dataclass(frozen=True, slots=True)
class PageSpec:
    """What app.py hands to `st.Page` for one page."""

    file: str  # the page's script, relative to app.py, e.g. "pages/check_in.py"
    title: str  # the navigation's label and the tab's title, marked N_: app.py translates it
    icon: str  # a Material Symbols name, e.g. ":material/home:"
    url_path: str | None = None  # None only for the default page, which lives at the root URL
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/today.py", N_("Today"), ":material/home:", default=True),
    PageSpec("pages/check_in.py", N_("Check-in"), ":material/edit_note:", "check-in"),
    PageSpec("pages/exercises.py", N_("Exercises"), ":material/self_improvement:", "exercises"),
    PageSpec("pages/routine.py", N_("Routine"), ":material/event_repeat:", "routine"),
    PageSpec("pages/session.py", N_("Session"), ":material/timer:", "session"),
    PageSpec("pages/progress.py", N_("Progress"), ":material/monitoring:", "progress"),
    PageSpec("pages/my_data.py", N_("My data"), ":material/folder_shared:", "data"),
    PageSpec("pages/safety.py", N_("Safety"), ":material/health_and_safety:", "safety"),
)
