"""Server-Side Sync Manager."""

__version__ = "0.1.0"
APP_NAME = "Server-Side Sync Manager"
APP_ID = "ServerSideSyncManager"
