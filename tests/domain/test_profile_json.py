"""Profile export files: never a secret; a file this version cannot read is refused with a reason."""

from datetime import datetime, timezone

import pytest

from app.domain.enums import AuthProtocol, CredentialSource
from app.domain.profile_json import ProfileFileError, profile_from_json, profile_to_json
from app.domain.settings import ProfileSettings


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"format": "other"}',
        '{"format": "sssm-email-server-profile", "version": 1, "profile": {"auth_protocol": "kerberos"}}',
    ],
)
def test_bad_files_are_refused_with_a_reason(text):
    with pytest.raises(ProfileFileError):
        profile_from_json(text)


def test_a_round_trip_keeps_every_setting_but_the_password_flags():
    settings = ProfileSettings(
        name="Head office",
        auto_discover=False,
        incoming_url="https://mail.contoso.com/EWS/Exchange.asmx",
        credential_source=CredentialSource.PROFILE,
        username="CONTOSO\\svc",
        has_password=True,
        auth_protocol=AuthProtocol.BASIC,
        process_email_from=datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc),
    )
    text = profile_to_json(settings)
    assert "has_password" not in text
    restored = profile_from_json(text)
    assert restored == ProfileSettings(**{**settings.__dict__, "has_password": False})
