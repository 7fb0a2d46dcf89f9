#!/usr/bin/env python3
"""Per-connection heap by class: bench/histogram-diff.py histogram-0.txt histogram-5000.txt 5000"""
import re, sys

def load(path):
    rows = {}
    for line in open(path):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            rows[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return rows

a, b, n = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
diff = sorted(((b[k][1] - a.get(k, (0, 0))[1], b[k][0] - a.get(k, (0, 0))[0], k) for k in b), reverse=True)
print(f"{'bytes/conn':>10} {'objs/conn':>9}  class   (total {sum(d[0] for d in diff) / n:.0f} B/conn)")
for size, count, name in diff[:30]:
    print(f"{size / n:10.0f} {count / n:9.2f}  {name}")
