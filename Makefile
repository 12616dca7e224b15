# Strata bootstrap. This file only prepares .venv from the pinned requirements;
# the real work lives in Invoke tasks (tasks.py). Run `make help` for the list.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-requirements

.DEFAULT_GOAL := help
.PHONY: help html test serve clean offline bench lock venv

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# The stamp records which requirements.txt the venv was built from: editing the
# pins rebuilds it, and an interrupted install leaves no stamp behind.
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Strata needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

venv: $(STAMP)  ## Create or refresh .venv from requirements.txt

html: $(STAMP)  ## Build the website into output/ and the offline zip into dist/
	$(BIN)/invoke html

test: $(STAMP)  ## Install a Chromium if needed, then run ruff and the whole test suite
	$(BIN)/invoke test

serve: $(STAMP)  ## Serve output/ at http://127.0.0.1:8000
	$(BIN)/invoke serve

clean:  ## Remove output/, dist/ and caches (keeps .venv)
	rm -rf output dist cache .pytest_cache .ruff_cache .hypothesis

lock: $(STAMP)  ## Re-pin requirements.txt from requirements.in
	$(BIN)/python -m pip install --quiet -r requirements.in
	{ echo "# Exact versions of every package, generated from requirements.in by \`make lock\`."; \
	  $(BIN)/python -m pip freeze --all | grep -vE '^(pip|setuptools|wheel)=='; } > requirements.txt
