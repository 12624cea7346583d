# Thin wrappers over SwiftPM; the README's first two commands are `make list` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/cyppctl

.PHONY: build release test check list bench install uninstall format lint clean

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
