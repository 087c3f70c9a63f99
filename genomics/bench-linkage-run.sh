#!/usr/bin/env bash
# Linkage run benchmark, end to end through the API on PostgreSQL (not a timed test): PED + VCF imported, one run
# (q 0.005, f 0.01/0.6/0.6, 7 thetas, founder frequencies), then lods.tsv and hlod.tsv downloaded.
# usage: genomics/bench-linkage-run.sh [PED] [VCF]   (default /tmp/lk/bench.ped /tmp/lk/bench.vcf, made with
#   python3 ../shared/tools/gen_family.py --n-nuclear 10 --n-3gen 10 --size-max 30 --markers 100000 --seed 1 --out /tmp/lk/bench)
# PostgreSQL: BENCH_PG_URL (default jdbc:postgresql://127.0.0.1:5432/motif_lr), BENCH_PG_USER/PASSWORD (motif/motif);
# the database must not hold an import of the same VCF (sha256). PORT (default 8088).
set -euo pipefail
PED="${1:-/tmp/lk/bench.ped}"
VCF="${2:-/tmp/lk/bench.vcf}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/motif_lr}"
PORT="${PORT:-8088}"
WORK=$(mktemp -d /tmp/motif-lbench.XXXXXX)
cd "$(dirname "$0")/.."
if [ -z "${BENCH_CP:-}" ]; then
  mvn -q -B compile
  mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  BENCH_CP="target/classes:$(cat "$WORK/cp.txt")"
fi
echo "# $(date -u) $(nproc) CPU, load: $(cut -d' ' -f1-3 /proc/loadavg); $PED, $VCF ($(du -h "$VCF" | cut -f1))"
MOTIF_DATA_DIR="$WORK/data" MOTIF_ADMIN_PASSWORD=bench-password-1 MOTIF_DB_URL="$PG_URL" \
  MOTIF_DB_USER="${BENCH_PG_USER:-motif}" MOTIF_DB_PASSWORD="${BENCH_PG_PASSWORD:-motif}" \
  java -Xmx1g -cp "$BENCH_CP" org.motif.Application --server.port="$PORT" --spring.profiles.active=postgres > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP' EXIT
A=(-s -u admin:bench-password-1)
B="http://127.0.0.1:$PORT/api/v1"
# the administrator is created after the web server starts: wait until the API accepts it
until [ "$(curl "${A[@]}" -o /dev/null -w '%{http_code}' "$B/me")" = 200 ]; do sleep 3; done
curl "${A[@]}" -H 'Content-Type: text/plain' --data-binary @"$PED" "$B/pedigrees" | head -c 300; echo
t0=$(date +%s.%N)
IMP=$(curl "${A[@]}" -F "file=@$VCF" "$B/vcf-imports" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$IMP" ] || { echo "VCF import refused"; exit 1; }
until curl "${A[@]}" "$B/vcf-imports/$IMP" | grep -qE '"status":"(done|failed|cancelled)"'; do sleep 2; done
echo "VCF import $IMP: $(echo "$(date +%s.%N) - $t0" | bc) s wall"
t1=$(date +%s.%N)
RUN=$(curl "${A[@]}" -H 'Content-Type: application/json' -d "{\"model\":{\"diseaseAlleleFrequency\":0.005,\"penetrances\":[0.01,0.6,0.6]},\"thetas\":[0,0.01,0.05,0.1,0.2,0.3,0.4],\"alleleFrequencies\":\"founders\",\"importId\":\"$IMP\"}" "$B/linkage/runs" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$RUN" ] || { echo "linkage run refused"; exit 1; }
until curl "${A[@]}" "$B/linkage/runs/$RUN" | grep -qE '"status":"(done|failed|cancelled)"'; do sleep 1; done
echo "linkage run $RUN: $(echo "$(date +%s.%N) - $t1" | bc) s wall (POST to done, polled every 1 s)"
curl "${A[@]}" "$B/linkage/runs/$RUN" | grep -oE '"status":"[a-z]+"|"variants":[0-9]+|"startedAt":"[^"]*"|"finishedAt":"[^"]*"' | tr '\n' ' '; echo
grep -oE 'Linkage run .* done.*' "$WORK/app.log" || true
t2=$(date +%s.%N)
curl "${A[@]}" "$B/linkage/runs/$RUN/lods.tsv" -o "$WORK/lods.tsv"
echo "lods.tsv: $(wc -l < "$WORK/lods.tsv") lines, $(du -h "$WORK/lods.tsv" | cut -f1), $(echo "$(date +%s.%N) - $t2" | bc) s"
t3=$(date +%s.%N)
curl "${A[@]}" "$B/linkage/runs/$RUN/hlod.tsv" -o "$WORK/hlod.tsv"
echo "hlod.tsv: $(wc -l < "$WORK/hlod.tsv") lines, $(echo "$(date +%s.%N) - $t3" | bc) s"
awk -F'\t' '$2=="ALL" && $4!="-inf" && ($4+0>m || m=="") {m=$4+0; v=$1; t=$3} END {print "best summed LOD " m " at " v " theta " t}' "$WORK/lods.tsv"
psql "postgresql://${BENCH_PG_USER:-motif}:${BENCH_PG_PASSWORD:-motif}@127.0.0.1:5432/${PG_URL##*/}" -Atc \
  "select 'linkage_result size: ' || pg_size_pretty(pg_total_relation_size('linkage_result'))" || true
echo "# logs in $WORK"
