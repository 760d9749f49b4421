"""Top-level windows and dialogs: the main window, the mailbox editor, the profile form and wizard,
the Test & Enable report. Each remembers its size and position (``base.PreserveGeometry``)."""
