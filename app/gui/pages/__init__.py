"""The main window's pages that are widgets of their own (Users & queues, Settings, Logs, …)."""
