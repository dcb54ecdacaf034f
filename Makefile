# The only commands anyone needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test test-dates lint format browser postgres demo bench clean extract update compile lock

$(BIN)/python:
	@echo "Creating the virtual environment in $(VENV)..."
	@$(PYTHON) -m venv $(VENV)

# Installs repeat (README: Installs that repeat): both targets install the lock files, which pin
# every package, the ones pulled in by others too, with the hashes of their files. pip refuses
# any file whose hash is not in the lock, so a fresh clone a year later gets the same bytes.
$(VENV)/.runtime: requirements.lock | $(BIN)/python
	@echo "Installing the app's packages into $(VENV) (about a minute the first time)..."
	@$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	@touch $@

$(VENV)/.dev: requirements.lock requirements-dev.lock | $(BIN)/python
	@echo "Installing the app's packages and the developer tools (a few minutes the first time)..."
	@$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	@touch $@ $(VENV)/.runtime

# The human lists (requirements.txt, requirements-dev.txt) become the lock files. uv keeps every
# pin already in a lock unless a list asks otherwise; `make lock UPGRADE=--upgrade` takes the
# newest release of everything. The dev lock is held to the runtime lock's versions, so the
# tests run on exactly what `make run` installs. One lock serves Linux, macOS and Windows and
# every Python from 3.11 (pyproject.toml's requires-python).
LOCK := $(BIN)/uv pip compile --universal --python-version 3.11 --generate-hashes --quiet $(UPGRADE)
lock: $(VENV)/.dev ## Refresh requirements.lock and requirements-dev.lock from the human lists
	$(LOCK) --output-file requirements.lock requirements.txt
	$(LOCK) --constraint requirements.lock --output-file requirements-dev.lock requirements-dev.txt

# Serves on this computer only (README: "Who can open the app"); prints the address when ready.
run: $(VENV)/.runtime ## make run, or make run PORT=8600 for another port
	@echo "Starting the app on port $(PORT); it prints the address to open when it is ready..."
	@$(BIN)/python -m sciatica.ui.server --server.port $(PORT)

demo: $(VENV)/.runtime ## Write 120 days of examples into an empty diary; prints which database
	$(BIN)/python -m sciatica demo-data --days 120

# Languages (README: Languages). The app reads the .po catalogues itself when it starts, so
# nothing needs compiling to run it; `compile` checks each catalogue the way a compiler would.
LOCALE_DIR := sciatica/locale
POT := $(LOCALE_DIR)/messages.pot
LANGUAGES := sv

extract: $(VENV)/.runtime ## Collect the marked messages into the template (messages.pot)
	$(BIN)/pybabel extract --mapping-file babel.cfg --output-file $(POT) --project sciatica \
		--add-location file --sort-by-file --no-wrap --add-comments Translators: \
		.

update: extract ## Bring each language's catalogue up to date with the template
	$(BIN)/pybabel update --input-file $(POT) --output-dir $(LOCALE_DIR) --no-wrap \
		--ignore-pot-creation-date --ignore-obsolete
	@echo "Now translate what is new or marked fuzzy in $(LOCALE_DIR)/*/LC_MESSAGES/messages.po"

compile: $(VENV)/.runtime ## Check each catalogue compiles, and how much of it is translated
	@for language in $(LANGUAGES); do \
		$(BIN)/pybabel compile --statistics --locale $$language \
			--input-file $(LOCALE_DIR)/$$language/LC_MESSAGES/messages.po --output-file /dev/null \
			|| exit 1; \
	done

# Browser tests need Chromium. On Debian as root, Debian's package; elsewhere Playwright's own.
browser: $(VENV)/.dev
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		$(BIN)/playwright install chromium; \
	fi

# Storage tests also run against a real PostgreSQL server that the tests start themselves.
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null; then :; \
	elif [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; \
	else \
		echo "PostgreSQL is not installed: its tests will be skipped (they run in CI)."; \
	fi

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# One run on every core: the unit, integration, page and browser tests, and the ones that can
# depend on the date once more at each awkward moment (README: One clock), side by side. Each
# test file stays on one core (a browser module shares one server), in the order tests/conftest.py
# gives: the long browser modules first, so the short tests fill the end of the run.
PYTEST := $(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --awkward-moments
test: lint browser postgres
	$(PYTEST)

# Only the runs at the awkward moments (New Year's Eve, 29 February, the spring clock change).
test-dates: $(VENV)/.dev
	$(PYTEST) -k "at-new-year or at-leap-day or at-clocks-change"

# Page reruns against Streamlit's own floor, browser timings and start-up (README: Performance).
bench: $(VENV)/.dev browser
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
