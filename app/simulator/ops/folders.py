"""GetFolder, FindFolder, CreateFolder, DeleteFolder, UpdateFolder, MoveFolder, CopyFolder.

Folders carry extended properties as items do (``extended.py``): set by CreateFolder and
UpdateFolder, returned when the shape's AdditionalProperties name them, tested by FindFolder
restrictions; a folder's own MAPI properties (PR_CONTAINER_CLASS, PR_CONTENT_COUNT …) are
reachable that way too, so a gateway can list mail folders by class.
"""

from __future__ import annotations

from .. import extended, soap
from ..model import Folder, Mailbox
from ..service import Fault, M, OpError, RequestContext, T, response, response_message
from ..soap import esc
from .common import _convert, compile_restriction

FOLDER_ELEMENTS = {
    "Folder": None,
    "CalendarFolder": "IPF.Appointment",
    "ContactsFolder": "IPF.Contact",
    "TasksFolder": "IPF.Task",
    "SearchFolder": None,
}

_RIGHTS = (
    "<t:EffectiveRights><t:CreateAssociated>true</t:CreateAssociated><t:CreateContents>true"
    "</t:CreateContents><t:CreateHierarchy>true</t:CreateHierarchy><t:Delete>true</t:Delete>"
    "<t:Modify>true</t:Modify><t:Read>true</t:Read><t:ViewPrivateItems>true</t:ViewPrivateItems>"
    "</t:EffectiveRights>"
)

# schema order of the folder properties we model
_ORDER = (
    "FolderId",
    "ParentFolderId",
    "FolderClass",
    "DisplayName",
    "TotalCount",
    "ChildFolderCount",
    "ExtendedProperty",
    "EffectiveRights",
    "UnreadCount",
)
_SHAPES = {
    "IdOnly": frozenset({"FolderId"}),
    "Default": frozenset({"FolderId", "DisplayName", "TotalCount", "ChildFolderCount", "UnreadCount"}),
    "AllProperties": frozenset(_ORDER),
}
_FOLDER_URIS = {
    "folder:FolderId": "FolderId",
    "folder:ParentFolderId": "ParentFolderId",
    "folder:FolderClass": "FolderClass",
    "folder:DisplayName": "DisplayName",
    "folder:TotalCount": "TotalCount",
    "folder:ChildFolderCount": "ChildFolderCount",
    "folder:EffectiveRights": "EffectiveRights",
    "folder:UnreadCount": "UnreadCount",
}


def folder_element(folder: Folder) -> str:
    cls = folder.folder_class or ""
    if cls.startswith("IPF.Appointment"):
        return "CalendarFolder"
    if cls.startswith("IPF.Contact"):
        return "ContactsFolder"
    if cls.startswith("IPF.Task"):
        return "TasksFolder"
    return "Folder"


def folder_shape(shape_el) -> frozenset:
    if shape_el is None:
        raise Fault(soap.schema_validation_fault("The element 'FolderShape' is missing."))
    base = (shape_el.findtext(T + "BaseShape") or "").strip()
    if base not in _SHAPES:
        raise Fault(soap.schema_validation_fault(f"The element 'BaseShape' has invalid value '{base}'."))
    wanted: set = set(_SHAPES[base])
    extra = shape_el.find(T + "AdditionalProperties")
    if extra is not None:
        for p in extra:
            if p.tag == extended.PATH_TAG:
                try:
                    wanted.add(extended.wanted_entry(p))
                except extended.ExtendedPathError as e:
                    raise Fault(soap.fault("ErrorInvalidExtendedProperty", str(e))) from None
                wanted.add("ExtendedProperty")
            elif p.get("FieldURI") in _FOLDER_URIS:
                wanted.add(_FOLDER_URIS[p.get("FieldURI")])
    return frozenset(wanted)


