"""EWS operations the engine changes from exchangelib's own, one module per operation, after
exchangelib's ``services/`` layout (small service classes named after their operation):

- ``sync_folder_items``: SyncFolderItems that raises an error answer (a refused sync state) and
  reads the Inbox's changes into ``NewMessage`` values instead of full exchangelib items;
- ``get_item``: GetItem whose message answers are read into ``IncomingEmail`` values;
- ``update_item``: UpdateItem that answers a stale ChangeKey per item instead of for the batch.

Operations the engine uses as exchangelib has them (CreateItem, DeleteItem, MoveItem, FindItem,
GetFolder) are called from the app.exchange module of their area.
"""
