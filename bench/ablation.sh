#!/usr/bin/env bash
# The ablation table of docs/benchmarks.md: churn with one part of /ws/chat's per-connection work
# switched off at a time, to see what each costs in server CPU per upgrade. The switches exist only
# in bench/ablation.patch, applied to a throwaway worktree of HEAD (never to the product); if the
# patch no longer applies, the code it switches has moved and the patch must be redone.
#
#   bench/ablation.sh          # results in docs/benchmarks/ablation/<switch>/, summary in summary.md
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/docs/benchmarks/ablation}
mkdir -p "$OUT"
tree=$(mktemp -d)/authwatch-ablation
git worktree add --quiet --detach "$tree" HEAD
trap 'git worktree remove --force "$tree"' EXIT
git -C "$tree" apply "$PWD/bench/ablation.patch"

switches=(none ablation.noWelcome=true ablation.noGates=true ablation.noExpiry=true ablation.noListeners=true
  ablation.noDecorator=true ablation.noEvents=true ablation.verifiedTokens=0)
for switch in "${switches[@]}"; do
  flags="-Xmx2g"
  [ "$switch" != none ] && flags="$flags -D$switch"
  (cd "$tree" && OUT="$OUT/$switch" SKIP_JMH=1 bench/run.sh --scenarios churn --methods plain,plain-welcome,jwt,jwt-new \
    --rounds 2 --warmups 1 --server-jvm "$flags")
done

# Server CPU µs per upgrade, mean of the timed rounds, per switch and method.
{
  echo "| switched off | plain | plain-welcome | jwt | jwt-new |"
  echo "|---|---|---|---|---|"
  for switch in "${switches[@]}"; do
    awk -F, -v s="$switch" 'NR > 1 { sum[$2] += $7; n[$2]++ }
      END { printf "| %s | %.1f | %.1f | %.1f | %.1f |\n", s, sum["plain"]/n["plain"], sum["plain-welcome"]/n["plain-welcome"],
        sum["jwt"]/n["jwt"], sum["jwt-new"]/n["jwt-new"] }' "$OUT/$switch/churn.csv"
  done
} > "$OUT/summary.md"
cat "$OUT/summary.md"
