"""Safety: when to get help, when to stop an exercise, and where the advice comes from."""

import streamlit as st

from sciatica import ui
from sciatica.diary.models import TriageLevel
from sciatica.diary.safety import cited_sources, safety_content
from sciatica.diary.triage import advice, content, emergency_dial, signs_for
from sciatica.ui import alerts

store, user = ui.store(), ui.user_id()
safety = safety_content()
numbers = content().emergency_numbers

st.title("Safety")
ui.show_flash()
alerts.disclaimer()

codes = list(numbers)
chosen = store.get_country(user_id=user) or "default"
country = st.selectbox(
    "Your country (for the emergency number)",
    codes,
    index=codes.index(chosen) if chosen in codes else 0,
    format_func=lambda code: f"{numbers[code].name}: {numbers[code].number}",
)
if country != chosen:
    store.set_country(user_id=user, country=None if country == "default" else country)
    st.toast("Saved your country.")

st.header("About me", anchor="about-me")
answers = store.get_about_me(user_id=user)
alerts.show_cautions(answers)
alerts.about_me_form(key="safety")

for level in (TriageLevel.EMERGENCY, TriageLevel.URGENT):
    code = None if country == "default" else country
    text = advice(level, country=code)
    signs = signs_for(level)
    box = st.error if level is TriageLevel.EMERGENCY else st.warning
    box(f"**{text.title}** if you have any of these:\n" + "".join(f"\n- {s}" for s in signs))
    st.markdown(ui.dial_links(text.text, emergency_dial(code)))
    if level is TriageLevel.EMERGENCY:
        alerts.emergency_link(code, key="safety")

for section in safety.sections:
    st.header(section.title)
    st.markdown("\n".join(f"- {point}" for point in section.points))

st.header("Questions people ask")
for item in safety.faq:
    with st.expander(item.question):
        st.markdown(item.answer)

st.header("Sources")
st.markdown("\n".join(f"- {source.cite()}" for source in cited_sources()))
