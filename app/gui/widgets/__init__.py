"""Parts that windows are built from: the alerts pane, the profile's fields, and the shared
helpers for tables, enum combo boxes and validation messages under their fields."""
