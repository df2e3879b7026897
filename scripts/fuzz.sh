#!/usr/bin/env bash
# Runs each fuzz target briefly (FUZZTIME, default 8s): feed parsing,
# cleaning, sentence splitting, and the Telegram HTML renderer and parser.
# A failure leaves its input in the package's testdata/fuzz, to be kept as a
# regression case. Longer runs: FUZZTIME=10m scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
time=${FUZZTIME:-8s}
targets=(
  "./internal/feeds FuzzParse"
  "./internal/extract/clean FuzzClean"
  "./internal/summarize FuzzSentences"
  "./templates FuzzRenderTelegram"
  "./publishers/telegram/tghtml FuzzParse"
)
for t in "${targets[@]}"; do
  set -- $t
  echo "fuzz: $1 $2 for $time"
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$time" -parallel 2 >/tmp/crier-fuzz.log 2>&1 || {
    cat /tmp/crier-fuzz.log
    exit 1
  }
done
