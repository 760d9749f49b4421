"""GetFolder, FindFolder, CreateFolder, DeleteFolder."""

from __future__ import annotations

from .. import soap
from ..model import Folder, Mailbox
from ..service import Fault, M, OpError, RequestContext, T, response, response_message
from ..soap import esc
from .common import compile_restriction

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
    wanted = set(_SHAPES[base])
    extra = shape_el.find(T + "AdditionalProperties")
    if extra is not None:
        wanted.update(_FOLDER_URIS[p.get("FieldURI")] for p in extra if p.get("FieldURI") in _FOLDER_URIS)
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
