"""The test data the suite relies on is in the repository, whole (tests/data/README.md).

A missing or changed file fails here, by name, instead of making other tests skip or pass
without checking anything."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
MANIFEST = DATA / "MANIFEST.sha256"
sys.path.insert(0, str(Path(__file__).resolve().parent / "simulator"))
import schema_util  # noqa: E402  (tests/simulator is not a package)


def manifest() -> dict[str, str]:
    entries = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        entries[name.removeprefix("./")] = digest
    return entries


def test_every_test_data_file_is_present_and_unchanged():
    entries = manifest()
    assert len(entries) > 70  # the schema (3 files + notes) and the captures of two projects
    missing = [name for name in entries if not (DATA / name).is_file()]
    assert not missing, f"test data files missing (see tests/data/README.md): {missing}"
    changed = [
        name for name, digest in entries.items() if hashlib.sha256((DATA / name).read_bytes()).hexdigest() != digest
    ]
    assert not changed, f"test data files changed: {changed}"


def test_every_file_in_tests_data_is_listed():
    listed = set(manifest())
    present = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file() and p != MANIFEST}
    assert present == listed, f"unlisted: {sorted(present - listed)}; regenerate MANIFEST.sha256"


def test_each_data_set_keeps_its_licence_and_provenance():
    for folder, licence in (
        ("ews-schema", "LICENSE.md"),
        ("ews-captures/php-ews-recordings", "LICENSE.txt"),
        ("ews-captures/evolution-ews-traces", "COPYING"),
    ):
        assert (DATA / folder / licence).is_file(), f"{folder} lacks its licence {licence}"
    assert "Redistribution and use in source and binary forms" in (
        DATA / "ews-captures/php-ews-recordings/LICENSE.txt"
    ).read_text(encoding="utf-8")
    assert "LESSER GENERAL PUBLIC LICENSE" in (DATA / "ews-captures/evolution-ews-traces/COPYING").read_text()
    for readme in ("ews-schema/README.md", "ews-captures/README.md", "README.md"):
        assert "Garethp/php-ews" in (DATA / readme).read_text(encoding="utf-8"), readme


def test_the_schema_loader_names_a_missing_file(tmp_path):
    shutil.copy(DATA / "ews-schema" / "messages.xsd", tmp_path / "messages.xsd")
    with pytest.raises(schema_util.SchemaMissing, match="types.xsd"):
        schema_util.load_ews_schema.__wrapped__(tmp_path)


def test_the_schema_loader_refuses_a_schema_that_compiles_empty(tmp_path):
    # libxml2 compiles an import of an empty file into a schema that declares nothing
    (tmp_path / "messages.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'targetNamespace="http://schemas.microsoft.com/exchange/services/2006/messages"/>'
    )
    (tmp_path / "types.xsd").write_text("")
    with pytest.raises(schema_util.SchemaMissing, match="compiled without its declarations"):
        schema_util.load_ews_schema.__wrapped__(tmp_path)


def test_the_real_schema_loads_and_rejects_a_wrong_element():
    from lxml import etree

    schema = schema_util.load_ews_schema()
    assert schema.validate(etree.fromstring(schema_util._PROBE))
    wrong = schema_util._PROBE.replace(b"IdOnly", b"NoSuchShape")
    assert not schema.validate(etree.fromstring(wrong))
