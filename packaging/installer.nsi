; Per-user installer for Server-Side Sync Manager (NSIS 3, 64-bit, Unicode).
;
;   makensis /DVERSION=0.1.0 packaging\installer.nsi    ->  dist\SSSM-0.1.0-setup.exe
;
; Wraps the one-folder PyInstaller build (dist\SSSM, from `pyinstaller build.spec`), which is
; 64-bit: so is the installer (Target amd64-unicode; Debian's and Ubuntu's nsis package carry the
; amd64 stubs). Installs for the current user only, without elevation, into
; %LOCALAPPDATA%\Programs\ServerSideSyncManager; adds a Start menu shortcut, an uninstaller
; registered under HKCU (Settings > Apps) and an optional "Start at login" entry (HKCU Run, the
; value the app's Settings page also turns on and off). The user's data
; (%LOCALAPPDATA%\ServerSideSyncManager: database, logs, cache) and the passwords in Windows
; Credential Manager are never touched, neither by an upgrade nor by uninstalling. Like MusicBrainz
; Picard's installer it refuses to go on while the app runs, and an upgrade removes the old
; program files before copying the new ones (no stale modules).
;
; Silent mode takes every choice from the command line (docs/operations.md, "Installing"):
;   SSSM-x.y.z-setup.exe /S [/AUTOSTART=1|0] [/LANG=en|ja] [/RUN] [/D=folder]
;     /AUTOSTART  start at login on or off; left out: as it was (off on a first installation)
;     /LANG       the installer's and uninstaller's language; left out: as before, else Windows'
;     /RUN        start the app when the installation is done
;     /D          the folder (NSIS's own option: last, no quotes); an upgrade stays where it was
;   uninstall.exe /S
; Exit codes:
;   0  installed (uninstalled)       3  the app is running: nothing was changed
;   1  cancelled by the user         4  a command-line option has a wrong value: nothing was changed
;   2  stopped by an error (NSIS's own: a file that cannot be written ...)
; The uninstaller copies itself to %TEMP% and returns at once with 0; wait for it with
; `uninstall.exe /S _?=<install folder>` (then delete uninstall.exe) to see its exit code.
;
; This file is UTF-8 with a byte order mark (makensis needs it for the Japanese strings).

Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=x.y.z packaging\installer.nsi"
!endif
; VIProductVersion wants four numbers; CI passes VERSION_QUAD when VERSION is not x.y.z
!define /ifndef VERSION_QUAD "${VERSION}.0"
; the PyInstaller output, relative to this file (makensis runs in the script's folder)
!define /ifndef DIST "..\dist\SSSM"
!define /ifndef OUTDIR "..\dist"

!define APP_NAME "Server-Side Sync Manager"
!define APP_ID "ServerSideSyncManager"
!define APP_EXE "SSSM.exe"
; the app's AppUserModelID (app/__init__.py APP_USER_MODEL_ID): the shortcut carries it, so that a
; pinned shortcut, the running window and its toasts are one app for the taskbar
!define APP_USER_MODEL_ID "ServerSideSyncManager.SSSM"
; the console twin of SSSM.exe (same files): for PowerShell and Task Scheduler, put on the user's PATH
!define CLI_EXE "sssm-cli.exe"
; NSIS strings hold 1024 characters: a longer PATH is never rewritten (it would be cut short)
!define PATH_LIMIT 900
!define PUBLISHER "Server-Side Sync Manager"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
; exit codes of our own (0, 1 and 2 are NSIS's: done, cancelled, stopped by an error)
!define EXIT_APP_RUNNING 3
!define EXIT_BAD_OPTION 4
; the main window's title in English and Japanese (resources/i18n/sssm_ja.ts)
!define WINDOW_TITLE_EN "Server-Side Sync Manager"
!define WINDOW_TITLE_JA "サーバー側同期マネージャー"

Name "${APP_NAME}"
OutFile "${OUTDIR}\SSSM-${VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
; an upgrade goes where the previous version is
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

; the command line's choices (ReadCommandLine)
Var Option     ; the option named in the "wrong value" message
Var Autostart  ; "1", "0" or "" (left out)
Var LangOption ; "en", "ja" or "" (left out)
Var RunAfterInstall

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "StrFunc.nsh"
!include "WinMessages.nsh"
${StrStr}
${UnStrStr}
${UnStrRep}

!define MUI_ICON "sssm.ico"
!define MUI_UNICON "sssm.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
; the language chosen at install time is the uninstaller's too
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"

LangString AppRunning ${LANG_ENGLISH} "${APP_NAME} is running. Quit it (tray icon > Quit), then choose Retry."
LangString AppRunning ${LANG_JAPANESE} "${WINDOW_TITLE_JA}が実行中です。終了してから (通知領域のアイコン > 終了) [再試行] を選択してください。"
LangString SecProgram ${LANG_ENGLISH} "${APP_NAME} (program and Start menu shortcut)"
LangString SecProgram ${LANG_JAPANESE} "${WINDOW_TITLE_JA} (プログラムと [スタート] メニューのショートカット)"
LangString SecAutostart ${LANG_ENGLISH} "Start at login"
LangString SecAutostart ${LANG_JAPANESE} "ログイン時に起動する"
LangString PathTooLong ${LANG_ENGLISH} "Your PATH is too long to change safely: add $INSTDIR to it yourself to run sssm-cli from any folder."
LangString BadOption ${LANG_ENGLISH} "Unknown value in $Option. Use: /S /AUTOSTART=1|0 /LANG=en|ja /RUN /D=folder"
LangString BadOption ${LANG_JAPANESE} "$Option の値が正しくありません。使い方: /S /AUTOSTART=1|0 /LANG=en|ja /RUN /D=フォルダー"
LangString PathTooLong ${LANG_JAPANESE} "PATH が長すぎるため安全に変更できません。どのフォルダーからでも sssm-cli を実行するには、$INSTDIR を手動で PATH に追加してください。"


; Wait until no copy of the app runs: its main window (hidden while in the tray, but still
; there) and, as the reliable test for the copy in $INSTDIR, whether SSSM.exe can be opened
; for writing (Windows refuses that while the image is running). Cancel aborts the installer.
!macro WAIT_UNTIL_NOT_RUNNING un
Function ${un}WaitUntilNotRunning
  Push $0
  Push $1
  retry:
    FindWindow $0 "" "${WINDOW_TITLE_EN}"
    ${If} $0 == 0
      FindWindow $0 "" "${WINDOW_TITLE_JA}"
    ${EndIf}
    ${If} $0 == 0
    ${AndIf} ${FileExists} "$INSTDIR\${APP_EXE}"
      ClearErrors
      FileOpen $1 "$INSTDIR\${APP_EXE}" a
      ${If} ${Errors}
        StrCpy $0 1
      ${Else}
        FileClose $1
      ${EndIf}
    ${EndIf}
    ${If} $0 != 0
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
      SetErrorLevel ${EXIT_APP_RUNNING}
      Abort
    ${EndIf}
  Pop $1
  Pop $0
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_NOT_RUNNING ""
!insertmacro WAIT_UNTIL_NOT_RUNNING "un."

; The program's own files only: never RMDir /r $INSTDIR, the user may have picked a folder
; that holds other things.
!macro REMOVE_PROGRAM_FILES dir
  Delete "${dir}\${APP_EXE}"
  Delete "${dir}\${CLI_EXE}"
  RMDir /r "${dir}\_internal"
  Delete "${dir}\uninstall.exe"
!macroend


Section "$(SecProgram)" SecProgram
  SectionIn RO
  Call WaitUntilNotRunning

  ; an earlier version installed elsewhere: let its own uninstaller remove it (data stays)
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $0 != $INSTDIR
  ${AndIf} ${FileExists} "$0\uninstall.exe"
    ExecWait '"$0\uninstall.exe" /S _?=$0'
    Delete "$0\uninstall.exe"
    RMDir "$0"
  ${EndIf}

  ; upgrade in place: the old build's files go first, so no module of it lingers
  !insertmacro REMOVE_PROGRAM_FILES "$INSTDIR"

  SetOutPath "$INSTDIR"
  File "${DIST}\${APP_EXE}"
  File "${DIST}\${CLI_EXE}"
  File /r "${DIST}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  Push "$SMPROGRAMS\${APP_NAME}.lnk"
  Call SetShortcutAppUserModelId

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallerLanguage" "$LANGUAGE"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  ; "Start at login" is written by its own section below; unticked on upgrade means off
  DeleteRegValue HKCU "${RUN_KEY}" "${APP_ID}"

  Call AddToUserPath
SectionEnd

; The shortcut on the stack gets System.AppUserModel.ID (IPropertyStore through the System
; plugin: IShellLinkW, IPersistFile::Load, IPropertyStore::SetValue and Commit, IPersistFile::Save).
; A failure leaves a working shortcut without it (the taskbar then keeps a pinned copy apart).
!define CLSID_ShellLink "{00021401-0000-0000-C000-000000000046}"
!define IID_IShellLinkW "{000214F9-0000-0000-C000-000000000046}"
!define IID_IPersistFile "{0000010b-0000-0000-C000-000000000046}"
!define IID_IPropertyStore "{886D8EEB-8CF2-4446-8D02-CDBA1DBDCF99}"
!define PKEY_AppUserModel_ID_FMTID "{9F4C2855-9F79-4B39-A8D0-E1D42DE1D5F3}"
!define VT_LPWSTR 31
Function SetShortcutAppUserModelId
  Exch $0  ; the .lnk
  Push $1
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  System::Call 'ole32::CoCreateInstance(g "${CLSID_ShellLink}", p 0, i 1, g "${IID_IShellLinkW}", *p .r1) i .r6'
  ${If} $6 = 0
    System::Call '$1->0(g "${IID_IPersistFile}", *p .r2) i .r6'
    ${If} $6 = 0
      System::Call '$2->5(w r0, i 2) i .r6'  ; Load, STGM_READWRITE
      ${If} $6 = 0
        System::Call '$1->0(g "${IID_IPropertyStore}", *p .r3) i .r6'
        ${If} $6 = 0
          System::Call '*(&g16 "${PKEY_AppUserModel_ID_FMTID}", i 5) p .r4'  ; PROPERTYKEY
          System::Call '*(&i2 ${VT_LPWSTR}, &i6 0, w "${APP_USER_MODEL_ID}", &i8 0) p .r5'  ; PROPVARIANT
          System::Call '$3->6(p r4, p r5) i .r6'  ; SetValue
          ${If} $6 = 0
            System::Call '$3->7() i .r6'  ; Commit
            System::Call '$2->6(p 0, i 1) i .r6'  ; Save to the loaded file
          ${EndIf}
          System::Free $4
          System::Free $5
          System::Call '$3->2()'
        ${EndIf}
      ${EndIf}
      System::Call '$2->2()'
    ${EndIf}
    System::Call '$1->2()'
  ${EndIf}
  ${If} $6 != 0
    DetailPrint "The shortcut has no AppUserModelID ($6)"
  ${EndIf}
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

; sssm-cli from any PowerShell: $INSTDIR on the user's own PATH (HKCU\Environment, no elevation),
; once; running shells and Explorer are told (WM_SETTINGCHANGE). The uninstaller takes it out.
Function AddToUserPath
  Push $0
  Push $1
  Push $2
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $2 $0
  ${StrStr} $1 ";$0;" ";$INSTDIR;"
  ${If} $1 == ""
    ${If} $2 > ${PATH_LIMIT}
      DetailPrint "$(PathTooLong)"
      MessageBox MB_OK|MB_ICONINFORMATION "$(PathTooLong)" /SD IDOK
    ${Else}
      ${If} $0 == ""
        StrCpy $0 "$INSTDIR"
      ${Else}
        StrCpy $0 "$0;$INSTDIR"
      ${EndIf}
      WriteRegExpandStr HKCU "Environment" "Path" "$0"
      SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
    ${EndIf}
  ${EndIf}
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

Function un.RemoveFromUserPath
  Push $0
  Push $1
  Push $2
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $2 $0
  ${UnStrStr} $1 ";$0;" ";$INSTDIR;"
  ${If} $1 != ""
  ${AndIf} $2 <= ${PATH_LIMIT}
    ${UnStrRep} $1 ";$0;" ";$INSTDIR;" ";"
    StrCpy $1 $1 "" 1  ; the ; added in front
    StrCpy $1 $1 -1    ; and at the end
    ${If} $1 == ""
      DeleteRegValue HKCU "Environment" "Path"
    ${Else}
      WriteRegExpandStr HKCU "Environment" "Path" "$1"
    ${EndIf}
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

Section /o "$(SecAutostart)" SecAutostart
  WriteRegStr HKCU "${RUN_KEY}" "${APP_ID}" '"$INSTDIR\${APP_EXE}"'
SectionEnd

; /RUN: the finish page's "Run" box, for a silent installation
Section "-Run after a silent installation"
  ${If} ${Silent}
  ${AndIf} $RunAfterInstall == 1
    Exec '"$INSTDIR\${APP_EXE}"'
  ${EndIf}
SectionEnd


; The command line (silent mode's choices, also honoured with pages): checked before anything
; is changed; a wrong value ends the installer with EXIT_BAD_OPTION.

Function BadOption
  MessageBox MB_OK|MB_ICONSTOP "$(BadOption)" /SD IDOK
  SetErrorLevel ${EXIT_BAD_OPTION}
  Quit
FunctionEnd

Function ReadCommandLine
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AUTOSTART=" $Autostart
  ${If} ${Errors}
    StrCpy $Autostart ""
  ${ElseIf} $Autostart != "1"
  ${AndIf} $Autostart != "0"
    StrCpy $Option "/AUTOSTART"
    Call BadOption
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/LANG=" $LangOption
  ${If} ${Errors}
    StrCpy $LangOption ""
  ${ElseIf} $LangOption == "en"
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${ElseIf} $LangOption == "ja"
    StrCpy $LANGUAGE ${LANG_JAPANESE}
  ${Else}
    StrCpy $Option "/LANG"
    Call BadOption
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/RUN" $R1
  ${If} ${Errors}
    StrCpy $RunAfterInstall 0
  ${Else}
    StrCpy $RunAfterInstall 1
  ${EndIf}
FunctionEnd

; after the sections: .onInit refers to their indices
Function .onInit
  Call ReadCommandLine
  ${If} $LangOption == ""  ; the language of the last installation, else ask (pages) or Windows'
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  Call WaitUntilNotRunning  ; early, before any page; the program section checks again
  ; "Start at login": as on the command line, else as the user left it when upgrading
  ${If} $Autostart == ""
    ReadRegStr $Autostart HKCU "${RUN_KEY}" "${APP_ID}"
    ${If} $Autostart != ""
      StrCpy $Autostart "1"
    ${EndIf}
  ${EndIf}
  ${If} $Autostart == "1"
    SectionSetFlags ${SecAutostart} ${SF_SELECTED}
  ${Else}
    SectionSetFlags ${SecAutostart} 0
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  Call un.WaitUntilNotRunning
  DeleteRegValue HKCU "${RUN_KEY}" "${APP_ID}"
  Call un.RemoveFromUserPath
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  !insertmacro REMOVE_PROGRAM_FILES "$INSTDIR"
  RMDir "$INSTDIR"  ; only if empty
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; %LOCALAPPDATA%\ServerSideSyncManager (profiles, mailboxes, logs) and the stored
  ; passwords stay: reinstalling picks them up again.
SectionEnd
