"""The local store: peewee models on SQLite, or on a shared PostgreSQL (app.store.backends).

peewee imports the PostgreSQL driver (psycopg) whenever it is installed: 0.1–0.2 s of CPU at
every start, before the first window paints, although only a shared database uses it. So the
first import of peewee, here, hides the driver, and ``backends.attach_psycopg`` hands it to peewee
when a PostgreSQL URL is opened. When something imported peewee before this package, the driver
is loaded as peewee always loads it, and nothing changes but the time.
"""

import sys


def _import_peewee_without_the_postgresql_driver() -> None:
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # "import psycopg" raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        if sys.modules.get("psycopg", False) is None:
            del sys.modules["psycopg"]


_import_peewee_without_the_postgresql_driver()