def render_folder(mb: Mailbox, folder: Folder, wanted) -> str:
    tag = folder_element(folder)
    out = [f"<t:{tag}>"]
    for name in _ORDER:
        if name not in wanted:
            continue
        if name == "FolderId":
            out.append(f'<t:FolderId Id="{folder.id}" ChangeKey="{mb.folder_change_key(folder)}"/>')
        elif name == "ParentFolderId":
            parent = mb.folders.get(folder.parent_id) if folder.parent_id is not None else None
            if parent is not None:
                out.append(f'<t:ParentFolderId Id="{parent.id}" ChangeKey="{mb.folder_change_key(parent)}"/>')
        elif name == "FolderClass":
            if folder.folder_class:
                out.append(f"<t:FolderClass>{esc(folder.folder_class)}</t:FolderClass>")
        elif name == "DisplayName":
            out.append(f"<t:DisplayName>{esc(folder.name)}</t:DisplayName>" if folder.name else "<t:DisplayName/>")
        elif name == "TotalCount":
            out.append(f"<t:TotalCount>{len(folder.items)}</t:TotalCount>")
        elif name == "ChildFolderCount":
            out.append(f"<t:ChildFolderCount>{len(mb.children(folder.id))}</t:ChildFolderCount>")
        elif name == "ExtendedProperty":
            out.append(extended.render(folder, wanted, mb))
        elif name == "EffectiveRights":
            out.append(_RIGHTS)
        elif name == "UnreadCount" and tag in ("Folder", "TasksFolder"):
            unread = sum(1 for it in folder.items.values() if it.kind == "Message" and not it.is_read)
            out.append(f"<t:UnreadCount>{unread}</t:UnreadCount>")
    out.append(f"</t:{tag}>")
    return "".join(out)


def _folder_ids(el):
    return list(el) if el is not None else []


def get_folder(ctx: RequestContext, req) -> str:
    wanted = folder_shape(req.find(M + "FolderShape"))
    msgs = []
    for fid in _folder_ids(req.find(M + "FolderIds")):
        try:
            mb, folder = ctx.resolve_folder(fid)
            msgs.append(response_message("GetFolder", f"<m:Folders>{render_folder(mb, folder, wanted)}</m:Folders>"))
        except OpError as e:
            msgs.append(response_message("GetFolder", error=e, error_inner="<m:Folders/>"))
    return response("GetFolder", msgs)


def _folder_getter(mb):
    def getter_for_uri(uri, path):
        if path.tag == extended.PATH_TAG:
            try:
                key = extended.key_of(path)
            except extended.ExtendedPathError as e:
                raise OpError("ErrorInvalidExtendedProperty", str(e)) from None
            ftype = extended.value_type(path)

            def ext_getter(f):
                value = extended.lookup(f, key, mb)
                if value is None or isinstance(value, tuple):
                    return value
                try:
                    return _convert(ftype, value)
                except ValueError:
                    return None

            return ext_getter, ftype
        if uri == "folder:FolderId":
            return (lambda f: f.id), "str"
        if uri == "folder:UnreadCount":
            return (lambda f: sum(1 for it in f.items.values() if it.kind == "Message" and not it.is_read)), "int"
        if uri == "folder:DisplayName":
            return (lambda f: f.name), "str"
        if uri == "folder:FolderClass":
            return (lambda f: f.folder_class), "str"
        if uri == "folder:TotalCount":
            return (lambda f: len(f.items)), "int"
        if uri == "folder:ChildFolderCount":
            return (lambda f: len(mb.children(f.id))), "int"
        raise OpError("ErrorUnsupportedPathForQuery", "The property path is not supported for this query.")

    return getter_for_uri


def find_folder(ctx: RequestContext, req) -> str:
    wanted = folder_shape(req.find(M + "FolderShape"))
    deep = req.get("Traversal") == "Deep"
    view = req.find(M + "IndexedPageFolderView")
    restriction = req.find(M + "Restriction")
    msgs = []
    for fid in _folder_ids(req.find(M + "ParentFolderIds")):
        try:
            mb, parent = ctx.resolve_folder(fid)
            folders = mb.descendants(parent.id) if deep else mb.children(parent.id)
            if restriction is not None and len(restriction):
                pred = compile_restriction(restriction[0], _folder_getter(mb))
                folders = [f for f in folders if pred(f)]
            total = len(folders)
            attrs = ""
            if view is not None:
                offset = int(view.get("Offset") or 0)
                max_entries = int(view.get("MaxEntriesReturned") or total or 1)
                if view.get("BasePoint") == "End":
                    start = max(total - offset - max_entries, 0)
                    page = folders[start : total - offset]
                    next_offset = total - start
                else:
                    page = folders[offset : offset + max_entries]
                    next_offset = offset + len(page)
                last = next_offset >= total
                attrs = f'IndexedPagingOffset="{next_offset}" '
            else:
                page, last = folders, True
            body = "".join(render_folder(mb, f, wanted) for f in page)
            msgs.append(
                response_message(
                    "FindFolder",
                    f'<m:RootFolder {attrs}TotalItemsInView="{total}" '
                    f'IncludesLastItemInRange="{"true" if last else "false"}">'
                    f"<t:Folders>{body}</t:Folders></m:RootFolder>",
                )
            )
        except OpError as e:
            msgs.append(response_message("FindFolder", error=e))
    return response("FindFolder", msgs)


