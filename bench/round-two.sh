#!/usr/bin/env bash
# Issue 17's tables in one command (docs/benchmarks.md, "Against what users would run instead",
# "Reconnect storm" and "Soak"): JWT, first-sight JWT and ticket upgrades against the plain Spring
# application (Tomcat and Jetty, bare and with a jjwt interceptor) and the Node ws + jsonwebtoken
# server, in one interleaved run; the ticket with Redis on its own core; the reconnect storm after
# an instance is killed; the 30-minute soak. About 70 minutes on a quiet machine.
#
#   bench/round-two.sh            # results in docs/benchmarks/round-two/{controls,ticket-pinned,cluster}
#   bench/round-two.sh --smoke    # every step at its smallest (about 12 minutes): checks the command;
#                                 # its numbers are not results (docs/benchmarks/round-two-smoke/)
#
# Each step stops the command when it fails; the cluster step exits non-zero when an assertion of
# the storm or the soak fails (listed at the end of its results.md), after writing its tables.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = --smoke ]; then
  out=docs/benchmarks/round-two-smoke
  rounds=(--warmups 1 --rounds 1 --round-seconds 3)
  cluster=(--storm 1000 --soak-minutes 2 --soak-idle 2000 --soak-churn 100)
else
  out=docs/benchmarks/round-two
  rounds=(--warmups 3 --rounds 5 --round-seconds 6)
  cluster=(--storm 10000 --soak-minutes 30 --soak-idle 15000 --soak-churn 500)
fi

OUT="$out/controls" SKIP_JMH=1 bench/run.sh --scenarios churn --store redis \
  --methods plain,jwt,jwt-new,ticket,spring-plain,spring-jwt,jetty-plain,jetty-jwt,node-plain,node-jwt "${rounds[@]}"
OUT="$out/ticket-pinned" SKIP_JMH=1 bench/run.sh --scenarios churn --store redis \
  --methods plain,jwt,ticket,spring-plain --server-cpus 0 --redis-cpus 1 "${rounds[@]}"
bench/run.sh cluster --out "$out/cluster" --scenarios storm,soak "${cluster[@]}"
