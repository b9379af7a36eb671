#!/usr/bin/env python3
"""Disk-stall probe for benchmarks/loyalty/run.sh.

Every 50 ms: write 8 kB to PROBE_FILE and fdatasync it, as a durable commit does with its WAL record, and log
"<epoch seconds> fsync_ms <ms>" when that took more than 20 ms; once a second log "<epoch> dirty_kb <kB>
writeback_kb <kB>" from /proc/meminfo. Run it on the file system of PostgreSQL's data directory.

Usage: fsprobe.py PROBE_FILE LOG_FILE
"""
import os
import sys
import time

probe, log = sys.argv[1], sys.argv[2]
out = open(log, "w", buffering=1)
fd = os.open(probe, os.O_WRONLY | os.O_CREAT, 0o644)
block = b"x" * 8192
last = 0.0
while True:
    t0 = time.time()
    os.pwrite(fd, block, 0)
    os.fdatasync(fd)
    ms = (time.time() - t0) * 1000
    if ms > 20:
        out.write(f"{t0:.3f} fsync_ms {ms:.1f}\n")
    if t0 - last >= 1:
        last = t0
        mem = {line.split(":")[0]: line.split()[1] for line in open("/proc/meminfo") if line.startswith(("Dirty:", "Writeback:"))}
        out.write(f"{t0:.3f} dirty_kb {mem['Dirty']} writeback_kb {mem['Writeback']}\n")
    time.sleep(0.05)
