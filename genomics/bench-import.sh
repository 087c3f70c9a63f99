#!/usr/bin/env bash
# VCF import benchmark (not a timed test), all in one run on the same file:
#   bcftools view -Ou decode time, a bare htsjdk read of all genotypes, Motif's reader alone,
#   Motif's full import into PostgreSQL and into H2 (the app with -Xmx512m and --import-vcf), peak heap.
# usage: genomics/bench-import.sh [VCF]   (default /tmp/ref/bigvcf/big.vcf.gz, made with
#   python3 ../shared/tools/gen_big_vcf.py --out /tmp/ref/bigvcf/big.vcf.gz --samples 30 --variants 1000000 --bgzip)
# PostgreSQL: BENCH_PG_URL (default jdbc:postgresql://127.0.0.1:5432/motif_g), BENCH_PG_USER/PASSWORD (motif/motif);
# an earlier import of the same file name is deleted first (with its variant rows, then VACUUM) so the run can be
# repeated. The ratio is to the median of three bcftools runs.
set -euo pipefail
VCF="${1:-/tmp/ref/bigvcf/big.vcf.gz}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/motif_g}"
WORK=$(mktemp -d /tmp/motif-bench.XXXXXX)
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
echo "# $(date -u) $(nproc) CPU, load: $(cut -d' ' -f1-3 /proc/loadavg); file $VCF ($(du -h "$VCF" | cut -f1))"
BCF=""
if command -v bcftools >/dev/null; then
  for i in 1 2 3; do /usr/bin/time -o "$WORK/bcf.txt" -f "%e %U %S" bcftools view -Ou "$VCF" > /dev/null
    read -r w u sy < "$WORK/bcf.txt"; echo "bcftools view -Ou: $w s wall, $(echo "$u+$sy" | bc) s CPU"; echo "$w" >> "$WORK/bcf-walls.txt"; done
  BCF=$(sort -n "$WORK/bcf-walls.txt" | sed -n 2p) # the median of three is the reference
  echo "bcftools reference (median of 3): $BCF s"
fi
java -Xmx512m -cp "$CP" org.motif.genomics.GenomicsBench "$VCF"
run_import() { # name, extra env/args
  local name=$1; shift
  ( env MOTIF_DATA_DIR="$WORK/data-$name" MOTIF_ADMIN_PASSWORD=bench-password-1 "$@" \
      java -Xmx512m -Xlog:gc:file="$WORK/gc-$name.log" -cp "$CP" org.motif.Application --server.port=0 \
      ${PROFILE:-} --import-vcf="$VCF" > "$WORK/app-$name.log" 2>&1 & echo $! > "$WORK/$name.pid" )
  local pid; pid=$(cat "$WORK/$name.pid")
  until grep -qE "Started Application|APPLICATION FAILED" "$WORK/app-$name.log" 2>/dev/null; do sleep 0.5; done
  local cpu0; cpu0=$(awk '{print $14+$15}' /proc/$pid/stat)
  until grep -qE "VCF import .* (done|failed)|refused|APPLICATION FAILED" "$WORK/app-$name.log" 2>/dev/null; do sleep 1; done
  local cpu1; cpu1=$(awk '{print $14+$15}' /proc/$pid/stat)
  grep -oE "VCF import .*|refused.*" "$WORK/app-$name.log" | sed "s/^/$name: /"
  local secs; secs=$(grep -oE "variants in [0-9.]+ s" "$WORK/app-$name.log" | grep -oE "[0-9.]+ s" | cut -d' ' -f1)
  echo "$name: JVM CPU during the import $(echo "scale=1; ($cpu1-$cpu0)/100" | bc) s; ratio to bcftools decode (wall): $(echo "scale=2; $secs/$BCF" | bc)"
  if [ "$name" = postgres ] && command -v psql >/dev/null; then # the server's share: CPU of the app's backends
    local pg=0 b; for b in $(PGPASSWORD="${BENCH_PG_PASSWORD:-motif}" psql -Atq "${PG_URL#jdbc:}" -U "${BENCH_PG_USER:-motif}" -c "select pid from pg_stat_activity where usename=current_user and pid<>pg_backend_pid()" 2>/dev/null); do
      pg=$((pg+$(awk '{print $14+$15}' /proc/$b/stat 2>/dev/null || echo 0))); done
    echo "postgres: PostgreSQL backends' CPU $(echo "scale=1; $pg/100" | bc) s"
  fi
  awk -F'->' '/Pause/ {split($1,a," "); v=a[length(a)]; sub("M","",v); if (v+0>m) m=v+0} END {print "'"$name"' peak heap before GC: " m " MB"}' "$WORK/gc-$name.log"
  kill "$pid"
}
if command -v psql >/dev/null; then
  f=$(basename "$VCF")
  PGPASSWORD="${BENCH_PG_PASSWORD:-motif}" psql -q "${PG_URL#jdbc:}" -U "${BENCH_PG_USER:-motif}" \
    -c "delete from variant where import_pk in (select id from vcf_import where file_name='$f')" \
    -c "delete from vcf_import where file_name='$f'" -c "vacuum analyze variant" 2>/dev/null || true
  # (vacuumed here so that autovacuum does not clean up the earlier run during the timed import)
fi
PROFILE=--spring.profiles.active=postgres run_import postgres MOTIF_DB_URL="$PG_URL" MOTIF_DB_USER="${BENCH_PG_USER:-motif}" MOTIF_DB_PASSWORD="${BENCH_PG_PASSWORD:-motif}"
PROFILE= run_import h2
echo "# logs in $WORK"
