"""Server-Side Sync Manager."""

__version__ = "0.1.0"
APP_NAME = "Server-Side Sync Manager"
APP_ID = "ServerSideSyncManager"
# Windows' AppUserModelID: the taskbar and toasts group the app under it; the installer gives the
# Start menu shortcut the same one (packaging/installer.nsi)
APP_USER_MODEL_ID = "ServerSideSyncManager.SSSM"
