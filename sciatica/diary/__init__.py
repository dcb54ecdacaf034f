"""The diary: the daily check-in and its warning-sign screen.

Owns what a check-in is (`models`), how urgent its warning signs are (`triage`), what saving
one does (`check_in`), what to tell the person in view and which signs stand until seen about
(`notices`), the quick flare-up entries beside the check-in (`flares`), the personal cautions
of About me (`about_me`), what the Today page gathers (`today`) and the Safety page's content
(`safety`). Models import nothing above them; services take the store as an argument.
"""
