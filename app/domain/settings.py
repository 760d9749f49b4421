"""Value objects for what the forms edit: a profile's and a mailbox's settings (docs/product-rules.md §1, §2).

The store maps its rows to and from these; validation works on them; passwords are never
here — only whether one is stored (``has_password``), the keyring holds the secret.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.enums import (
    ApprovalStatus,
    AuthProtocol,
    CredentialSource,
    OwnerKind,
    ServerType,
    SyncMethod,
)


@dataclass
class ProfileSettings:
    name: str = ""
    description: str = ""
    server_type: ServerType = ServerType.EXCHANGE_SERVER
    auto_discover: bool = True
    incoming_url: str = ""
    credential_source: CredentialSource = CredentialSource.USER_OR_QUEUE
    username: str = ""
    has_password: bool = False
    use_impersonation: bool = False
    auth_protocol: AuthProtocol = AuthProtocol.AUTO
    incoming_port: int = 443
    use_ssl: bool = True
    outgoing_same_as_incoming: bool = True
    outgoing_url: str = ""
    outgoing_credential_source: CredentialSource = CredentialSource.USER_OR_QUEUE
    outgoing_username: str = ""
    outgoing_has_password: bool = False
    outgoing_auth_protocol: AuthProtocol = AuthProtocol.AUTO
    outgoing_port: int = 443
    trusted_ca_path: str = ""
    move_failed_to_undeliverable: bool = False
    process_email_from: datetime | None = None
    max_connections: int = 10
    min_polling_minutes: int = 0
    timeout_seconds: int = 60
    alert_when_most_fail: bool = False


@dataclass
class MailboxSettings:
    name: str = ""
    email: str = ""
    owner_id: int | None = None
    owner_kind: OwnerKind = OwnerKind.USER
    approval: ApprovalStatus = ApprovalStatus.PENDING
    profile_id: int | None = None
    incoming_method: SyncMethod = SyncMethod.SERVER_SIDE
    outgoing_method: SyncMethod = SyncMethod.SERVER_SIDE
    act_method: SyncMethod = SyncMethod.SERVER_SIDE
    allow_credentials: bool = False
    username: str = ""
    has_password: bool = False
    delete_after_processing: bool = False

    def uses_server_side_sync(self) -> bool:
        return SyncMethod.SERVER_SIDE in (self.incoming_method, self.outgoing_method, self.act_method)
