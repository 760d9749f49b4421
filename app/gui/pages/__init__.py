"""The main window's pages that are widgets of their own (Profiles, Mailboxes, Users & queues, Settings, Logs)."""
