"""The local store: peewee models on SQLite."""
