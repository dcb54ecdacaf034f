"""Patients: the diaries shared with this login, read only (see sciatica/ui/patients.py)."""

from sciatica.ui.patients import patients_page

patients_page()
