# Thin wrappers over SwiftPM; the README's first two commands are `make report` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/cyppctl
# `make report AS_OF=2019-04-01 SINCE=2019-01-15` reports as of a meeting day.
AS_OF ?=
SINCE ?=
REPORT_ARGS := $(if $(AS_OF),--as-of $(AS_OF)) $(if $(SINCE),--since $(SINCE))

.PHONY: build release test check list report bench install uninstall format lint clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product cyppctl

test:
	$(SWIFT) test --parallel

check: release
	$(BIN) check plans

list: release
	$(BIN) list plans

# The board paper of the bundled plans: text here, and out/report.html to open or print.
report: release
	$(BIN) report $(REPORT_ARGS) plans
	@mkdir -p out
	$(BIN) report $(REPORT_ARGS) --format html --out out/report.html plans

# Benchmarks: release builds of cyppctl and the start-up baseline, then the suite (Benchmarks/run.py).
bench: release
	$(SWIFT) build -c release --package-path Benchmarks/Baseline
	python3 Benchmarks/run.py

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/cyppctl

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cyppctl

format:
	$(SWIFT) format --in-place --recursive Sources Tests

lint:
	$(SWIFT) format lint --recursive Sources Tests

clean:
	rm -rf .build
