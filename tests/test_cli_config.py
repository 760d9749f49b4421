"""``config export`` / ``config import``: round trip, idempotence, refusals that change nothing, secrets."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from ews_fixtures import EWS_DOMAIN, EWS_PASSWORD
from store_setup import Setup

from app.cli import main
from app.domain import config_document
from app.domain.enums import ApprovalStatus, ConflictPolicy, CredentialSource, FilterOperator, RecordType
from app.store import repo
from app.store.db import close_database, open_database
from app.store.models import FilterCriterion, Mailbox, Queue, SyncFilter, SystemUser

ROOT = Path(__file__).resolve().parents[1]


def _configure(setup: Setup) -> dict:
    """A home with two profiles (one with its own password), users, a queue and mailboxes; returns
    the secrets a new home needs."""
    shared = setup.profile("Contoso mailboxes")  # each mailbox's own credentials
    service = setup.profile(
        "Contoso service",
        credential_source=CredentialSource.PROFILE,
        username=f"svc@{EWS_DOMAIN}",
        password=EWS_PASSWORD,
        use_impersonation=True,
        max_connections=3,
    )
    settings = repo.system_settings()
    settings.default_profile = shared
    settings.transient_failure_limit = 7
    settings.save()
    alice = setup.ews.new_account("alice")
    bob = setup.ews.new_account("bob")
    setup.mailbox(shared, alice.email)
    ann = repo.create_user("Ann Lee", "ann@contoso.com")
    options = repo.user_options(ann)
    options.task_conflict_policy = ConflictPolicy.EXCHANGE_WINS
    options.save()
    custom = SyncFilter.create(user=ann, record_type=RecordType.APPOINTMENT, name="Customer meetings")
    FilterCriterion.create(
        filter=custom, position=0, field="category", operator=FilterOperator.EQUALS, value="Customer"
    )
    queue = Queue.create(name="Support", email="support@contoso.com")
    setup.mailbox(service, bob.email, owner_id=ann.id, allow_credentials=False, password=None)
    from app.domain.enums import OwnerKind
    from app.domain.settings import MailboxSettings

    repo.save_mailbox(
        MailboxSettings(
            name="Support",
            email="support@contoso.com",
            owner_id=queue.id,
            owner_kind=OwnerKind.QUEUE,
            profile_id=service.id,
            approval=ApprovalStatus.APPROVED,
            delete_after_processing=True,
        )
    )
    return {
        "profiles": {"Contoso service": {"password": EWS_PASSWORD}},
        "mailboxes": {alice.email: {"password": EWS_PASSWORD}},
    }


def _export(tmp_path: Path, name: str, capsys) -> dict:
    out = tmp_path / name
    assert main(["config", "export", "--out", str(out)]) == 0
    capsys.readouterr()
    return json.loads(out.read_text(encoding="utf-8"))


def _switch_home(monkeypatch, home: Path) -> None:
    from app import paths

    close_database()
    monkeypatch.setenv("SSSM_HOME", str(home))
    open_database(paths.database_path())


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_round_trip_into_an_empty_home_then_test_and_enable_passes(setup, tmp_path, monkeypatch, capsys):
    secrets = _configure(setup)
    first = _export(tmp_path, "first.json", capsys)
    assert EWS_PASSWORD not in json.dumps(first), "no secret in an export"
    secrets_file = tmp_path / "secrets.json"
    secrets_file.write_text(json.dumps(secrets), encoding="utf-8")

    _switch_home(monkeypatch, tmp_path / "new-home")
    assert main(["config", "import", str(tmp_path / "first.json"), "--secrets", str(secrets_file)]) == 0
    assert "Created" in capsys.readouterr().out
    second = _export(tmp_path, "second.json", capsys)
    assert second == first
    assert (tmp_path / "first.json").read_bytes() == (tmp_path / "second.json").read_bytes()

    from app.diagnostics.steps import run_mailbox_test

    for mailbox in Mailbox.select().where(Mailbox.approval == ApprovalStatus.APPROVED):
        if mailbox.email.startswith("support@"):
            continue  # the queue's address is not an account on the loopback server
        report = run_mailbox_test(mailbox.id)
        assert report.status.value == "success", (mailbox.email, report.as_text())


def test_importing_the_same_file_twice_changes_nothing_and_dry_run_says_so(setup, tmp_path, monkeypatch, capsys):
    secrets = _configure(setup)
    _export(tmp_path, "config.json", capsys)
    (tmp_path / "secrets.json").write_text(json.dumps(secrets), encoding="utf-8")
    _switch_home(monkeypatch, tmp_path / "new-home")
    args = ["config", "import", str(tmp_path / "config.json"), "--secrets", str(tmp_path / "secrets.json")]
    assert main(args) == 0
    capsys.readouterr()
    from app import paths

    close_database()  # written through: the file holds everything
    before = _dump(paths.database_path())
    assert main([*args, "--dry-run", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["counts"]["create"] == 0 and result["counts"]["change"] == 0 and result["counts"]["unchanged"] > 0
    assert main([*args, "--dry-run"]) == 0
    assert "nothing would change" in capsys.readouterr().out
    assert main(args) == 0
    assert "Created 0, changed 0" in capsys.readouterr().out
    close_database()
    assert _dump(paths.database_path()) == before


def _dump(path: Path) -> list[str]:
    """Every row of every table (the file's bytes also hold the app's own bookkeeping: backups, leases)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        return [line for line in conn.iterdump() if "work_lease" not in line]


