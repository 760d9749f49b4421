from ews_fixtures import *  # noqa: F403  (the shared loopback-server fixtures)
from store_setup import Setup, setup  # noqa: F401
