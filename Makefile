# Thin wrappers over SwiftPM; the README's first two commands are `make report` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := .build/release/cyppctl
# `make report AS_OF=2019-04-01 SINCE=2019-01-15` reports as of a meeting day.
AS_OF ?=
SINCE ?=
REPORT_ARGS := $(if $(AS_OF),--as-of $(AS_OF)) $(if $(SINCE),--since $(SINCE))

.PHONY: build release test check list report bench fuzz install uninstall format lint clean

build:
	$(SWIFT) build

# The Swift runtime is linked in: one file to install, and start-up without loading its libraries.
release:
	$(SWIFT) build -c release --static-swift-stdlib --product cyppctl

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

# Benchmarks: release builds of cyppctl and the start-up baseline (built the same way), then the suite (Benchmarks/run.py).
bench: release
	$(SWIFT) build -c release --static-swift-stdlib --package-path Benchmarks/Baseline
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

# Coverage-guided fuzzing with libFuzzer: the Markdown reader, the CSV reader and the due-date
# parser, each built from the CYPPKit sources with its target in Fuzz/ (address sanitizer on),
# then run for FUZZ_SECONDS each on a corpus seeded from Tests/Fixtures. Fuzz/run.sh says how.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := MarkdownReader CSVReader DueDateParser
FUZZ_BIN := .build/fuzz/bin
KIT_SOURCES := $(shell find Sources/CYPPKit -name '*.swift')

.PHONY: fuzz
fuzz: $(addprefix $(FUZZ_BIN)/,$(FUZZ_TARGETS))
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run.sh

$(FUZZ_BIN)/%: Fuzz/%/main.swift Fuzz/Shared/*.swift $(KIT_SOURCES)
	@mkdir -p $(FUZZ_BIN)
	@echo "swiftc -sanitize=fuzzer,address Fuzz/$*/main.swift Fuzz/Shared/*.swift Sources/CYPPKit/**/*.swift -o $@"
	@swiftc -parse-as-library -sanitize=fuzzer,address -O -g -module-name Fuzz$* \
		Fuzz/$*/main.swift Fuzz/Shared/*.swift $(KIT_SOURCES) -o $@ 2> $@.log \
		|| { grep -v 'Cannot export local symbol' $@.log; exit 1; }

clean:
	rm -rf .build
