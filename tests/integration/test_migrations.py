from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory

from sciatica.database import MIGRATIONS_DIR, create_db_engine, migrate
from sciatica.schema import metadata
from sciatica.store import Store


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_a_fresh_database_is_migrated_to_the_latest_revision(database_url: str) -> None:
    store = Store.open(database_url)
    with store.engine.connect() as connection:
        version = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    store.close()
    assert version == head_revision()


def test_migrations_create_exactly_the_tables_and_columns_the_code_expects(
    database_url: str,
) -> None:
    engine = create_db_engine(database_url)
    migrate(engine)
    inspector = sa.inspect(engine)
    for table in metadata.sorted_tables:
        columns = {column["name"] for column in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name
    uniques = inspector.get_unique_constraints("check_ins")
    assert {"user_id", "day"} == set(uniques[0]["column_names"])
    engine.dispose()


def test_opening_an_up_to_date_database_again_changes_nothing(database_url: str) -> None:
    Store.open(database_url).close()
    Store.open(database_url).close()


def test_the_database_file_is_created_where_the_url_points(tmp_path: Path) -> None:
    path = tmp_path / "nested.db"
    Store.open(f"sqlite:///{path}").close()
    assert path.exists()
