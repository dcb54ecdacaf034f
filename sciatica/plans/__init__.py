"""Routines and sessions: the plan a person follows and how it answers their body.

Owns routine, session and decision models (`models`), checking a plan against the catalogue
and its training days (`routine`), the routine builder's draft and its edits (`draft`), a
session's green/amber/red (`classify`), the one-step moves a dose can make (`doses`), the rules
for the next step (`progression`) and for stepping back (`step_backs`), each a `suggestion`, the
routine checked against About me (`swaps`), sessions read against the diary and deciding on a
suggestion (`sessions`), the session log (`log`), a routine's doses and history in words
(`history`), today's plan as the Today and Session pages show it (`today`), eased for high leg
pain or two reds (`easing`), and the guided session (`guided`) with its timer (`timer`). What
they need from storage is stated in `ports` (small Protocols that `sciatica.storage`
implements); nothing here imports storage.

"When does the dose go up?" is answered in `progression`: only after good sessions confirmed
by the next morning, one step at a time, and never on a schedule.
"""
