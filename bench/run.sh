#!/usr/bin/env sh
# Runs every benchmark (P1-P5, P8; P6 only when named) and rewrites the results section of BENCHMARKS.md.
# Sized for 2 cores and under 15 minutes; figures from a busy machine are noise, so run it on a quiet one.
#
#   bench/run.sh              all benchmarks
#   bench/run.sh p1 p3        only some of them
#   bench/run.sh p6           the watcher across replicas: three JVMs, the leader SIGKILLed three times
#
# Needs only a JDK 17+; results go to bench/results/*.json.
set -eu

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/bench/results"
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 3 -w 2s -i 5 -r 2s"}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx1g"}

./mvnw -B -q -pl rime-benchmarks -am package -DskipTests
CP="$ROOT/rime-benchmarks/target/classes:$(cat "$ROOT/rime-benchmarks/target/classpath.txt")"
mkdir -p "$RESULTS"

run() {
	# shellcheck disable=SC2086
	java $JAVA_OPTS -Dbench.results="$RESULTS" -cp "$CP" "$@"
}

wanted() {
	[ -z "$SELECTED" ] || case " $SELECTED " in *" $1 "*) return 0 ;; *) return 1 ;; esac
}

SELECTED="$*"
if wanted p1; then
	echo "== P1 call overhead (JMH, wall time and allocation)"
	# shellcheck disable=SC2086
	run org.openjdk.jmh.Main CallOverheadBenchmark $JMH_ARGS -prof gc -rf json -rff "$RESULTS/p1-jmh.json"
	echo "== P1 call overhead (CPU time per call)"
	run io.rime.benchmarks.CallCpuBenchmark
fi
if wanted p2; then
	echo "== P2 watcher"
	run io.rime.benchmarks.WatcherScaleBenchmark
fi
if wanted p3; then
	echo "== P3 startup"
	run io.rime.benchmarks.StartupBenchmark
fi
if wanted p4; then
	echo "== P4 results CSV"
	run io.rime.benchmarks.ResultsBenchmark
fi
if wanted p5; then
	echo "== P5 emulator"
	run io.rime.benchmarks.EmulatorThroughputBenchmark
fi
if wanted p8; then
	echo "== P8 emulator data checks (single thread, -Xmx64m)"
	java -Xmx64m -XX:+UseSerialGC -Dbench.results="$RESULTS" -cp "$CP" io.rime.benchmarks.DataChecksBenchmark
fi
if [ -n "$SELECTED" ] && wanted p6; then
	# Not part of a plain run: three replica JVMs and a PostgreSQL for about two minutes.
	echo "== P6 watcher across replicas (three JVMs, SIGKILL of the leader)"
	run io.rime.benchmarks.ClusterFailoverBenchmark
fi
run io.rime.benchmarks.BenchmarkReport "$RESULTS" "$ROOT/BENCHMARKS.md"
