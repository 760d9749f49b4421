# Everything a fresh Linux machine needs: `make demo` runs the app against the
# built-in loopback Exchange server, `make test` runs the whole test suite.
# Both create .venv from pyproject.toml on first use (and again when it changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo run test bench forms translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

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
	$(BIN)/python -m app.gui.build_forms

translations: $(STAMP)
	$(BIN)/python -m app.gui.build_translations

clean:
	rm -rf $(VENV) build dist .pytest_cache