def _document_with_mailboxes(count: int) -> dict:
    return {
        "format": config_document.FORMAT,
        "version": config_document.VERSION,
        "users": [
            {
                "name": "Owner",
                "email": "owner@contoso.com",
                "active": True,
                "options": {
                    "tracking_option": "responses",
                    "appointment_conflict_policy": "most_recent",
                    "contact_conflict_policy": "most_recent",
                    "task_conflict_policy": "most_recent",
                },
                "filters": [],
            }
        ],
        "mailboxes": [
            {
                "name": f"Mailbox {n}",
                "email": f"m{n}@contoso.com",
                "owner": {"user": "owner@contoso.com"},
                "profile": None,
                "approval": "pending",
                "incoming_method": "none",
                "outgoing_method": "none",
                "act_method": "none",
                "allow_credentials": False,
                "username": "",
                "delete_after_processing": False,
                "active": True,
            }
            for n in range(count)
        ],
    }


def _criterion(field: str, value: str = "x") -> dict:
    return {"field": field, "operator": "contains", "value": value}


def _add_filter(document: dict, criteria: list[dict], name: str = "Mine") -> None:
    sync_filter = {
        "record_type": "appointment",
        "name": name,
        "is_default": False,
        "active": True,
        "criteria": criteria,
    }
    document["users"][0]["filters"].append(sync_filter)


def test_one_bad_mailbox_among_100_leaves_the_store_byte_for_byte_unchanged(store, tmp_path, capsys):
    from app import paths

    repo.create_user("Existing", "existing@contoso.com")
    document = _document_with_mailboxes(100)
    document["mailboxes"][57]["email"] = "not an address"
    path = tmp_path / "config.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    close_database()
    before = _file_digest(paths.database_path())
    assert main(["config", "import", str(path), "--json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["code"] == "ConfigurationRefused"
    assert [p["path"] for p in answer["problems"]] == ["$.mailboxes[57].email"]
    close_database()
    assert _file_digest(paths.database_path()) == before
    open_database(paths.database_path())
    assert Mailbox.select().count() == 0 and SystemUser.select().count() == 1


@pytest.mark.parametrize(
    ("change", "path", "rule"),
    [
        (lambda d: d.update(version=99), "$.version", "reads version 1"),
        (lambda d: d["mailboxes"][1].update(profile="Nowhere"), "$.mailboxes[1].profile", "names no profile"),
        (lambda d: d["mailboxes"][2].update(owner={"queue": "nobody@contoso.com"}), "$.mailboxes[2].owner", "no queue"),
        (lambda d: d["mailboxes"].append(dict(d["mailboxes"][0])), "$.mailboxes[3]", "must be unique"),
        (lambda d: d["mailboxes"][0].update(approval="maybe"), "$.mailboxes[0].approval", "one of"),
        (lambda d: d["mailboxes"][0].pop("active"), "$.mailboxes[0].active", "is missing"),
        (lambda d: d["mailboxes"][0].update(colour="red"), "$.mailboxes[0].colour", "not a field"),
        # sync filters: the filter editor's own rules (app.domain.filters.filter_problems)
        (lambda d: _add_filter(d, []), "$.users[0].filters[0].criteria", "Add at least one condition"),
        (lambda d: _add_filter(d, [_criterion("colour")]), "$.users[0].filters[0].criteria[0]", "Choose a field"),
        (lambda d: _add_filter(d, [_criterion("subject", "")]), "$.users[0].filters[0].criteria[0]", "Enter a value"),
        (
            lambda d: _add_filter(d, [_criterion("subject", "x")], name=" "),
            "$.users[0].filters[0].name",
            "Enter a name",
        ),
    ],
)
def test_each_bad_input_is_named_with_its_path_and_nothing_is_imported(store, tmp_path, capsys, change, path, rule):
    document = _document_with_mailboxes(3)
    change(document)
    file = tmp_path / "config.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    assert main(["config", "import", str(file)]) == 1
    err = capsys.readouterr().err
    assert "Nothing was changed" in err
    assert any(line.strip().startswith(path) and rule in line for line in err.splitlines()), err
    assert Mailbox.select().count() == 0 and SystemUser.select().count() == 0


def test_malformed_json_is_refused(store, tmp_path, capsys):
    file = tmp_path / "config.json"
    file.write_text("{ not json", encoding="utf-8")
    assert main(["config", "import", str(file), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["problems"][0]["path"] == "$"


def test_a_secrets_file_with_extra_or_missing_entries_is_named(setup, tmp_path, monkeypatch, capsys):
    secrets = _configure(setup)
    _export(tmp_path, "config.json", capsys)
    _switch_home(monkeypatch, tmp_path / "new-home")
    alice = next(iter(secrets["mailboxes"]))
    wrong = {
        "profiles": {"Contoso service": {"password": "planted-secret-1"}, "Elsewhere": {"password": "planted-2"}},
        "mailboxes": {},
    }
    (tmp_path / "secrets.json").write_text(json.dumps(wrong), encoding="utf-8")
    code = main(["config", "import", str(tmp_path / "config.json"), "--secrets", str(tmp_path / "secrets.json")])
    err = capsys.readouterr().err
    assert code == 1
    assert "secrets:$.profiles['Elsewhere'].password: is not used" in err
    assert f"needs the password of mailbox '{alice}'" in err
    assert "planted" not in err, "a secret is never printed"
    assert Mailbox.select().count() == 0


def test_export_matches_the_published_json_schema(setup, tmp_path, capsys):
    import jsonschema

    _configure(setup)
    document = _export(tmp_path, "config.json", capsys)
    published = json.loads((ROOT / "docs" / "config-schema.json").read_text(encoding="utf-8"))
    assert published == config_document.json_schema(), (
        "docs/config-schema.json is out of date: python -m tools.config_schema"
    )
    jsonschema.validate(document, published)
