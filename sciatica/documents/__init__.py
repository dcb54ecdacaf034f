"""Files the app writes and reads: PDFs, calendar, JSON export and import, CSV.

Owns the clinician report (`report`) and the printable routine sheet (`routine_sheet`), both
drawn with one font and text helper (`pdf`), the calendar file (`calendar`), the versioned JSON
export and its all-or-nothing import (`export`, writing the file and importing it; `export_format`,
its shapes; `export_reading`, reading and checking it; `export_plans`, `export_flares`, and
`export_sharing`, the shares and access log written but never imported), check-ins as CSV
(`csv_io`) and flare-ups as CSV (`flares_csv`), each in the language it is asked for and
saying which (`language`).
"""
