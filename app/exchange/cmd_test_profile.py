from app.exchange.cmd_test import DiagnoseProfileCommand as _C

HELP, add_arguments, run = _C.HELP, _C.add_arguments, _C.run
