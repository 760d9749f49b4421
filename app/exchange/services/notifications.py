"""The EWS notification operations as the engine uses them (after exchangelib's own services).

- ``SubscribeToStreamingInGroup``: a streaming subscription whose request carries the group's
  anchor mailbox in X-AnchorMailbox (with X-PreferServerAffinity), so that Exchange keeps every
  subscription of a group on the Mailbox server the group's one connection reaches;
- ``GetStreamingEventsWatched``: GetStreamingEvents that tells each ConnectionStatus as it comes
  (``on_status``: the stream is open, or closed) and keeps the ids an error answer names
  (``error_subscription_ids``) instead of folding them into the error's text;
- ``GetFolderIds``: the ids of distinguished folders in one GetFolder (IdOnly), to tell which
  folder an event is about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from exchangelib.properties import DistinguishedFolderId
from exchangelib.properties import Mailbox as EwsMailbox
from exchangelib.services import GetStreamingEvents, SubscribeToStreaming
from exchangelib.services.common import EWSAccountService, folder_ids_element, shape_element
from exchangelib.util import MNS, TNS, create_element, get_xml_attr, get_xml_attrs
from lxml.etree import _Element


class SubscribeToStreamingInGroup(SubscribeToStreaming):  # type: ignore[misc]  # exchangelib has no type information
    """A streaming subscription of the account's mailbox, routed with its group's anchor."""

    def __init__(self, *args: Any, anchor: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.anchor = anchor

    def _extra_headers(self) -> dict[str, str]:
        headers: dict[str, str] = super()._extra_headers()
        headers["X-AnchorMailbox"] = self.anchor
        return headers


class GetStreamingEventsWatched(GetStreamingEvents):  # type: ignore[misc]
    """GetStreamingEvents, saying each ConnectionStatus (``OK``: open or still open; ``Closed``)."""

    def __init__(self, *args: Any, on_status: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_status = on_status
        self.error_subscription_ids: list[str] = []

    def _get_element_container(self, message: _Element, name: str | None = None) -> Any:
        error_ids = message.find(f"{{{MNS}}}ErrorSubscriptionIds")
        if error_ids is not None:
            self.error_subscription_ids = list(get_xml_attrs(error_ids, f"{{{TNS}}}SubscriptionId"))
        status = get_xml_attr(message, f"{{{MNS}}}ConnectionStatus")
        result = super()._get_element_container(message, name=name)
        if status:
            self.on_status(status)
        return result


class GetFolderIds(EWSAccountService):  # type: ignore[misc]
    """The ids of the account's distinguished folders *names*, in their order (one GetFolder)."""

    SERVICE_NAME = "GetFolder"
    element_container_name = f"{{{MNS}}}Folders"

    def call(self, names: Sequence[str]) -> Any:
        mailbox = EwsMailbox(email_address=self.account.primary_smtp_address)
        folders = [DistinguishedFolderId(id=name, mailbox=mailbox) for name in names]
        return self._elems_to_objs(self._get_elements(payload=self.get_payload(folders)))

    def get_payload(self, folders: list[DistinguishedFolderId]) -> _Element:
        payload: _Element = create_element(f"m:{self.SERVICE_NAME}")
        payload.append(shape_element(tag="m:FolderShape", shape="IdOnly", additional_fields=[], version=None))
        payload.append(folder_ids_element(folders=folders, version=self.account.version))
        return payload

    def _elem_to_obj(self, elem: _Element) -> str:
        found = elem.find(f"{{{TNS}}}FolderId")
        return (found.get("Id") or "") if found is not None else ""
