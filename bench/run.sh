#!/usr/bin/env bash
# Reproduces every table in docs/benchmarks.md: builds the service jar, starts it with the chosen
# flags plus the unauthenticated control endpoint, runs churn, fan-out and hold/scrape from a NIO
# client in another process, then the JMH suite. Results: docs/benchmarks/ (results.md, CSV, PNG,
# jmh.txt). Not part of ./mvnw verify.
#
#   bench/run.sh                                   # everything, defaults below
#   bench/run.sh --scenarios churn --rounds 3      # options go to dev.authwatch.bench.LoadGenerator
#   SERVER_JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh --prop spring.threads.virtual.enabled=true
#   SKIP_JMH=1 bench/run.sh                        # load generator only
#   SKIP_JMH=1 bench/run.sh --scenarios churn --methods plain,jwt,jwt-new,ticket,spring-plain,spring-jwt,node-plain,node-jwt
#                                                  # against what users would run instead (bench/controls)
#   SKIP_JMH=1 bench/run.sh --out docs/benchmarks/jetty --scenarios churn \
#       --methods spring-plain,jetty-plain,spring-jwt,jetty-jwt,plain,jwt --warmups 3 --rounds 5 --round-seconds 6
#                                                  # Tomcat against Jetty: the same control application on each
#   SKIP_JMH=1 bench/run.sh --out docs/benchmarks/ticket-pinned --scenarios churn --store redis \
#       --methods plain,jwt,ticket,spring-plain --server-cpus 0 --redis-cpus 1 --warmups 3 --rounds 5 --round-seconds 6
#                                                  # Redis on its own core: taskset pins Redis to CPU 1, AuthWatch,
#                                                  # every control (-XX:ActiveProcessorCount=1) and the client to CPU 0
#   bench/run.sh cluster                           # the cluster scenarios only (docs/benchmarks.md, "Cluster"):
#   bench/run.sh cluster --scenarios broadcast --rooms 10,100   # options go to dev.authwatch.bench.ClusterBench
#   bench/run.sh cluster --scenarios soak          # issue 17's 30-minute soak (about 35 min): 15,000 idle, 500 upgrades/s,
#                                                  # chat, Redis restarted in the middle (run it on a quiet machine)
#   bench/run.sh cluster --scenarios soak --soak-minutes 2 --soak-idle 2000 --soak-churn 100   # its smoke run
#   bench/round-two.sh                             # issue 17's tables in one command (controls, pinned
#                                                  # ticket, storm, soak)
#
# The client holds up to 19,000 sockets itself: its soft open-file limit is raised to the hard one.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-docs/benchmarks}
mkdir -p "$OUT"
ulimit -n "$(ulimit -Hn)"

./mvnw -q -B -Pbench -DskipTests package
./mvnw -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The control endpoint alone, with its parent directory entries so that component scanning finds it.
rm -rf target/bench-server && mkdir -p target/bench-server/dev/authwatch/bench
cp -r target/test-classes/dev/authwatch/bench/server target/bench-server/dev/authwatch/bench/
jar cf target/bench-server.jar -C target/bench-server dev

if [ "${1:-}" = cluster ]; then
  shift
  # Redis, nginx, the instances and the client processes are started by the bench itself.
  exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.authwatch.bench.ClusterBench "$@"
fi

# The controls outside the process (bench/controls) are built every run, so that they cannot rot.
boot_version() { sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' "$1"; }
if [ "$(boot_version pom.xml)" != "$(boot_version bench/controls/spring/pom.xml)" ]; then
  echo "bench/controls/spring/pom.xml must use AuthWatch's Spring Boot version, $(boot_version pom.xml)" >&2
  exit 1
fi
./mvnw -q -B -f bench/controls/spring/pom.xml package
# The same application on Jetty (jetty-* methods): Tomcat against Jetty decided by measurement.
./mvnw -q -B -f bench/controls/spring/pom.xml -Pjetty package
if command -v npm > /dev/null; then
  (cd bench/controls/node && npm ci --no-audit --no-fund --silent)
else
  echo "npm not found: the node-* churn methods cannot run" >&2
fi

SERVER_JAVA_HOME=${SERVER_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
java -Xmx1g -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.authwatch.bench.LoadGenerator --out "$OUT" --java-home "$SERVER_JAVA_HOME" "$@"
echo "results in $OUT/results.md"

if [ -z "${SKIP_JMH:-}" ]; then
  echo "JMH, load average $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/jmh-load.txt"
  ./mvnw -q -B -Pbench exec:exec -Djmh.args="-f 2 -wi 3 -i 5 -w 1s -r 1s -rf text -rff $OUT/jmh.txt" > "$OUT/jmh-log.txt"
  # The recording benchmarks run on two threads (contended); the same on one thread (uncontended).
  ./mvnw -q -B -Pbench exec:exec -Djmh.args="-f 2 -wi 3 -i 5 -w 1s -r 1s -t 1 -rf text -rff $OUT/jmh-1thread.txt AttemptRecording|MonitoringPath" >> "$OUT/jmh-log.txt"
  echo "JMH done, load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/jmh-load.txt"
  echo "JMH results in $OUT/jmh.txt"
fi
