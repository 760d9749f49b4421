"""The window's log file: a plain file handler until its first paint, rotating from then on
(app.log.rotate_log_file), with nothing logged before the swap lost and nothing secret in it."""

from __future__ import annotations

import logging
import logging.handlers

from app import paths
from app.log import BACKUP_COUNT, LOG_FILE_NAME, MAX_BYTES, rotate_log_file, setup_logging


def _file_handlers() -> list[logging.Handler]:
    """The handlers writing to the app's log file (pytest has one of its own elsewhere)."""
    target = str(paths.log_dir() / LOG_FILE_NAME)
    return [h for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler) and h.baseFilename == target]


def test_a_message_logged_before_the_paint_reaches_the_log_file_and_stays_after_the_swap(sssm_home):
    plain = setup_logging(logging.INFO, rotate=False)
    assert isinstance(plain, logging.FileHandler)
    assert not isinstance(plain, logging.handlers.RotatingFileHandler)  # logging.handlers not needed yet
    logging.getLogger("app.test").info("before the paint, password=hunter2")

    rotating = rotate_log_file()
    logging.getLogger("app.test").info("after the paint")
    rotating.flush()

    assert isinstance(rotating, logging.handlers.RotatingFileHandler)
    assert _file_handlers() == [rotating]  # in the plain one's place, not beside it
    text = (paths.log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "before the paint" in text and "after the paint" in text
    assert text.count("before the paint") == 1
    assert "hunter2" not in text  # the redacting filter came along


def test_the_rotating_handler_rolls_the_file_over_once_it_is_too_big(sssm_home):
    setup_logging(logging.INFO, rotate=False)
    logging.getLogger("app.test").info("x" * (MAX_BYTES + 10))  # a start that logged too much
    handler = rotate_log_file()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == MAX_BYTES and handler.backupCount == BACKUP_COUNT

    logging.getLogger("app.test").info("the next line")
    handler.flush()

    folder = paths.log_dir()
    assert "the next line" in (folder / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert (folder / f"{LOG_FILE_NAME}.1").stat().st_size > MAX_BYTES  # the old file kept beside it


def test_rotating_twice_or_setting_up_again_keeps_one_handler(sssm_home):
    setup_logging(logging.INFO, rotate=False)
    assert setup_logging(logging.INFO, rotate=False) is _file_handlers()[0]
    first = rotate_log_file()
    assert rotate_log_file() is first
    assert setup_logging(logging.INFO) is first
    assert _file_handlers() == [first]


def test_commands_get_the_rotating_handler_at_once(sssm_home):
    handler = setup_logging(logging.INFO)
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert rotate_log_file() is handler


def test_a_record_that_reaches_the_plain_handler_after_the_swap_goes_to_the_rotating_one(sssm_home):
    plain = setup_logging(logging.INFO, rotate=False)
    rotating = rotate_log_file()
    record = logging.LogRecord("app.test", logging.INFO, __file__, 1, "late, password=hunter2", None, None)

    plain.handle(record)  # a thread that took the handlers list just before the swap
    rotating.flush()

    assert isinstance(plain, logging.FileHandler) and plain.stream is None  # not opened again
    text = (paths.log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "late" in text and "hunter2" not in text
