from ews_fixtures import *  # noqa: F403  (the shared loopback-server fixtures)
from postgres_fixtures import pg_url, postgres_server  # noqa: F401  (a real PostgreSQL server)
from store_setup import Setup, setup  # noqa: F401
