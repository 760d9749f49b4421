"""The main window's pages that live in modules of their own."""
