"""Every window rendered with sample data to PNG files (``python -m app screenshots OUT``): the
render code, the sample records it shows and the layout check it runs (tests use all three)."""
