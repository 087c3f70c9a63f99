#!/usr/bin/env bash
# VCF import benchmark (not a timed test), all in one run on the same file:
#   bcftools view -Ou decode time, a bare htsjdk read of all genotypes, Motif's reader alone,
#   Motif's full import into PostgreSQL and into H2 (the app with -Xmx512m and --import-vcf), peak heap.
# usage: genomics/bench-import.sh [VCF]   (default /tmp/ref/bigvcf/big.vcf.gz, made with
#   python3 ../shared/tools/gen_big_vcf.py --out /tmp/ref/bigvcf/big.vcf.gz --samples 30 --variants 1000000 --bgzip)
# PostgreSQL: BENCH_PG_URL (default jdbc:postgresql://127.0.0.1:5432/motif_g), BENCH_PG_USER/PASSWORD (motif/motif);
# the database must not hold an import of the same file (sha256), e.g. psql -c "delete from vcf_import where file_name='big.vcf.gz'".
set -euo pipefail
VCF="${1:-/tmp/ref/bigvcf/big.vcf.gz}"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/motif_g}"
WORK=$(mktemp -d /tmp/motif-bench.XXXXXX)
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
echo "# $(date -u) $(nproc) CPU, load: $(cut -d' ' -f1-3 /proc/loadavg); file $VCF ($(du -h "$VCF" | cut -f1))"
if command -v bcftools >/dev/null; then
  for i in 1 2; do /usr/bin/time -f "bcftools view -Ou: %e s" bcftools view -Ou "$VCF" > /dev/null; done
fi
java -Xmx512m -cp "$CP" org.motif.genomics.GenomicsBench "$VCF"
run_import() { # name, extra env/args
  local name=$1; shift
  ( env MOTIF_DATA_DIR="$WORK/data-$name" MOTIF_ADMIN_PASSWORD=bench-password-1 "$@" \
      java -Xmx512m -Xlog:gc:file="$WORK/gc-$name.log" -cp "$CP" org.motif.Application --server.port=0 \
      ${PROFILE:-} --import-vcf="$VCF" > "$WORK/app-$name.log" 2>&1 & echo $! > "$WORK/$name.pid" )
  until grep -qE "VCF import .* (done|failed)|refused|APPLICATION FAILED" "$WORK/app-$name.log" 2>/dev/null; do sleep 5; done
  grep -oE "VCF import .*|refused.*" "$WORK/app-$name.log" | sed "s/^/$name: /"
  awk -F'->' '/Pause/ {split($1,a," "); v=a[length(a)]; sub("M","",v); if (v+0>m) m=v+0} END {print "'"$name"' peak heap before GC: " m " MB"}' "$WORK/gc-$name.log"
  kill "$(cat "$WORK/$name.pid")"
}
PROFILE=--spring.profiles.active=postgres run_import postgres MOTIF_DB_URL="$PG_URL" MOTIF_DB_USER="${BENCH_PG_USER:-motif}" MOTIF_DB_PASSWORD="${BENCH_PG_PASSWORD:-motif}"
PROFILE= run_import h2
echo "# logs in $WORK"
