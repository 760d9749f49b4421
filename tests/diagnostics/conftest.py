from store_setup import Setup, setup  # noqa: F401
