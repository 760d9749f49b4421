/* A stand-in for the frozen app, for the installer test under Wine (tests/installer).
 *
 * Built twice with the MinGW-w64 compiler, as the PyInstaller one-folder build has it:
 *   SSSM.exe      windowed (-mwindows): a window titled as the app's main window, until closed
 *   sssm-cli.exe  console (-DCONSOLE): prints its arguments and exits
 * Both append one line to the file named by SSSM_STANDIN_RECORD (when set): the version they
 * were built as (-DVERSION), then their command line, so the test sees what was started, how.
 * The window writes its line once it exists: the test waits for the line, then for the window.
 */
#include <windows.h>
#include <stdio.h>

#ifndef VERSION
#define VERSION "0.0.0"
#endif
#define WINDOW_TITLE L"Server-Side Sync Manager"

static void record(void)
{
    wchar_t path[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(L"SSSM_STANDIN_RECORD", path, MAX_PATH);
    if (n == 0 || n >= MAX_PATH)
        return;
    FILE *file = _wfopen(path, L"ab");
    if (file == NULL)
        return;
    const wchar_t *line = GetCommandLineW();
    char utf8[4096];
    int length = WideCharToMultiByte(CP_UTF8, 0, line, -1, utf8, sizeof utf8, NULL, NULL);
    fprintf(file, "%s %s\n", VERSION, length > 0 ? utf8 : "?");
    fclose(file);
}

#ifdef CONSOLE
int wmain(int argc, wchar_t **argv)
{
    record();
    wprintf(L"sssm-cli stand-in " VERSION);
    for (int i = 1; i < argc; i++)
        wprintf(L" %ls", argv[i]);
    wprintf(L"\n");
    return 0;
}
#else
static LRESULT CALLBACK window_procedure(HWND window, UINT message, WPARAM w, LPARAM l)
{
    if (message == WM_DESTROY) {
        PostQuitMessage(0);
        return 0;
    }
    return DefWindowProcW(window, message, w, l);
}

int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command_line, int show)
{
    (void)previous;
    (void)command_line;
    WNDCLASSW window_class = {0};
    window_class.lpfnWndProc = window_procedure;
    window_class.hInstance = instance;
    window_class.lpszClassName = L"SssmStandIn";
    RegisterClassW(&window_class);
    HWND window = CreateWindowW(L"SssmStandIn", WINDOW_TITLE, WS_OVERLAPPEDWINDOW, CW_USEDEFAULT,
                                CW_USEDEFAULT, 320, 120, NULL, NULL, instance, NULL);
    if (window == NULL)
        return 1;
    ShowWindow(window, show);
    record();
    MSG message;
    while (GetMessageW(&message, NULL, 0, 0) > 0) {
        TranslateMessage(&message);
        DispatchMessageW(&message);
    }
    return 0;
}
#endif
