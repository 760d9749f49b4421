"""EWS operations, one module per group; OPERATIONS maps the SOAP operation name to its handler.

A handler takes (RequestContext, the operation's request element) and returns the
serialized ``<m:...Response>`` element.
"""

from . import availability, createitem, deletemove, finditem, folders, getitem, misc, sync_folder_items, updateitem
from . import notifications as notification_ops

OPERATIONS = {
    "GetFolder": folders.get_folder,
    "FindFolder": folders.find_folder,
    "CreateFolder": folders.create_folder,
    "DeleteFolder": folders.delete_folder,
    "FindItem": finditem.find_item,
    "GetItem": getitem.get_item,
    "CreateItem": createitem.create_item,
    "UpdateItem": updateitem.update_item,
    "DeleteItem": deletemove.delete_item,
    "MoveItem": deletemove.move_item,
    "SyncFolderItems": sync_folder_items.sync_folder_items,
    "ResolveNames": misc.resolve_names,
    "ConvertId": misc.convert_id,
    "Subscribe": notification_ops.subscribe,
    "GetEvents": notification_ops.get_events,
    "GetStreamingEvents": notification_ops.get_streaming_events,
    "Unsubscribe": notification_ops.unsubscribe,
    "GetUserAvailabilityRequest": availability.get_user_availability,
}
