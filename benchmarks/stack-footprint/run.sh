#!/usr/bin/env bash
# benchmarks/stack-footprint/run.sh — memory (PSS) and CPU of the whole local stack during `./platform up`.
#
# Without options: `./platform down --purge` (a fresh start, like a new clone; keeps the Kafka jars), then
# `./platform up` with the defaults (10,000 simulated customers) while a sampler reads, every second, the PSS
# (/proc/<pid>/smaps_rollup) and CPU (utime+stime) of every process of the stack: the JVMs carrying
# -Dlocal-stack.home=<repo>/.platform (-Dlocal-stack.component=<name>) and the private PostgreSQL (the postmaster
# in .platform/postgres/data/postmaster.pid and its children). It runs until the simulator's history is published
# and every service has caught up (lag 0 from GET /ops/messaging where reported, else no more than the live rate
# applied for 15 s), stops the simulator, measures each component's CPU over 60 s of idle, then
# `./platform down --purge` and writes benchmarks/results/stack-footprint-<date>[-<label>].md.
#
# Usage: benchmarks/stack-footprint/run.sh [--label NAME] [--duration S] [--idle S] [--timeout S]
#                                          [--attach] [--keep] [--report FILE] [--notes FILE]
#   --attach     measure the stack that runs already (no up; no down at the end)
#   --duration S load phase of S seconds instead of "until caught up"
#   --idle S     idle CPU measurement length (default 60; 0 skips it)
#   --keep       leave the stack running at the end
# The stack's settings come from the environment as for ./platform (PLATFORM_SERVICE_JAVA_OPTS, SIM_CUSTOMERS, ...).
# It uses both cores for minutes: on a shared machine run it under the build lock, e.g.
#   flock /tmp/or-build.lock benchmarks/stack-footprint/run.sh --label baseline
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
command -v python3 >/dev/null 2>&1 || { echo "ERROR: python3 is required" >&2; exit 1; }
[[ -r /proc/self/smaps_rollup ]] || { echo "ERROR: /proc/<pid>/smaps_rollup is not available (Linux 4.14 or newer)" >&2; exit 1; }
exec python3 "$HERE/footprint.py" "$@"
