# Everything a fresh Linux machine needs: `make demo` runs the app against the
# built-in loopback Exchange server, `make test` runs the whole test suite.
# Both create .venv from pyproject.toml on first use (and again when it changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_STAMP := $(VENV)/.installed-build

.PHONY: demo run test bench forms translations dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# PyInstaller only for `make dist` (the `build` extra), so `make test` stays lean.
$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,build]"
	touch $(BUILD_STAMP)

demo: $(STAMP)
	$(BIN)/python -m app --demo

run: $(STAMP)
	$(BIN)/python -m app

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

# Regenerate app/gui/forms from ui/*.ui (a test checks they are current).
forms: $(STAMP)
	$(BIN)/python -m tools.build_forms

# Update resources/i18n/*.ts and compile app/gui/translations/*.qm (a test checks they are current).
translations: $(STAMP)
	$(BIN)/python -m tools.build_translations

# One-folder build of this platform: dist/sssm/sssm here, dist\SSSM\SSSM.exe on Windows
# (the Windows installer: see README and packaging/windows-ci.yml).
dist: $(BUILD_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	dist/sssm/sssm --version

clean:
	rm -rf $(VENV) build dist .pytest_cache
