"""What an action did, where the eye is: the one way every page shows a result.

A result is drawn in a keyed container and scrolled into view in the browser, so on a phone
(375 px) a person who pressed a button far down the page sees what it did without scrolling:

- `result(message, key=...)`: success, a notice or a refusal, drawn at this spot (under the
  button pressed) and brought into view;
- `scroll_here(key)`: bring any keyed container into view (advice after a save, say).

`sciatica.ui.flash` uses `result` for the message it carries to the top of the next run (a
routine saved, a file imported, the data deleted, About me saved), so those come into view
the same way.
"""

from __future__ import annotations

from enum import StrEnum
from itertools import count

import streamlit as st

_SCROLLS = count()
# Scroll the block into view once it is drawn, and again while the page may still be settling
# (a slow phone or a busy machine can lay out the rest of the page later).
_SCROLL_JS = """<script>
(() => {{
  const show = () => {{
    const here = window.parent.document.querySelector(".st-key-{key}")
      || document.querySelector(".st-key-{key}");
    if (here) here.scrollIntoView({{block: "{block}", behavior: "instant"}});
  }};
  for (const wait of [50, 400, 1000, 2000]) setTimeout(show, wait);
  // On a slow device the page may still be drawing after those: once more when its run ends.
  const app = window.parent.document.querySelector("[data-testid='stApp']");
  if (app) {{
    const ended = new MutationObserver(() => {{
      if (app.getAttribute("data-test-script-state") === "notRunning") {{
        show();
        ended.disconnect();
      }}
    }});
    ended.observe(app, {{attributes: true, attributeFilter: ["data-test-script-state"]}});
    setTimeout(() => ended.disconnect(), 10000);
  }}
}})();
</script><span data-scroll="{nonce}"></span>"""


class Kind(StrEnum):
    """How a result reads: done, a notice (done, with something to know), or refused."""

    DONE = "done"
    NOTICE = "notice"
    REFUSED = "refused"


def scroll_here(key: str, *, block: str = "nearest") -> None:
    """Bring the container with this key into view in the browser (after a save, say)."""
    script = _SCROLL_JS.format(key=key, block=block, nonce=next(_SCROLLS))
    st.html(script, unsafe_allow_javascript=True, width="content")


def result(message: str, *, key: str, kind: Kind = Kind.DONE) -> None:
    """Show what an action did at this spot and bring it into view (clear of any header)."""
    with st.container(key=key):
        if kind is Kind.DONE:
            st.success(message, icon=":material/check_circle:")
        elif kind is Kind.NOTICE:
            st.info(message, icon=":material/update:")
        else:
            st.error(message, icon=":material/error:")
    scroll_here(key, block="center")
