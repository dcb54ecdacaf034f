"""The sections of My data: the downloads, the import, the backups and deleting everything.

Each function draws one section of the page, in the page's order, with the page's labels and
keys; the page reads who and which day it is and hands them in.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from sciatica import ui
from sciatica.config import Settings
from sciatica.diary.flares import flares_between
from sciatica.documents import data_words as words
from sciatica.documents.csv_io import check_ins_csv, parse_check_in_csv, required_columns
from sciatica.documents.export import (
    MAX_IMPORT_MB,
    ImportRejected,
    export_json,
    import_file,
    parse_import,
    preview_import,
)
from sciatica.documents.flares_csv import flares_csv
from sciatica.i18n import N_, _
from sciatica.storage.backup import (
    KEEP,
    BackupFailed,
    BackupKind,
    BackupUnavailable,
    backup_now,
    list_backups,
    sqlite_path,
)
from sciatica.storage.store import Store
from sciatica.ui import in_view
from sciatica.ui.documents import document_download

# Typed in capitals to confirm, in the person's language ("DELETE", "RADERA").
CONFIRM_WORD = N_("DELETE")
KIND_LABELS = {BackupKind.DAILY: N_("Daily"), BackupKind.MANUAL: N_("Manual")}


def downloads(store: Store, *, user: str, stamp: str) -> None:
    """The JSON and CSV downloads, each file built only when its button is pressed."""
    st.header(_("Download"))
    left, right = st.columns(2)
    # The files are built only when a button is pressed: years of diary cost nothing per rerun.
    left.download_button(
        _("Download everything (JSON)"),
        partial(export_json, store, user_id=user),
        file_name=f"sciatica-{stamp}.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
    )
    zone = ui.timezone()  # read here: the files are built outside the page's run
    document_download(
        right,
        _("Download check-ins (CSV)"),
        lambda language: check_ins_csv(store.all_check_ins(user_id=user), language=language),
        file_name=f"sciatica-check-ins-{stamp}.csv",
        mime="text/csv",
        icon=":material/table:",
        key="check_ins_csv",
        other_labels={"en": _("Check-ins in English (CSV)"), "sv": _("Check-ins in Swedish (CSV)")},
    )
    document_download(
        st.container(),
        _("Download flare-ups (CSV)"),
        lambda language: flares_csv(
            flares_between(store, user_id=user, start=date.min, end=date.max),
            timezone=zone,
            language=language,
        ),
        file_name=f"sciatica-flare-ups-{stamp}.csv",
        mime="text/csv",
        icon=":material/bolt:",
        key="flares_csv",
        other_labels={"en": _("Flare-ups in English (CSV)"), "sv": _("Flare-ups in Swedish (CSV)")},
    )


def import_section(store: Store, *, user: str, today: date) -> None:
    """The file to import, what it holds and how it meets the diary, and the Import button."""
    st.header(_("Import"))
    st.caption(
        _(
            "A JSON file downloaded from this app, or a CSV with the header of the check-ins CSV "
            "above, in English or Swedish ({required} are required). Up to {size} MB."
        ).format(required=required_columns(), size=MAX_IMPORT_MB)
    )
    upload_key = f"import_{st.session_state.get('import_round', 0)}"
    upload = st.file_uploader(
        _("File to import"), type=["json", "csv"], key=upload_key, max_upload_size=MAX_IMPORT_MB
    )
    if upload is not None:
        raw = upload.getvalue()
        try:
            if upload.name.lower().endswith(".csv"):
                plan = parse_check_in_csv(raw, today=today)
            else:
                plan = parse_import(raw, today=today)
        except ImportRejected as rejected:
            # Each problem quotes the file, so it is shown as text.
            in_view.result(
                _("Nothing can be imported from this file; your diary is unchanged.")
                + "\n"
                + "".join(f"\n- {ui.plain(problem)}" for problem in rejected.lines()),
                key="import_refused",
                kind=in_view.Kind.REFUSED,
            )
        else:
            preview = preview_import(store, user_id=user, plan=plan)
            st.info(
                words.file_holds(
                    check_ins=preview.check_ins,
                    routines=preview.routines,
                    sessions=preview.sessions,
                    first=preview.first_day,
                    last=preview.last_day,
                )
                + words.flares_held(preview.flares)
            )
            replace = True
            if preview.looks_like_another_diary:
                st.warning(
                    words.another_diary(
                        differing_days=len(preview.differing_days),
                        other_routines=[ui.plain(name) for name in preview.other_routines],
                        settings=preview.settings_differ,
                        new_days=preview.check_ins - len(preview.existing_days),
                        sessions=preview.sessions,
                    ),
                    icon=":material/move_item:",
                )
            if preview.existing_days:
                st.warning(words.days_already_there(preview.existing_days))
            if preview.existing_days or preview.settings_differ:
                keep_them, replace_them = _("Keep what I have"), _("Replace with the file's")
                asked = _("Days you already have") if preview.existing_days else _("Your settings")
                replace = st.radio(asked, [keep_them, replace_them]) == replace_them
            asks = bool(preview.existing_days or preview.settings_differ)
            if st.button(_("Import"), type="primary"):
                report = import_file(
                    store,
                    user_id=user,
                    plan=plan,
                    replace_existing=replace,
                    replace_settings=replace and asks,
                )
                st.session_state["import_round"] = st.session_state.get("import_round", 0) + 1
                ui.flash(words.import_report(report), done=report.changed_anything)


def backups(config: Settings, *, url: str, shared: bool) -> None:
    """The backups: why there are none, Back up now, and the list of those kept."""
    st.header(_("Backups"))
    backups_dir = config.resolved_backup_dir()
    try:
        sqlite_path(url)
    except BackupUnavailable as error:
        unavailable: str | None = str(error)  # a database server: its own backup tools apply
    else:
        unavailable = None
    if shared:
        st.caption(_("This diary is on a shared server; the people who run it keep its backups."))
    elif unavailable:
        st.info(unavailable)
    else:
        if problem := ui.backup_problem():
            st.warning(
                _(
                    "Today's automatic backup was not made. {problem} Your diary itself is safe; "
                    "try Back up now below, and if that fails too, check the backup folder."
                ).format(problem=problem),
                icon=":material/backup:",
            )
        if st.button(_("Back up now"), icon=":material/backup:"):
            try:
                made = backup_now(database_url=url, backups_dir=backups_dir)
            except BackupFailed as failed:
                unchanged = _("{problem} Your diary itself is unchanged.").format(
                    problem=ui.plain(str(failed))
                )
                in_view.result(unchanged, key="backup_result", kind=in_view.Kind.REFUSED)
            else:
                backed_up = _("Backed up to {path}.").format(path=ui.plain(str(made)))
                in_view.result(backed_up, key="backup_result")
        st.caption(
            _(
                "A backup is also made automatically each day. The last {daily} daily backups and "
                "the last {manual} made with this button are kept in {folder}, each named by the "
                "time it was taken."
            ).format(
                daily=KEEP[BackupKind.DAILY],
                manual=KEEP[BackupKind.MANUAL],
                folder=ui.plain(str(backups_dir)),
            )
        )
        if found := list_backups(backups_dir):
            taken, kind, size = _("Taken (UTC)"), _("Kind"), _("Size (kB)")
            rows = [
                {
                    taken: b.taken_at.strftime("%Y-%m-%d %H:%M"),
                    kind: _(KIND_LABELS[b.kind]),
                    size: round(b.size_bytes / 1024),
                }
                for b in found
            ]
            st.table(pd.DataFrame(rows).set_index(taken))


def delete_everything(store: Store, *, user: str, count: int) -> None:
    """Delete all my data, confirmed by typing the word in capitals."""
    st.header(_("Delete all my data"))
    with st.expander(_("Delete everything this app stores about me")):
        st.markdown(
            _("This permanently deletes from this app:")
            + "".join(f"\n- {thing}" for thing in words.what_deleting_removes(count))
            + "\n\n"
            + _("Download a copy first if you may want it back. Backup files are not touched.")
        )
        with st.form("delete_form", border=False):
            word = _(CONFIRM_WORD)
            typed = st.text_input(_("Type {word} to confirm").format(word=word))
            if st.form_submit_button(_("Delete all my data")):
                if typed.strip() == word:
                    removed = store.delete_user_data(user_id=user)
                    ui.flash(words.deleted(removed))
                else:
                    refused = _("Nothing was deleted. Type {word} in capitals to confirm.")
                    in_view.result(
                        refused.format(word=word), key="delete_refused", kind=in_view.Kind.REFUSED
                    )