def create_folder(ctx: RequestContext, req) -> str:
    parent_el = req.find(M + "ParentFolderId")
    folders_el = req.find(M + "Folders")
    if parent_el is None or folders_el is None or len(parent_el) == 0:
        raise Fault(soap.schema_validation_fault("The element 'CreateFolder' has incomplete content."))
    msgs = []
    try:
        mb, parent = ctx.resolve_folder(parent_el[0], parent=True)
    except OpError as e:
        return response(
            "CreateFolder", [response_message("CreateFolder", error=e, error_inner="<m:Folders/>") for _ in folders_el]
        )
    for fel in folders_el:
        tag = fel.tag[len(T) :]
        try:
            if tag not in FOLDER_ELEMENTS:
                raise OpError("ErrorInvalidRequest")
            name = (fel.findtext(T + "DisplayName") or "").strip()
            if not name:
                raise OpError("ErrorInvalidPropertySet", "A folder must have a display name.")
            cls = fel.findtext(T + "FolderClass") or FOLDER_ELEMENTS[tag] or "IPF.Note"
            if any(c.name.lower() == name.lower() for c in mb.children(parent.id)):
                raise OpError("ErrorFolderExists")
            folder = mb.add_folder(parent.id, name, cls)
            for ext_el in fel.findall(T + extended.ELEMENT):
                try:
                    extended.set_property(folder, *extended.parse_element(ext_el))
                except extended.ExtendedPathError as e:
                    mb.remove_folder(folder)
                    raise OpError("ErrorInvalidExtendedProperty", str(e)) from None
            msgs.append(
                response_message(
                    "CreateFolder", f"<m:Folders>{render_folder(mb, folder, _SHAPES['IdOnly'])}</m:Folders>"
                )
            )
        except OpError as e:
            msgs.append(response_message("CreateFolder", error=e, error_inner="<m:Folders/>"))
    return response("CreateFolder", msgs)


def delete_folder(ctx: RequestContext, req) -> str:
    delete_type = req.get("DeleteType") or "HardDelete"
    msgs = []
    for fid in _folder_ids(req.find(M + "FolderIds")):
        try:
            mb, folder = ctx.resolve_folder(fid)
            if folder.distinguished:
                raise OpError("ErrorDeleteDistinguishedFolder")
            old_parent = mb.folders.get(folder.parent_id)
            if delete_type == "MoveToDeletedItems" and folder.parent_id != mb.distinguished["deleteditems"].id:
                folder.parent_id = mb.distinguished["deleteditems"].id
                folder.ck += 1
                mb.distinguished["deleteditems"].ck += 1
            else:
                mb.remove_folder(folder)
            if old_parent is not None:
                old_parent.ck += 1
            msgs.append(response_message("DeleteFolder"))
        except OpError as e:
            msgs.append(response_message("DeleteFolder", error=e))
    return response("DeleteFolder", msgs)


# ------------------------------------------------------------------------------ UpdateFolder
_SETTABLE = {"folder:DisplayName": "name", "folder:FolderClass": "folder_class"}


def _apply_folder_update(mb: Mailbox, folder: Folder, update) -> None:
    op = update.tag[len(T) :]
    path = next((c for c in update if c.tag in (T + "FieldURI", T + "ExtendedFieldURI", T + "IndexedFieldURI")), None)
    if path is None:
        raise OpError("ErrorInvalidRequest", "An update is missing its property path.")
    container = next((c for c in update if c is not path), None)
    if path.tag == extended.PATH_TAG:
        try:
            key = extended.key_of(path)
            if op == "DeleteFolderField":
                extended.delete_property(folder, key)
                return
            value_el = extended.find_element(container, key) if container is not None else None
            if value_el is None:
                raise OpError(
                    "ErrorInvalidPropertySet",
                    f"The folder in the {op} does not contain the extended property it names.",
                )
            extended.set_property(folder, *extended.parse_element(value_el))
        except extended.ExtendedPathError as e:
            raise OpError("ErrorInvalidExtendedProperty", str(e)) from None
        return
    uri = path.get("FieldURI") or ""
    attr_name = _SETTABLE.get(uri)
    if attr_name is None:
        raise OpError("ErrorInvalidPropertySet", f"The property {uri} cannot be set on a folder.")
    if op == "DeleteFolderField":
        raise OpError("ErrorInvalidPropertyDelete", f"The property {uri} cannot be deleted.")
    value = (container.findtext(T + _FOLDER_URIS[uri]) if container is not None else None) or ""
    if attr_name == "name":
        value = value.strip()
        if not value:
            raise OpError("ErrorInvalidPropertySet", "A folder must have a display name.")
        if folder.distinguished:
            raise OpError("ErrorInvalidPropertySet", "A distinguished folder cannot be renamed.")
        if any(c is not folder and c.name.lower() == value.lower() for c in mb.children(folder.parent_id)):
            raise OpError("ErrorFolderExists")
    setattr(folder, attr_name, value)


