"""Safety: when to get help, when to stop an exercise, and where the advice comes from.

Also the person's settings that safety depends on: their country (the emergency number) and
their language ("Language / Språk", named in both so that it is found in either).
"""

import streamlit as st

from sciatica import i18n, ui
from sciatica.diary.models import TriageLevel
from sciatica.diary.safety import cited_sources, safety_content
from sciatica.diary.triage import advice, content, dial_for, signs_for
from sciatica.i18n import _
from sciatica.ui import alerts

store, user = ui.store(), ui.user_id()
safety = safety_content()
numbers = content().emergency_numbers

st.title(_("Safety"))
ui.show_flash()
alerts.disclaimer()

codes = list(numbers)
shown = ui.chosen_country() or "default"
country = st.selectbox(
    _("Your country (for the emergency number)"),
    codes,
    index=codes.index(shown) if shown in codes else 0,
    format_func=lambda code: f"{numbers[code].name}: {numbers[code].number}",
)
if country != shown:
    store.set_country(user_id=user, country=country)  # "default" too: chosen over the browser
    st.toast(_("Saved your country."))

language = st.selectbox(
    "Language / Språk",
    i18n.LANGUAGES,
    index=i18n.LANGUAGES.index(i18n.current()),
    format_func=lambda code: i18n.NAMES[code],
)
if language != i18n.current():
    store.set_language(user_id=user, language=language)
    i18n.set_language(language)
    ui.flash(_("Saved your language."))

st.header(_("About me"), anchor="about-me")
answers = store.get_about_me(user_id=user)
alerts.show_cautions(answers)
alerts.about_me_form(key="safety")

place = ui.country()  # as chosen, else a guess from the browser that keeps 112, 999, 911
for level in (TriageLevel.EMERGENCY, TriageLevel.URGENT, TriageLevel.SOON):
    text = advice(level, country=place)
    signs = signs_for(level)
    box = st.error if level is TriageLevel.EMERGENCY else st.warning
    lead = _("**{title}** if you have any of these:").format(title=text.title)
    box(lead + "\n" + "".join(f"\n- {s}" for s in signs))
    st.markdown(ui.dial_links(text.text, dial_for(level, country=place)))
    if level is TriageLevel.EMERGENCY:
        alerts.emergency_link(place, key="safety")

for section in safety.sections:
    st.header(section.title)
    st.markdown("\n".join(f"- {point}" for point in section.points))

st.header(_("Questions people ask"))
for item in safety.faq:
    with st.expander(item.question):
        st.markdown(item.answer)

st.header(_("Sources"))
st.markdown("\n".join(f"- {source.cite()}" for source in cited_sources()))
