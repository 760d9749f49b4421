"""Rules of a user's or queue's fields, and reading the CSV import file."""

from __future__ import annotations

from app.domain.enums import OwnerKind
from app.domain.owners import OwnerContext, OwnerSettings, decode_csv, parse_owner_csv, validate_owner


def messages(issues, field=None):
    return [str(i) for i in issues if field is None or i.field == field]


def test_name_and_a_valid_unique_address_are_required():
    assert validate_owner(OwnerSettings(OwnerKind.USER, "Carol", "carol@contoso.com")) == []
    issues = validate_owner(OwnerSettings(OwnerKind.USER, " ", "carol at contoso"))
    assert messages(issues, "name") == ["This field is required."]
    assert messages(issues, "email") == ["An email address cannot contain spaces."]
    assert messages(validate_owner(OwnerSettings(OwnerKind.QUEUE, "Sales", ""))) == ["Enter an email address."]


def test_an_address_held_by_another_user_queue_or_mailbox_is_refused_whatever_its_case():
    ctx = OwnerContext({"sales@contoso.com": "Sales"})
    issues = validate_owner(OwnerSettings(OwnerKind.USER, "Carol", " Sales@Contoso.com "), ctx)
    assert messages(issues, "email") == [
        "Sales@Contoso.com is already the address of “Sales”: each user, queue and mailbox needs its own."
    ]


def test_only_a_queue_deletes_email_after_processing():
    assert validate_owner(OwnerSettings(OwnerKind.QUEUE, "Sales", "sales@contoso.com", True)) == []
    issues = validate_owner(OwnerSettings(OwnerKind.USER, "Carol", "carol@contoso.com", True))
    assert messages(issues, "delete_after_processing") == ["Only a queue's mailbox can delete emails after processing."]


GOOD = (
    "kind,name,email,delete_after_processing\nuser,Carol Chen,carol@contoso.com,\nqueue,Sales,sales@contoso.com,yes\n"
)


def test_a_good_file_gives_its_rows_with_their_line_numbers():
    parsed = parse_owner_csv(GOOD)
    assert parsed.ok
    assert [(line.line, line.settings) for line in parsed.lines] == [
        (2, OwnerSettings(OwnerKind.USER, "Carol Chen", "carol@contoso.com", False)),
        (3, OwnerSettings(OwnerKind.QUEUE, "Sales", "sales@contoso.com", True)),
    ]


def test_japanese_kinds_a_bom_and_shift_jis_are_understood():
    text = "name,email,kind\n中村 健一郎,nakamura@contoso.com,ユーザー\nサポート,support2@contoso.com,キュー\n"
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("cp932")):
        parsed = parse_owner_csv(decode_csv(data))
        assert parsed.ok, parsed
        assert [line.settings.kind for line in parsed.lines] == [OwnerKind.USER, OwnerKind.QUEUE]
        assert parsed.lines[0].settings.name == "中村 健一郎"


def test_each_bad_line_says_what_is_wrong():
    text = (
        "kind,name,email,delete_after_processing\n"
        "user,Carol,carol@contoso.com,\n"
        "robot,Rob,rob@contoso.com,\n"  # line 3
        "user,,dave@contoso,\n"  # line 4
        "user,Carol again,CAROL@contoso.com,\n"  # line 5: repeats line 2
        "user,Erin,erin@contoso.com,yes\n"  # line 6
        "queue,Sales,taken@contoso.com,maybe\n"  # line 7
        "user,Frank,frank@contoso.com,no,extra\n"  # line 8
    )
    parsed = parse_owner_csv(text, OwnerContext({"taken@contoso.com": "Old Sales"}))
    assert not parsed.ok
    bad = {line.line: messages(line.issues) for line in parsed.bad_lines()}
    assert bad == {
        3: ["The kind must be user or queue, not “robot”."],
        4: ["This field is required.", "The part after @ must be a domain name, as in contoso.com."],
        5: ["CAROL@contoso.com is also on line 2: each address once."],
        6: ["Only a queue's mailbox can delete emails after processing."],
        7: [
            "delete_after_processing must be yes or no, not “maybe”.",
            "taken@contoso.com is already the address of “Old Sales”: each user, queue and mailbox needs its own.",
        ],
        8: ["The line has 5 values, the first line names 4 columns."],
    }
    assert [line.line for line in parsed.lines if line.ok] == [2]


def test_a_file_that_cannot_be_read_as_owners_is_refused_as_a_whole():
    assert messages(parse_owner_csv("").file_issues) == [
        "The file is empty: its first line names the columns, as in kind,name,email,delete_after_processing."
    ]
    assert messages(parse_owner_csv("name,email\nCarol,carol@contoso.com\n").file_issues) == [
        "The first line must name the columns kind, name, email; it lacks kind."
    ]
    assert messages(parse_owner_csv("kind,name,email,phone\n").file_issues) == [
        "Unknown column phone: the columns are kind, name, email, delete_after_processing."
    ]
    assert messages(parse_owner_csv("kind,name,email\n\n").file_issues) == [
        "The file has no users or queues under its first line."
    ]
    assert decode_csv(b"\xff\xfe\x00\xd8bad") is None
    assert not parse_owner_csv(None).ok
