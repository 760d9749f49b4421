"""The main window's pages that are widgets of their own (the Users & queues page)."""
