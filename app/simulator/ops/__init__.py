"""EWS operations, one module per group; OPERATIONS maps the SOAP operation name to its handler.

A handler takes (RequestContext, the operation's request element) and returns the
serialized ``<m:...Response>`` element.
"""

from . import (
    attachments,
    availability,
    createitem,
    deletemove,
    finditem,
    folders,
    getitem,
    items_extra,
    misc,
    oof,
    sync_folder_items,
    updateitem,
)
from . import notifications as notification_ops

OPERATIONS = {
    "GetFolder": folders.get_folder,
    "FindFolder": folders.find_folder,
    "CreateFolder": folders.create_folder,
    "DeleteFolder": folders.delete_folder,
    "UpdateFolder": folders.update_folder,
    "MoveFolder": folders.move_folder,
    "CopyFolder": folders.copy_folder,
    "EmptyFolder": items_extra.empty_folder,
    "FindItem": finditem.find_item,
    "GetItem": getitem.get_item,
    "CreateItem": createitem.create_item,
    "UpdateItem": updateitem.update_item,
    "DeleteItem": deletemove.delete_item,
    "MoveItem": deletemove.move_item,
    "CopyItem": items_extra.copy_item,
    "SendItem": items_extra.send_item,
    "MarkAllItemsAsRead": items_extra.mark_all_items_as_read,
    "CreateAttachment": attachments.create_attachment,
    "GetAttachment": attachments.get_attachment,
    "DeleteAttachment": attachments.delete_attachment,
    "SyncFolderItems": sync_folder_items.sync_folder_items,
    "ResolveNames": misc.resolve_names,
    "ExpandDL": items_extra.expand_dl,
    "ConvertId": misc.convert_id,
    "GetUserOofSettings": oof.get_user_oof_settings,
    "SetUserOofSettings": oof.set_user_oof_settings,
    "GetServerTimeZones": oof.get_server_time_zones,
    "Subscribe": notification_ops.subscribe,
    "GetEvents": notification_ops.get_events,
    "GetStreamingEvents": notification_ops.get_streaming_events,
    "Unsubscribe": notification_ops.unsubscribe,
    "GetUserAvailability": availability.get_user_availability,
}
# the request element of an operation whose name differs from its response's
REQUEST_ELEMENTS = {
    "GetUserOofSettingsRequest": "GetUserOofSettings",
    "SetUserOofSettingsRequest": "SetUserOofSettings",
    "GetUserAvailabilityRequest": "GetUserAvailability",
}
