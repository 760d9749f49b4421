"""The main window's pages that are more than one list: email server profiles and mailboxes."""
