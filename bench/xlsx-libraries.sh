#!/usr/bin/env bash
# The export renderers alone, without database or network: ROWS synthetic rows shaped like the events dataset
# (14 columns, bench/xlsx/ExportRenderBench.java) rendered into a stream that drops the bytes, each library in a JVM
# of its own with the 512 MB container's heap flags (deploy/jvm.env under -XX:MaxRAM=512m: 154 MB of heap, parallel
# collector): rows/s, output size, heap peak (sampled, garbage included) and heap after GC.
# poi is the XLSX renderer before fastexcel (POI's DeferredSXSSFWorkbook, kept in bench/xlsx/PoiXlsxRenderer.java);
# fastexcel and pdf are the application's renderers.
# bench/xlsx-libraries.sh [ROWS=1000000] [RENDERERS="poi fastexcel pdf"]
# More than 200,000 rows only on an idle machine (the class refuses them without BENCH_ALLOW_LARGE=1, set here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${1:-1000000}
RENDERERS=${2:-poi fastexcel pdf}
OUT=target/bench-xlsx
mkdir -p "$OUT"
./mvnw -B -q -o compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" > /dev/null
CP="target/classes:$(cat "$OUT/classpath.txt")"
javac -nowarn -d "$OUT/classes" -cp "$CP" bench/xlsx/*.java
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $ROWS rows each"
for renderer in $RENDERERS; do
  BENCH_ALLOW_LARGE=1 java -XX:MaxRAM=512m -XX:MaxRAMPercentage=30 -XX:+UseParallelGC \
    -cp "$OUT/classes:$CP" ExportRenderBench "$renderer" "$ROWS"
done
