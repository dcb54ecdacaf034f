"""The diary: the daily check-in and its warning-sign screen.

Owns what a check-in is (`models`, on the field types all share in `fields`; About me and the
signs seen about in `about_me_models`, flare-ups in `flare_models`, all importable from
`models`), every input problem in plain words (`validation`), how urgent its warning signs are
(`triage`), what saving one does (`check_in`), what to tell the person in view and which
signs stand until seen about (`notices`), the quick flare-up entries beside the check-in
(`flares`), the personal cautions of About me (`about_me`), what the Today page gathers
(`today`) and the Safety page's content (`safety`). What it needs from storage it states
itself (`ports`: small Protocols, and the light rows that cross them); services take a store
typed by those ports as an argument and never import `sciatica.storage`. Models, ports and
the validation wording import nothing above them.
"""
