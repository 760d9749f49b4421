from ews_fixtures import *  # noqa
from store_setup import Setup, setup  # noqa: F401
