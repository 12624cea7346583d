#!/usr/bin/env bash
# make fuzz: runs each libFuzzer target for FUZZ_SECONDS (default 60) on a working corpus
# seeded from Tests/Fixtures (and the bundled plans), then prints its figures. A crash stops
# the run: its input is in .build/fuzz/artifacts/TARGET/; make it a fixture in
# Tests/Fixtures/malformed/ and fix the code.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
out=.build/fuzz
status=0
# libFuzzer and the address sanitizer report crashes themselves; Swift's backtracer would race them.
export SWIFT_BACKTRACE=enable=no
for target in ${FUZZ_TARGETS:-MarkdownReader CSVReader DueDateParser}; do
    corpus=$out/corpus/$target
    artifacts=$out/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    case $target in
        MarkdownReader) find Tests/Fixtures plans -name '*.md' -exec cp {} "$corpus/" \; ; max_len=4096; dict=Fuzz/MarkdownReader/markdown.dict ;;
        CSVReader) find Tests/Fixtures plans -name '*.csv' -exec cp {} "$corpus/" \; ; max_len=4096; dict=Fuzz/CSVReader/csv.dict ;;
        DueDateParser)
            # One seed per line of the list of due-date cells.
            n=0
            while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" > "$corpus/seed-$n"; done < Tests/Fixtures/fuzz/due-dates.txt
            max_len=256; dict=Fuzz/DueDateParser/dates.dict ;;
    esac
    log=$out/$target.log
    echo "fuzz: $target for ${seconds}s (corpus $corpus, log $log)"
    if ! "$out/bin/$target" "$corpus" -dict="$dict" -max_len=$max_len -max_total_time="$seconds" -timeout=5 \
        -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 > "$log" 2>&1; then
        echo "fuzz: $target FAILED; the input and the report:"
        ls "$artifacts"
        grep -E "ERROR|Fatal error|SUMMARY|Test unit written" "$log" | head -20
        status=1
        continue
    fi
    # The last status line has the coverage; the final stats have the speed.
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    runs=$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    speed=$(grep -E 'stat::average_exec_per_sec' "$log" | awk '{print $2}')
    echo "  $target: $runs runs, $speed exec/s, no crash; $(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+')"
done
exit $status
