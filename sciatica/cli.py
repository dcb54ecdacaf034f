"""The command line, working on the configured database (SCIATICA_DATABASE_URL)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sciatica import clock
from sciatica.config import Settings
from sciatica.content import plural
from sciatica.demo import write_demo_data
from sciatica.documents.data_words import import_report
from sciatica.documents.export import (
    ImportRejected,
    export_json,
    import_file,
    parse_import,
    read_limited,
)
from sciatica.storage.database import describe_database
from sciatica.storage.store import Store

EXIT_REJECTED = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sciatica", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo-data", help="write a realistic example history")
    demo.add_argument("--days", type=int, default=120, help="how many days (default 120)")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same history")
    demo.add_argument(
        "--flares-per-day",
        type=int,
        help="quick flare-up entries on every day before today (default: on about one day in six)",
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help="write even into a diary that has data, replacing its check-ins on the same days",
    )
    export = commands.add_parser("export", help="write all your data as JSON")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    imported = commands.add_parser("import", help="read a JSON export, all or nothing")
    imported.add_argument("file", type=Path, help="a file written by `export`")
    imported.add_argument(
        "--replace-settings",
        action="store_true",
        help="take the file's language, country and About me even into a diary that holds "
        "something (an empty diary takes them anyway)",
    )
    parser.add_argument("--timezone", help="IANA time zone for 'today' (default: this machine's)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    args = _parser().parse_args(argv)
    settings = Settings()
    today = clock.today(args.timezone)
    url = settings.resolved_database_url()
    store = Store.open(url)
    try:
        if args.command == "demo-data":
            return _demo(
                store,
                user_id=settings.user_id,
                days=args.days,
                seed=args.seed,
                force=args.force,
                today=today,
                url=url,
                flares_per_day=args.flares_per_day,
                timezone=args.timezone,
            )
        if args.command == "export":
            text = export_json(store, user_id=settings.user_id)
            if args.out:
                args.out.write_text(text + "\n", encoding="utf-8")
                print(f"Exported to {args.out}.", file=sys.stderr)
            else:
                print(text)
        else:
            return _import(
                store,
                args.file,
                user_id=settings.user_id,
                today=today,
                replace_settings=args.replace_settings,
            )
    finally:
        store.close()
    return 0


def _demo(
    store: Store,
    *,
    user_id: str,
    days: int,
    seed: int,
    force: bool,
    today: date,
    url: str,
    flares_per_day: int | None = None,
    timezone: str | None = None,
) -> int:
    if not 1 <= days <= 40_000:
        print("--days must be between 1 and 40000.", file=sys.stderr)
        return EXIT_REJECTED
    if flares_per_day is not None and not 0 <= flares_per_day <= 10:
        print("--flares-per-day must be between 0 and 10.", file=sys.stderr)
        return EXIT_REJECTED
    where = describe_database(url)  # never shows a password
    # Demo check-ins replace real ones on the same days: a diary is only written over on request.
    if not force and not store.diary_is_empty(user_id=user_id):
        print(
            f"Nothing was written: this database already holds a diary (check-ins, routines or "
            f"sessions) for user {user_id!r}, and demo data would replace its check-ins.\n"
            f"{where}\n"
            "To write the demo data into it anyway, run `python -m sciatica demo-data --force`; "
            "to keep your diary apart, point SCIATICA_DATABASE_URL at another database.",
            file=sys.stderr,
        )
        return EXIT_REJECTED
    count = write_demo_data(
        store,
        user_id=user_id,
        days=days,
        seed=seed,
        end=today,
        flares_per_day=flares_per_day,
        timezone=timezone,
    )
    flares = store.count_flares(user_id=user_id)
    check_ins = plural(count, "example check-in", "example check-ins")
    print(
        f"Wrote {check_ins} and {plural(flares, 'flare-up', 'flare-ups')} ending {today:%d %B %Y}."
    )
    print(where)
    return 0


def _import(store: Store, path: Path, *, user_id: str, today: date, replace_settings: bool) -> int:
    try:
        with path.open("rb") as file:
            raw = read_limited(file)
        plan = parse_import(raw, today=today)
    except OSError as error:
        print(f"Cannot read {path}: {error.strerror}.", file=sys.stderr)
        return EXIT_REJECTED
    except ImportRejected as error:
        problems = _printable(str(error))
        print(f"Nothing was imported. Problems in {path}:\n{problems}", file=sys.stderr)
        return EXIT_REJECTED
    report = import_file(store, user_id=user_id, plan=plan, replace_settings=replace_settings)
    print(import_report(report))
    return 0


def _printable(text: str) -> str:
    """Text quoted from a file, with control characters (a terminal's escapes) as '?'."""
    return "".join(char if char.isprintable() or char == "\n" else "?" for char in text)
