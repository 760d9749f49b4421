# Everything a fresh Linux machine needs: `make demo` runs the app against the
# built-in loopback Exchange server, `make test` runs the whole test suite.
# Both create .venv from pyproject.toml on first use (and again when it changes).
# `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_STAMP := $(VENV)/.installed-build

.DEFAULT_GOAL := help
.PHONY: help demo run test soak conformance lint format bench forms translations dist installer-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	touch $(STAMP)

# PyInstaller only for `make dist` (the `build` extra), so `make test` stays lean.
$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,postgres,build]"
	touch $(BUILD_STAMP)

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

demo: $(STAMP) ## set up, then open the app against the built-in demo Exchange server
	$(BIN)/python -m app --demo

run: $(STAMP) ## open the app on this user's own data
	$(BIN)/python -m app

test: $(STAMP) ## set up, then run the whole test suite (PYTEST_ARGS="-k store -x" passes arguments)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

soak: $(STAMP) ## the reliability suite's long runs: crash loop, concurrency and fuzzing at soak size (docs/reliability.md)
	SSSM_SOAK=1 $(BIN)/python -m pytest -m soak tests/reliability $(PYTEST_ARGS)

conformance: $(STAMP) ## independent EWS clients against the loopback server: ews-javascript-api (npm), DavMail (Debian), exchangelib
	@command -v davmail >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends davmail >/dev/null; } \
	  || echo "note: DavMail is not installed (apt-get install davmail); its test will be skipped"
	$(BIN)/python -m pytest tests/simulator/test_client_ewsjs.py tests/simulator/test_client_davmail.py \
	  tests/simulator/test_exchangelib_mail_features.py $(PYTEST_ARGS)

lint: $(STAMP) ## ruff (lint and format check) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP) ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP) ## run the benchmarks in bench/ (figures as ratios against a same-run baseline)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

forms: $(STAMP) ## recompile ui/*.ui into app/gui/forms (a test checks they are current)
	$(BIN)/python -m tools.build_forms

translations: $(STAMP) ## update resources/i18n/*.ts and compile app/gui/translations/*.qm
	$(BIN)/python -m tools.build_translations

# One-folder build of this platform: dist/sssm/sssm here, dist\SSSM\SSSM.exe on Windows
# (the Windows installer: see README and .github/workflows/windows.yml).
dist: $(BUILD_STAMP) ## one-folder PyInstaller build in dist/, then its self-check
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	dist/sssm/sssm --version
	dist/sssm/sssm self-check
	test "$$(dist/sssm/sssm-cli --version)" = "$$(dist/sssm/sssm --version)"  # the console twin agrees
	dist/sssm/sssm-cli self-check
	test ! -e dist/sssm/_internal/tools  # developer tools never ship

# The Windows installer, proven on Linux: packaging/installer.nsi built with makensis around a
# stand-in app (tests/installer/standin.c, compiled with MinGW-w64), then installed, upgraded,
# refused and uninstalled silently in a fresh Wine prefix (tests/installer; about two minutes).
installer-test: $(STAMP) ## the Windows installer under Wine: install, start at login, upgrade, refusal, uninstall
	$(BIN)/python -m tests.installer.wine_prefix  # says what to install, and fails, when a tool is missing
	SSSM_INSTALLER_TEST=1 $(BIN)/python -m pytest tests/installer $(PYTEST_ARGS)

clean: ## remove the virtual environment and build output
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
