"""Loading the UI translations: ours (app/gui/translations/sssm_<lang>.qm, compiled from
resources/i18n/*.ts and shipped as package data) and Qt's own qtbase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.i18n import DATE_TIME_PATTERN, FORMATS, datetime_text, list_text
from app.domain.i18n import fields_text as join_fields

SUPPORTED = ("en", "ja")


def translations_dir() -> Path:
    # package data: beside this module in a checkout, a wheel install and the frozen build alike
    return Path(__file__).resolve().parent / "translations"


def pick_language(requested: str | None, stored: str | None = None) -> str:
    """The UI language: the one asked for on the command line (``--lang``), else the system
    setting's (Settings → General → Language; "" is the system default), else the system's."""
    for wanted in (requested, stored):
        if wanted:
            code = wanted.lower().split("_")[0].split("-")[0]
            if code in SUPPORTED:
                return code
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install translators for *language*; keep the returned objects alive as long as the app."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    QLocale.setDefault(QLocale(language))  # dates and numbers as the language writes them
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"sssm_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def enum_text(value) -> str:
    """A LabeledEnum member's label in the UI language (context "Enums"); "" for None."""
    if value is None:
        return ""
    return QCoreApplication.translate("Enums", value.label)


def translate(context: str, text: str) -> str:
    """The Translator the domain's messages take (``ValidationIssue.message(translate)``)."""
    return QCoreApplication.translate(context, text)


def alert_text(alert) -> str:
    """An alert's (or AlertRow's) message in the UI language; its stored English message when it
    has no translatable parts (alerts from before schema 4, free-form engine messages)."""
    from app.domain.i18n import parts_text
    from app.store.alerts import message_parts

    parts = message_parts(alert)
    return parts_text(parts, translate) if parts else alert.message


def format_time(value, *, seconds: bool = False) -> str:
    """An aware datetime as local time, the UI language's way (app.domain.i18n.datetime_text, as
    the reports write it): 2026-03-02 18:30, in Japanese 2026/03/02 18:30; "" for None."""
    return datetime_text(value, translate, seconds=seconds)


def with_access_key(text: str, key: str) -> str:
    """*text* (already translated) with the access key *key*: before the key's letter where it
    holds one ("&All email messages"), else after it, the way Japanese writes it ("すべて(&A)")."""
    at = text.lower().find(key.lower())
    if at >= 0 and text.isascii():
        return text[:at] + "&" + text[at:]
    return f"{text}(&{key.upper()})"


def date_time_pattern() -> str:
    """The UI language's date-time pattern in Qt's letters, for a QDateTimeEdit's display format."""
    return translate(FORMATS, DATE_TIME_PATTERN)


def names_text(names) -> str:
    """Names as a list, the UI language's way: "a, b"; in Japanese "a、b"."""
    return list_text(names, translate)


def fields_text(fields) -> str:
    """The fields of a one-line summary, the UI language's way: "Error · 2026-03-02 18:30 · Code"."""
    return join_fields(fields, translate)
