"""Store records pointing at the shared loopback Exchange server (fixture ``setup``)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from ews_fixtures import EWS_PASSWORD

from app.domain.enums import ApprovalStatus, AuthProtocol, CredentialSource
from app.domain.settings import MailboxSettings, ProfileSettings
from app.exchange import net
from app.store import repo


class Setup:
    def __init__(self, ews):
        self.ews = ews
        self.user = repo.create_user("Admin", "admin@contoso.com", is_current=True)

    def profile(self, name="Loopback Exchange", *, password=None, **changes):
        values = dict(
            name=name,
            auto_discover=False,
            incoming_url=self.ews.ews_url,
            incoming_port=self.ews.server.port,
            trusted_ca_path=str(self.ews.ca_path),
            process_email_from=datetime(2020, 1, 1, tzinfo=timezone.utc),
            timeout_seconds=5,
            auth_protocol=AuthProtocol.AUTO,
        )
        values.update(changes)
        return repo.save_profile(ProfileSettings(**values), password=password)

    def mailbox(self, profile, email, *, password=EWS_PASSWORD, approved=True, **changes):
        values = dict(
            name=email.split("@")[0],
            email=email,
            owner_id=self.user.id,
            profile_id=profile.id,
            approval=ApprovalStatus.APPROVED if approved else ApprovalStatus.PENDING,
        )
        if profile.credential_source is CredentialSource.USER_OR_QUEUE:
            values.update(allow_credentials=True, username=email)
        values.update(changes)
        return repo.save_mailbox(
            MailboxSettings(**values), password=password if values.get("allow_credentials") else None
        )


@pytest.fixture
def setup(store, ews):
    yield Setup(ews)
    for host in ("contoso.com", "autodiscover.contoso.com", "mail.contoso.com"):
        net.unmap_host(host, 443)
