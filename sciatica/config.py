"""Configuration, read once from SCIATICA_* environment variables."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "sciatica"
LOCAL_USER_ID = "local"


def default_data_dir() -> Path:
    """The per-user data folder, outside the app so a reinstall keeps the diary."""
    return user_data_path(APP_NAME, appauthor=False)


class Settings(BaseSettings):
    """Everything the app can be configured with."""

    model_config = SettingsConfigDict(env_prefix="SCIATICA_", extra="ignore", frozen=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the SQLite database and backups.",
    )
    database_url: str | None = Field(
        default=None,
        description="Any SQLAlchemy URL; by default a SQLite file in data_dir.",
    )
    backup_dir: Path | None = Field(
        default=None,
        description="Folder for backups of the SQLite diary; by default data_dir/backups.",
    )
    user_id: str = Field(
        default=LOCAL_USER_ID,
        min_length=1,
        max_length=200,
        description="Whose diary this is when there is no login.",
    )
    allow_open_network: bool = Field(
        default=False,
        description=(
            "Serve beyond this computer (a server.address other than localhost) even without "
            "logins: anyone who can reach the address can read and change the diary."
        ),
    )

    timezone: str | None = Field(
        default=None,
        max_length=64,
        description=(
            "The IANA time zone days follow when a browser gives none the app knows; by "
            "default the server's own (TZ, else UTC)."
        ),
    )
    host_names: str = Field(
        default="",
        max_length=2000,
        description=(
            "Names the server answers to besides localhost, 127.0.0.1 and [::1] on its port, "
            "comma separated (a clinic's address, e.g. diary.example.org); every other Host "
            "is refused (sciatica/ui/hosts.py)."
        ),
    )

    def resolved_database_url(self) -> str:
        """The database URL in use, creating the data folder for the default SQLite file."""
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'sciatica.db'}"

    def resolved_backup_dir(self) -> Path:
        """Where backups of the SQLite diary go."""
        return self.backup_dir or self.data_dir / "backups"
