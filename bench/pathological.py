#!/usr/bin/env python3
"""Pathological inputs at three sizes each, to check that every stage stays
linear in its input (a benchmark, not a test):

    python3 bench/pathological.py /tmp/path
    for f in /tmp/path/*; do /usr/bin/time -f "%C %e s %M KB" readout extract "$f" >/dev/null; done

Each family doubles in size: time should double, not quadruple.
"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "pathological"
os.makedirs(out, exist_ok=True)
random.seed(1)
words = "the leaders agreed to expand cooperation on energy trade investment and security in the region".split()


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
        fh.write(text)


def no_full_stop(n):
    parts, size = [], 0
    while size < n:
        w = random.choice(words)
        parts.append(w)
        size += len(w) + 1
    return " ".join(parts)


for mb in (0.25, 0.5, 1):
    write(f"nostop_{mb}.txt", no_full_stop(int(mb * 1e6)))
for k in (25_000, 50_000, 100_000):
    write(f"bullets_{k}.txt", "\n".join(f"• The two sides will cooperate on project {i} in the energy sector." for i in range(k)))
for mb in (2.5, 5, 10):
    body = "".join(f"<p>The leaders agreed to item {i} on trade.</p>" for i in range(int(mb * 1e6 / 45)))
    write(f"oneline_{mb}.html", "<!DOCTYPE html><html><body><article>" + body + "</article></body></html>")
for k in (2_500, 5_000, 10_000):
    p = "<p>The leaders agreed to meet again in the autumn to review progress.</p>"
    write(f"nested_{k}.html", "<html><body>" + "<div>" * k + p + "</div>" * k + "</body></html>")
