#!/usr/bin/env bash
# Throughput and quality of `casebook extract --jsonl`, as ../shared/eval/score.go
# measures them: the dev corpus fed 300 times over (about 17 MB of text) through
# one process, then once per language for the scores. Run from the repo root:
#
#   bench/extract.sh            # all three score lines and MB/s
#   REPEAT=50 bench/extract.sh  # a shorter throughput run
#
# Also: go test ./extract -run XXX -bench Extract   (extraction alone, MB/s)
set -euo pipefail
cd "$(dirname "$0")/.."
eval=../shared/eval
corpus=../shared/corpus/dev
if [ ! -f "$eval/score.go" ] || [ ! -d "$corpus" ]; then
  echo "bench/extract: needs $eval/score.go and $corpus" >&2
  exit 2
fi
bin=$(mktemp -d)/casebook
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/casebook
root=$(pwd)
cd "$eval"
for lang in "" en ko; do
  printf '%-4s ' "${lang:-all}"
  go run score.go -corpus "$root/$corpus" -cmd "$bin extract --jsonl" ${lang:+-lang $lang} | tail -1
done
printf 'x%s ' "${REPEAT:-300}"
go run score.go -corpus "$root/$corpus" -cmd "$bin extract --jsonl" -repeat "${REPEAT:-300}" | grep -E '^(documents|wall)'
