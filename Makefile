# Two commands for a fresh machine: `make run` and `make test`.
# Debian's or Ubuntu's own python3 when it is 3.11 or newer: it is what a server runs
# (deploy/README), and its statically linked interpreter took 12-16% less server CPU per
# action under 100 sessions than a source build with a shared libpython (README, Load).
# Else the python3 on PATH; `make PYTHON=...` chooses another.
SYSTEM_PYTHON := $(shell /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo /usr/bin/python3)
PYTHON ?= $(or $(SYSTEM_PYTHON),python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint assets validate geometry bench load clean

$(VENV)/.app: requirements.txt
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); python3 -m venv $(VENV); }  # no venv module
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(VENV)/.build: $(VENV)/.app requirements-build.txt
	$(PY) -m pip install --quiet -r requirements-build.txt
	touch $@

assets: $(VENV)/.app
	$(PY) -m atlas assets

run: assets
	$(PY) -m atlas validate
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

# axe-core for the accessibility tests (test-only JavaScript, pinned in package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

test: $(VENV)/.dev assets node_modules/.installed
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Timings are noisy on shared machines, so the benchmark is not part of `make test`
# (its deterministic payload check is). Exits non-zero when a budget is missed.
bench: $(VENV)/.dev assets
	$(PY) -m bench

# Capacity budgets (load/budgets.py, README "Load"): 25 and 100 protocol sessions on one
# app process, then 200 on two behind deploy/nginx-two.conf with one stopped mid-test; then
# the real page under load: 25 sessions, 2 of them Chromium, on two processes, one stopped.
# About 7 minutes; reports in load/results/ (git-ignored). Exits non-zero when a budget is
# missed (it says which) or any error is seen. `python -m load --help` for single runs,
# soaks and runner.postScriptGC on or off.
load: $(VENV)/.dev assets
	$(PY) -m load --budgets; one=$$?; $(PY) -m load --two-servers; two=$$?; exit $$((one || two))

validate: $(VENV)/.app
	$(PY) -m atlas validate

geometry: $(VENV)/.build
	$(PY) -m atlas.geometry locate
	$(PY) -m atlas.geometry build

clean:
	rm -rf $(VENV) static/vendor .pytest_cache node_modules
