#!/usr/bin/env bash
# Regression guard (not a timed unit test): runs the JDBC and HTTP comparisons in one JMH
# run with the GC profiler, then prints every variant against the raw call and against the
# peers, and the targets of the benchmarks issue as MET, MISSED or UNDECIDED (UNDECIDED:
# JMH's error interval straddles the limit, so this run cannot tell; run more forks).
#
#   benchmarks/compare.sh                  # build the jar, full run (about 20-25 minutes)
#   benchmarks/compare.sh --quick          # 1 fork, short iterations (a few minutes; rough)
#   benchmarks/compare.sh --no-build -f 1  # reuse the jar; extra arguments go to JMH
#   STRICT=1 benchmarks/compare.sh         # exit 1 when a target is missed, 3 when undecided
#   BENCH='JdbcH2' benchmarks/compare.sh   # only the benchmarks matching a regex
#
# Results: benchmarks/target/compare-<time>.json (JMH JSON) and .txt (the report).
# Run it on a quiet machine: every other process adds noise to the timings.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
jmh_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --quick) jmh_args+=(-f 1 -wi 2 -w 1s -i 3 -r 1s) ;;
    *) jmh_args+=("$arg") ;;
  esac
done

jar=benchmarks/target/benchmarks.jar
if [[ $build == 1 || ! -f $jar ]]; then
  if [[ -x ./mvnw ]]; then mvn_cmd=./mvnw; else mvn_cmd=mvn; fi
  "$mvn_cmd" -B -ntp -q -pl benchmarks -am -DskipTests package
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
json=benchmarks/target/compare-$stamp.json
report=benchmarks/target/compare-$stamp.txt
pattern=${BENCH:-'JdbcH2Benchmark|JdbcH2PairedBenchmark|JdbcPostgresBenchmark|JdbcPostgresPairedBenchmark|HttpClassicBenchmark|HttpClassicPairedBenchmark|HttpAsyncBenchmark'}

java -jar "$jar" "$pattern" -prof gc -rf json -rff "$json" "${jmh_args[@]}"
strict=()
if [[ -n ${STRICT:-} ]]; then strict=(--strict); fi
java -cp "$jar" dev.reprokit.benchmarks.Compare "$json" "${strict[@]}" | tee "$report"
echo "JMH results: $json; report: $report"
