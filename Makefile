# gdplan: build, test and demo. Needs only Python 3.11+, pip and GNU make.
#
#   make demo    convert every file in samples/ to out/ in json, jsonl, xml, md and xlsx,
#                and write out/report.html (the HTML report of all of them)
#   make test    ruff, mypy and pytest (what CI runs: .ci/run)
#
# The virtual environment lives in .venv. Installing is remembered by stamp files inside
# it, so a second `make test` does not reinstall; editing pyproject.toml (or the version
# in src/gdplan/_version.py, which is baked into the installed metadata) does.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP_INSTALL := $(BIN)/python -m pip install --disable-pip-version-check --quiet
# The venv's own config file: a real file (bin/python is a symlink to an old binary).
VENV_CFG := $(VENV)/pyvenv.cfg
INSTALL_INPUTS := pyproject.toml src/gdplan/_version.py
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev

# Every file in samples/ except its SOURCES.md (which says where each came from).
SAMPLES := $(filter-out samples/SOURCES.md,$(wildcard samples/*))
comma := ,
FORMATS_CSV := json,jsonl,xml,md,xlsx
FORMATS := $(subst $(comma), ,$(FORMATS_CSV))
OUT := out

.DEFAULT_GOAL := help
.PHONY: help demo test lint bench reference clean distclean

help:
	@echo "make demo       convert the files in samples/ to $(OUT)/ as: $(FORMATS); and $(OUT)/report.html"
	@echo "make test       ruff check, mypy src, pytest (fails if any fails or no test ran)"
	@echo "make lint       ruff check and mypy src only"
	@echo "make bench      bench/bench_parse.py (and bench_batch.py, bench_report.py when present)"
	@echo "make reference  regenerate tests/fixtures/reference/ (only for deliberate output changes)"
	@echo "make clean      remove $(OUT)/, caches and build files (keeps $(VENV))"
	@echo "make distclean  clean, and remove $(VENV)"

$(VENV_CFG):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "gdplan needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): $(INSTALL_INPUTS) | $(VENV_CFG)
	$(PIP_INSTALL) -e .
	@touch $@

# The dev extra includes the runtime install, so it satisfies both stamps.
$(DEV_STAMP): $(INSTALL_INPUTS) | $(VENV_CFG)
	$(PIP_INSTALL) -e ".[dev]"
	@touch $@ $(RUNTIME_STAMP)

# One batch conversion of the samples folder (its SOURCES.md is not an input: the CLI
# picks .txt .html .htm .docx .pdf), then every promised output is checked and listed.
demo: $(RUNTIME_STAMP)
	$(BIN)/gdplan convert samples --to $(FORMATS_CSV) -o $(OUT)
	$(BIN)/gdplan report samples -o $(OUT)/report.html
	@echo "Outputs ($(words $(SAMPLES)) samples x $(words $(FORMATS)) formats):"; missing=0; \
	for src in $(SAMPLES); do \
		name=$$(basename "$$src"); name=$${name%.*}; \
		for fmt in $(FORMATS); do \
			dest="$(OUT)/$$name.$$fmt"; \
			if [ -s "$$dest" ]; then ls -l "$$dest"; else echo "MISSING: $$dest" >&2; missing=1; fi; \
		done; \
	done; \
	if [ -s "$(OUT)/report.html" ]; then ls -l "$(OUT)/report.html"; else echo "MISSING: $(OUT)/report.html" >&2; missing=1; fi; \
	[ $$missing -eq 0 ]

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy src

# All three run even when one fails, so one run shows every problem. pytest's own exit
# status is kept: 5 (no test collected) fails the target like any other failure.
test: $(DEV_STAMP)
	@ruff=0; mypy=0; pytest=0; \
	echo "== ruff check"; $(BIN)/ruff check . || ruff=$$?; \
	echo "== mypy src"; $(BIN)/mypy src || mypy=$$?; \
	echo "== pytest"; $(BIN)/pytest $(PYTEST_ARGS) || pytest=$$?; \
	echo "== make test: ruff exit $$ruff, mypy exit $$mypy, pytest exit $$pytest"; \
	if [ $$pytest -eq 5 ]; then echo "pytest ran no test: that is a failure" >&2; fi; \
	[ $$ruff -eq 0 ] && [ $$mypy -eq 0 ] && [ $$pytest -eq 0 ]

bench: $(DEV_STAMP)
	@status=0; \
	$(BIN)/python bench/bench_parse.py $(BENCH_ARGS) || status=1; \
	if [ -f bench/bench_batch.py ]; then $(BIN)/python bench/bench_batch.py || status=1; fi; \
	if [ -f bench/bench_report.py ]; then $(BIN)/python bench/bench_report.py || status=1; fi; \
	exit $$status

# The outputs tests/test_reference_outputs.py compares against; see docs/development.md.
reference: $(DEV_STAMP)
	$(BIN)/python tools/update_reference.py

clean:
	rm -rf $(OUT) build dist bench/results .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name '*.egg-info' \) -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
