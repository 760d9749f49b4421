"""Item models of the lists and their columns."""
