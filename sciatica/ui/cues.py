"""The end of a hold, felt and heard where the browser allows: a short buzz and a soft beep.

One fixed script, reviewed as it stands here: it holds no text from the person or from a file,
only the numbers below. It follows the pattern of `alerts.scroll_here` (st.html with
JavaScript allowed). Browsers play sound only on a page the person has touched (pressing Start
counts) and vibrate only on devices that can; where either is refused nothing happens, and the
page's own change (the green "Hold done" notice) says it all the same. Each cue also counts
itself on the page (`data-hold-cues` on the document), so a browser test can tell it ran.
"""

from __future__ import annotations

from itertools import count

import streamlit as st

_CUES = count()
_CUE_JS = """<script>
(() => {{
  let w = window;
  try {{ if (window.parent && window.parent.document) w = window.parent; }} catch (e) {{}}
  const root = w.document.documentElement;
  root.dataset.holdCues = String(Number(root.dataset.holdCues || 0) + 1);
  try {{ if (w.navigator.vibrate) w.navigator.vibrate([180, 90, 180]); }} catch (e) {{}}
  try {{
    const Audio = w.AudioContext || w.webkitAudioContext;
    if (!Audio) return;
    const audio = w.__sciaticaAudio || (w.__sciaticaAudio = new Audio());
    if (audio.state === "suspended") audio.resume();
    const tone = audio.createOscillator();
    const level = audio.createGain();
    const start = audio.currentTime;
    tone.type = "sine";
    tone.frequency.value = 660;
    level.gain.setValueAtTime(0.0001, start);
    level.gain.exponentialRampToValueAtTime(0.2, start + 0.03);
    level.gain.exponentialRampToValueAtTime(0.0001, start + 0.4);
    tone.connect(level).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.45);
  }} catch (e) {{}}
}})();
</script><span data-cue="{nonce}"></span>"""


def hold_done_cue() -> None:
    """Buzz and beep once, now (where the browser allows it)."""
    st.html(_CUE_JS.format(nonce=next(_CUES)), unsafe_allow_javascript=True, width="content")
