"""Sharing: a person lets a clinician read their diary, for a while, and sees every view.

Owns the rules of a share (`models`: who may be shared with, for how long, and what a view is
called), the one way into another person's diary (`access.open_patient_diary`, which checks
an active share and writes the access-log entry before handing out the patient's id), and what
a clinician's Patients page says of each patient (`overview`). Shares and the access log are
stored by `sciatica.storage.shares`; this package says what it needs from storage as a
`typing.Protocol` (`access.ShareRecords`) and imports the diary's and the plans' services, never
the UI. A capability, not a check repeated on every page: nothing outside `access` makes a
`PatientDiary`, and tests/unit/test_sharing_gate.py walks the code to keep it so.
"""