def update_folder(ctx: RequestContext, req) -> str:
    changes = req.find(M + "FolderChanges")
    msgs = []
    for change in list(changes) if changes is not None else []:
        try:
            id_el = next((c for c in change if c.tag in (T + "FolderId", T + "DistinguishedFolderId")), None)
            if id_el is None:
                raise OpError("ErrorInvalidRequest")
            mb, folder = ctx.resolve_folder(id_el)
            before = (folder.name, folder.folder_class, dict(folder.x) if folder.x else None)
            updates = change.find(T + "Updates")
            try:
                for update in list(updates) if updates is not None else []:
                    _apply_folder_update(mb, folder, update)
            except OpError:
                folder.name, folder.folder_class, folder.x = before
                raise
            folder.ck += 1
            msgs.append(
                response_message(
                    "UpdateFolder", f"<m:Folders>{render_folder(mb, folder, _SHAPES['IdOnly'])}</m:Folders>"
                )
            )
        except OpError as e:
            msgs.append(response_message("UpdateFolder", error=e, error_inner="<m:Folders/>"))
    return response("UpdateFolder", msgs)


# ------------------------------------------------------------------------------ MoveFolder / CopyFolder
def _move_or_copy_folder(ctx: RequestContext, req, op: str) -> str:
    to_el = req.find(M + "ToFolderId")
    ids = req.find(M + "FolderIds")
    if to_el is None or len(to_el) == 0:
        raise Fault(soap.schema_validation_fault(f"The element '{op}' has incomplete content; 'ToFolderId' expected."))
    msgs = []
    for el in list(ids) if ids is not None else []:
        try:
            dst_mb, target = ctx.resolve_folder(to_el[0], parent=True)
            mb, folder = ctx.resolve_folder(el)
            if mb is not dst_mb:
                raise OpError("ErrorCrossMailboxMoveCopy", "Cannot move or copy a folder between mailboxes.")
            if folder.distinguished and op == "MoveFolder":
                raise OpError("ErrorMoveDistinguishedFolder", "Distinguished folders cannot be moved.")
            if folder is target or target.id in {d.id for d in mb.descendants(folder.id)}:
                raise OpError("ErrorMoveCopyFailed")
            if any(c.name.lower() == folder.name.lower() for c in mb.children(target.id) if c is not folder):
                raise OpError("ErrorFolderExists")
            if op == "MoveFolder":
                old = mb.folders.get(folder.parent_id)
                folder.parent_id = target.id
                folder.ck += 1
                target.ck += 1
                if old is not None:
                    old.ck += 1
                result = folder
            else:
                result = _copy_tree(mb, folder, target)
            msgs.append(response_message(op, f"<m:Folders>{render_folder(mb, result, _SHAPES['IdOnly'])}</m:Folders>"))
        except OpError as e:
            msgs.append(response_message(op, error=e, error_inner="<m:Folders/>"))
    return response(op, msgs)


def _copy_tree(mb: Mailbox, folder: Folder, target: Folder) -> Folder:
    import copy

    new = mb.add_folder(target.id, folder.name, folder.folder_class)
    new.x = copy.deepcopy(folder.x) if folder.x else None
    for item in list(folder.items.values()):
        clone = copy.copy(item)
        clone.x = copy.deepcopy(item.x) if item.x else None
        clone.created = clone.modified = None
        mb.add_item(new, clone)
    for sub in mb.children(folder.id):
        _copy_tree(mb, sub, new)
    return new


def move_folder(ctx: RequestContext, req) -> str:
    return _move_or_copy_folder(ctx, req, "MoveFolder")


def copy_folder(ctx: RequestContext, req) -> str:
    return _move_or_copy_folder(ctx, req, "CopyFolder")
