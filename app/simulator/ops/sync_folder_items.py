"""SyncFolderItems, driven by the per-folder change log (cost is O(changes since the state))."""

from __future__ import annotations

import base64
import binascii
import gzip

from .. import soap
from ..model import OP_DELETE
from ..service import Fault, M, OpError, RequestContext, response, response_message
from ..xmlitems import render_item
from .common import item_shape

_MAGIC = b"SSSM-sync-1|"


def encode_sync_state(folder_id: str, seq: int) -> str:
    """Opaque, base64 (of gzip, like Exchange's H4sI... states)."""
    raw = _MAGIC + folder_id.encode("ascii") + b"|" + str(seq).encode("ascii")
    return base64.b64encode(gzip.compress(raw, mtime=0)).decode("ascii")


def decode_sync_state(state: str, folder_id: str, max_seq: int) -> int:
    try:
        raw = gzip.decompress(base64.b64decode(state, validate=True))
        if not raw.startswith(_MAGIC):
            raise ValueError
        fid, seq_text = raw[len(_MAGIC) :].decode("ascii").rsplit("|", 1)
        seq = int(seq_text)
    except (binascii.Error, ValueError, OSError, EOFError, UnicodeDecodeError):
        raise OpError("ErrorInvalidSyncStateData") from None
    if fid != folder_id or not 0 <= seq <= max_seq:
        raise OpError("ErrorInvalidSyncStateData")
    return seq


def sync_folder_items(ctx: RequestContext, req) -> str:
    wanted, body_type = item_shape(req.find(M + "ItemShape"), find=False)
    folder_el = req.find(M + "SyncFolderId")
    if folder_el is None or len(folder_el) == 0:
        raise Fault(soap.schema_validation_fault("The element 'SyncFolderItems' has incomplete content."))
    try:
        max_changes = int((req.findtext(M + "MaxChangesReturned") or "").strip())
    except ValueError:
        max_changes = 0
    if not 1 <= max_changes <= 512:
        raise Fault(
            soap.schema_validation_fault(
                "The 'MaxChangesReturned' element is invalid - The value is invalid according to its datatype "
                f"'{soap.T_NS}:MaxSyncChangesReturnedType' - The MaxInclusive constraint failed."
            )
        )
    ignore_el = req.find(M + "Ignore")
    ignore = {el.get("Id") for el in ignore_el} if ignore_el is not None else set()
    try:
        mb, folder = ctx.resolve_folder(folder_el[0])
        state = (req.findtext(M + "SyncState") or "").strip()
        since = decode_sync_state(state, folder.id, mb.seq) if state else 0
        rctx = ctx.render_context(mb, body_type)
        out = []
        emitted = 0
        new_seq = mb.seq
        complete = True
        seen = set()
        # Each item is reported once per call, at its first log entry after the state, with its
        # current properties.  Cutting the state at the last reported entry is then safe: any
        # later entry of an already reported item comes back as an Update next time.
        for seq, iid, op, created_seq in folder.changes_after(since):
            if iid in seen:
                continue
            if op == OP_DELETE:
                if created_seq > since:
                    continue  # created and deleted after the client's state: never seen
            elif iid not in folder.items:
                continue  # deleted later; its Delete entry decides
            if emitted >= max_changes:
                complete = False
                break
            seen.add(iid)
            new_seq = seq
            if iid in ignore:
                continue
            emitted += 1
            if op == OP_DELETE:
                out.append(f'<t:Delete><t:ItemId Id="{iid}"/></t:Delete>')
                continue
            item = folder.items[iid]
            if item.created_seq > since:
                out.append(f"<t:Create>{render_item(item, wanted, rctx)}</t:Create>")
            elif item.content_seq > since:
                out.append(f"<t:Update>{render_item(item, wanted, rctx)}</t:Update>")
            else:
                out.append(
                    f'<t:ReadFlagChange><t:ItemId Id="{item.id}" ChangeKey="{mb.change_key(item)}"/>'
                    f"<t:IsRead>{'true' if item.is_read else 'false'}</t:IsRead></t:ReadFlagChange>"
                )
        if complete:
            new_seq = mb.seq
        changes = f"<m:Changes>{''.join(out)}</m:Changes>" if out else "<m:Changes/>"
        msg = response_message(
            "SyncFolderItems",
            f"<m:SyncState>{encode_sync_state(folder.id, new_seq)}</m:SyncState>"
            f"<m:IncludesLastItemInRange>{'true' if complete else 'false'}</m:IncludesLastItemInRange>{changes}",
        )
    except OpError as e:
        msg = response_message("SyncFolderItems", error=e)
    return response("SyncFolderItems", [msg])
