"""The window's command line read without a parser (app.cli.window_arguments) reads what the
whole parser reads, for every window-only command line."""

from __future__ import annotations

import pytest

from app.cli import build_parser, window_arguments, window_only

WINDOW_LINES = [
    [],
    ["--demo"],
    ["-v"],
    ["--verbose", "--demo"],
    ["--lang", "ja"],
    ["--lang=ja"],
    ["--lang", "ja", "--lang", "en"],  # the last one wins, as argparse has it
    ["--database", "postgresql://sssm@db.example/sssm"],
    ["--database=postgresql://sssm@db.example/sssm", "-v", "--lang=en"],
    ["--database="],
]


@pytest.mark.parametrize("argv", WINDOW_LINES, ids=lambda argv: " ".join(argv) or "(none)")
def test_window_arguments_read_what_the_whole_parser_reads(argv):
    assert window_only(argv)
    assert vars(window_arguments(argv)) == vars(build_parser().parse_args(argv))


def test_python_m_app_with_a_bad_database_url_still_prints_the_usage(capsys):
    from app.cli import main

    assert main(["--database", "not-a-url"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: python -m app") and "--database takes a PostgreSQL URL" in err
