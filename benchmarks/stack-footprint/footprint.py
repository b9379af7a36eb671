#!/usr/bin/env python3
"""Memory (PSS) and CPU footprint of the local stack (./platform), sampled every second.

Called by benchmarks/stack-footprint/run.sh; see its header and benchmarks/README.md for the usage.

What belongs to the stack: every process whose command line carries -Dlocal-stack.home=<repo>/.platform (the JVMs
./platform starts: Kafka, the four services, the simulator; -Dlocal-stack.component=<name> names each), and the
private PostgreSQL cluster: its postmaster (pid in .platform/postgres/data/postmaster.pid) and all its children
(the backends and the auxiliary processes). PSS (proportional set size, /proc/<pid>/smaps_rollup) counts a page
shared by n processes as 1/n in each, so the sum over the processes counts PostgreSQL's shared buffers once.
CPU is utime+stime from /proc/<pid>/stat.
"""
import argparse
import datetime as dt
import json
import os
import platform as pyplatform
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
WORK = os.path.join(ROOT, ".platform")
MARKER = "-Dlocal-stack.home=" + WORK
PG_PID_FILE = os.path.join(WORK, "postgres", "data", "postmaster.pid")
TRUTH = os.path.join(WORK, "simulator", "truth.csv")
SERVICES = ["loyalty-service", "segmentation-service", "campaign-service", "feedback-service"]
PORT_VARS = {"loyalty-service": ("LOYALTY_PORT", 8081), "segmentation-service": ("SEGMENTATION_PORT", 8082),
             "campaign-service": ("CAMPAIGN_PORT", 8083), "feedback-service": ("FEEDBACK_PORT", 8084)}
COMPONENTS = ["kafka", "postgres"] + SERVICES + ["simulator"]
CLK = os.sysconf("SC_CLK_TCK")
MIB = 1024.0


def log(msg):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), msg), flush=True)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def service_port(name):
    var, default = PORT_VARS[name]
    return int(os.environ.get(var, default))


# ---------------------------------------------------------------------------------------------------------------
# Process discovery and sampling
# ---------------------------------------------------------------------------------------------------------------
def stat_fields(pid):
    raw = read("/proc/%d/stat" % pid)
    if raw is None:
        return None
    # the command name is in parentheses and may contain spaces: split after the last ')'
    rest = raw[raw.rfind(b")") + 2:].split()
    return rest  # rest[0] = state (field 3), rest[1] = ppid (field 4), rest[11] = utime (14), rest[12] = stime (15)


def postgres_pids():
    raw = read(PG_PID_FILE)
    if not raw:
        return []
    first = raw.split(b"\n", 1)[0].strip()
    if not first.isdigit():
        return []
    master = int(first)
    cmd = read("/proc/%d/cmdline" % master)
    if not cmd or os.path.join(WORK, "postgres", "data").encode() not in cmd:
        return []
    pids = [master]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            f = stat_fields(int(entry))
            if f and int(f[1]) == master:
                pids.append(int(entry))
    return pids


def stack_processes():
    """{pid: component} of every process of the stack running now."""
    found = {}
    marker = MARKER.encode() + b"\0"
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        cmd = read("/proc/%s/cmdline" % entry)
        if not cmd or marker not in cmd:
            continue
        m = re.search(rb"-Dlocal-stack\.component=([A-Za-z0-9_-]+)\0", cmd)
        found[int(entry)] = m.group(1).decode() if m else "other"
    for pid in postgres_pids():
        found[pid] = "postgres"
    return found


def pss_rss_kb(pid):
    raw = read("/proc/%d/smaps_rollup" % pid)
    if raw is None:
        return None
    pss = rss = 0
    for line in raw.split(b"\n"):
        if line.startswith(b"Pss:"):
            pss = int(line.split()[1])
        elif line.startswith(b"Rss:"):
            rss = int(line.split()[1])
    return pss, rss


def cpu_ticks(pid):
    f = stat_fields(pid)
    if f is None:
        return None
    return int(f[11]) + int(f[12])


class Sampler(threading.Thread):
    """Every second: PSS, RSS and CPU ticks of every process of the stack, summed per component."""

    def __init__(self, t0):
        super().__init__(daemon=True)
        self.t0 = t0
        self.samples = []          # (t, phase, {component: (pss_kb, rss_kb, nprocs)}, total_pss_kb)
        self.phase = "up"
        self.stop_event = threading.Event()
        self.cpu_by_pid = {}       # pid -> (component, last ticks seen): CPU of exited processes is kept
        self.cmdlines = {}         # component -> one command line (for the report)
        self.lock = threading.Lock()

    def run(self):
        next_t = time.monotonic()
        while not self.stop_event.is_set():
            self.sample()
            next_t += 1.0
            delay = next_t - time.monotonic()
            if delay > 0:
                self.stop_event.wait(delay)
            else:
                next_t = time.monotonic()

    def sample(self):
        procs = stack_processes()
        per = {}
        total = 0
        for pid, comp in procs.items():
            m = pss_rss_kb(pid)
            t = cpu_ticks(pid)
            if m is None or t is None:
                continue
            pss, rss, n = per.get(comp, (0, 0, 0))
            per[comp] = (pss + m[0], rss + m[1], n + 1)
            total += m[0]
            with self.lock:
                self.cpu_by_pid[pid] = (comp, t)
            if comp not in self.cmdlines and comp != "postgres":
                cmd = read("/proc/%d/cmdline" % pid)
                if cmd:
                    self.cmdlines[comp] = cmd.replace(b"\0", b" ").decode(errors="replace").strip()
        self.samples.append((time.monotonic() - self.t0, self.phase, per, total))

    def cpu_snapshot(self):
        """{component: CPU seconds} of the processes running now (fresh reads)."""
        out = {}
        for pid, comp in stack_processes().items():
            t = cpu_ticks(pid)
            if t is not None:
                out[comp] = out.get(comp, 0.0) + t / CLK
        return out

    def cpu_total_by_component(self):
        out = {}
        with self.lock:
            for comp, t in self.cpu_by_pid.values():
                out[comp] = out.get(comp, 0.0) + t / CLK
        return out


# ---------------------------------------------------------------------------------------------------------------
# The services' /ops/messaging
# ---------------------------------------------------------------------------------------------------------------
def token():
    out = subprocess.run([os.path.join(ROOT, "platform"), "token", "ops"], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def messaging(name, tok):
    req = urllib.request.Request("http://127.0.0.1:%d/ops/messaging" % service_port(name),
                                 headers={"Authorization": "Bearer " + tok})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return json.loads(r.read().decode())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def applied_and_lag(doc):
    """(events applied, total lag or None when the service does not report lag)."""
    applied, lag, has_lag = 0, 0, False
    for c in (doc or {}).get("consumers") or []:
        applied += int(c.get("eventsApplied") or 0)
        if c.get("lag") is not None:
            has_lag = True
            lag += int(c["lag"])
    return applied, (lag if has_lag else None)


# ---------------------------------------------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------------------------------------------
def sh(args, **kw):
    return subprocess.run(args, cwd=ROOT, **kw)


def machine():
    model = cores = ""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            k, _, v = line.partition(":")
            if k.strip() == "Model name":
                model = v.strip()
            elif k.strip() == "CPU(s)":
                cores = v.strip()
    except OSError:
        pass
    mem = ""
    for line in (read("/proc/meminfo") or b"").decode().splitlines():
        if line.startswith("MemTotal:"):
            mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    return model, cores, mem


def java_version(cmdlines):
    """The version of the java the stack ran (the first word of a sampled JVM command line)."""
    java = next((c.split(" ", 1)[0] for c in cmdlines.values() if c), "java")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
        return out[0] if out else "?"
    except OSError:
        return "?"


def wait_for(cond, timeout, step=1.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return cond()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--attach", action="store_true",
                    help="measure the stack that runs already (no ./platform up, no down at the end)")
    ap.add_argument("--duration", type=int, default=0,
                    help="seconds of the load phase at most (0: until the history is published and consumed)")
    ap.add_argument("--timeout", type=int, default=1800, help="give up waiting for the catch-up after this many s")
    ap.add_argument("--idle", type=int, default=60, help="seconds of the idle CPU measurement (0: none)")
    ap.add_argument("--keep", action="store_true", help="leave the stack running at the end")
    ap.add_argument("--label", default="", help="suffix of the report name, e.g. baseline")
    ap.add_argument("--report", default="", help="report path (default benchmarks/results/stack-footprint-<date>[-label].md)")
    ap.add_argument("--notes", default="", help="Markdown file included as the report's Observations")
    args = ap.parse_args()

    day = dt.date.today().isoformat()
    report = args.report or os.path.join(ROOT, "benchmarks", "results",
                                         "stack-footprint-%s%s.md" % (day, "-" + args.label if args.label else ""))
    workdir = os.path.join(ROOT, "benchmarks", "work", "stack-footprint")
    os.makedirs(workdir, exist_ok=True)
    up_log = os.path.join(workdir, "platform-up.log")

    running = stack_processes()
    if args.attach and not running:
        sys.exit("--attach: no process of the stack runs (./platform status)")
    if not args.attach and running:
        sys.exit("the stack runs already (pids %s): stop it with ./platform down, or measure it with --attach"
                 % " ".join(map(str, sorted(running))))

    env_settings = {k: os.environ[k] for k in sorted(os.environ)
                    if k.startswith(("PLATFORM_", "SIM_", "KAFKA_HEAP", "JAVA_HOME"))}
    t0 = time.monotonic()
    started_at = dt.datetime.now().astimezone()
    sampler = Sampler(t0)
    events = []   # (t, what)

    def mark(what):
        events.append((time.monotonic() - t0, what))
        log(what)

    def interrupted(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupted)

    up_seconds = None
    history_at = consumed_at = None
    idle_cpu = {}
    idle_seconds = 0
    catchup_cpu = {}
    up_rc = 0
    drained = True
    try:
        if not args.attach:
            mark("./platform down --purge (a fresh start, as after a clone; the Kafka jars are kept)")
            sh([os.path.join(ROOT, "platform"), "down", "--purge"], stdout=subprocess.DEVNULL)
        sampler.start()
        if not args.attach:
            mark("./platform up (log: %s)" % os.path.relpath(up_log, ROOT))
            with open(up_log, "w") as f:
                up_rc = sh([os.path.join(ROOT, "platform"), "up"], stdout=f, stderr=subprocess.STDOUT).returncode
            up_seconds = time.monotonic() - t0
            if up_rc != 0:
                mark("./platform up FAILED (exit %d): see %s" % (up_rc, up_log))
                raise SystemExit(1)
            mark("./platform up returned after %.0f s" % up_seconds)
        sampler.phase = "catch-up"
        tok = token()
        deadline = time.monotonic() + (args.duration if args.duration else args.timeout)
        live_rate = float(os.environ.get("SIM_RATE", "20"))
        # a service has caught up when its lag is 0 (services that report it) or, for those that do not, when it
        # applies no more than the live traffic (3 x SIM_RATE + 20 events/s) for 15 s after the history was published
        calm_limit = 3 * live_rate + 20
        last = {}
        calm = {n: 0 for n in SERVICES}
        poll = 5.0
        while time.monotonic() < deadline:
            time.sleep(poll)
            if history_at is None and os.path.exists(TRUTH):
                history_at = time.monotonic() - t0
                mark("the simulator's history is published (truth file written)")
            if args.duration:
                continue
            now = time.monotonic()
            for n in SERVICES:
                applied, lag = applied_and_lag(messaging(n, tok) if tok else None)
                prev = last.get(n)
                last[n] = (now, applied)
                if history_at is None:
                    continue
                if lag is not None:
                    calm[n] = calm[n] + 1 if lag == 0 else 0
                elif prev is not None:
                    rate = (applied - prev[1]) / (now - prev[0])
                    calm[n] = calm[n] + 1 if rate <= calm_limit else 0
            if history_at is not None and all(c >= 3 for c in calm.values()):
                consumed_at = time.monotonic() - t0
                mark("every service has caught up (applied so far: %s)"
                     % ", ".join("%s %d" % (n, last[n][1]) for n in SERVICES))
                break
        else:
            mark("load phase ended by %s" % ("--duration" if args.duration else "--timeout"))
        catchup_cpu = sampler.cpu_total_by_component()

        if args.idle > 0:
            sampler.phase = "idle"
            pid_raw = read(os.path.join(WORK, "run", "simulator.pid"))
            pid = int(pid_raw.strip()) if pid_raw and pid_raw.strip().isdigit() else None
            if pid and b"-Dlocal-stack.component=simulator\0" in (read("/proc/%d/cmdline" % pid) or b""):
                mark("stopping the simulator (pid %d) for the idle phase" % pid)
                os.kill(pid, signal.SIGTERM)
                wait_for(lambda: not os.path.exists("/proc/%d" % pid), 30, 0.2)
            # the last live events: wait until no service applies anything for 10 s (at most 120 s)
            prev = {n: applied_and_lag(messaging(n, tok))[0] for n in SERVICES} if tok else {}
            quiet = 0
            end = time.monotonic() + 120
            while tok and quiet < 2 and time.monotonic() < end:
                time.sleep(5)
                cur = {n: applied_and_lag(messaging(n, tok))[0] for n in SERVICES}
                quiet = quiet + 1 if cur == prev else 0
                prev = cur
            drained = quiet >= 2 or not tok
            mark("idle: measuring CPU for %d s (no traffic; nothing sends requests)" % args.idle)
            a = sampler.cpu_snapshot()
            ta = time.monotonic()
            time.sleep(args.idle)
            b = sampler.cpu_snapshot()
            idle_seconds = time.monotonic() - ta
            idle_cpu = {c: (b[c] - a.get(c, 0.0)) / idle_seconds * 100 for c in b}
            mark("idle phase done")
    except KeyboardInterrupt:
        mark("interrupted")
    finally:
        sampler.stop_event.set()
        if sampler.is_alive():
            sampler.join(5)
        if not args.attach and not args.keep:
            mark("./platform down --purge")
            sh([os.path.join(ROOT, "platform"), "down", "--purge"], stdout=subprocess.DEVNULL)
            left = stack_processes()
            if left:
                mark("WARNING: still running after down: %s" % left)
            else:
                mark("nothing of the stack is left running")

    write_report(report, args, sampler, events, started_at, up_seconds, history_at, consumed_at,
                 catchup_cpu, idle_cpu, idle_seconds, drained, env_settings)
    log("report: %s" % os.path.relpath(report, ROOT))


# ---------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------
TARGET_MIB = 2.5 * 1000 ** 3 / 1024 ** 2   # 2.5 GB = 2,384 MiB (the stricter, decimal reading of the target)


def mib(kb):
    return "%.0f" % (kb / MIB)


def write_report(path, args, sampler, events, started_at, up_seconds, history_at, consumed_at,
                 catchup_cpu, idle_cpu, idle_seconds, drained, env_settings):
    samples = sampler.samples
    model, cores, mem = machine()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.rstrip()
    lines = []
    w = lines.append
    w("# Local stack footprint — %s%s" % (started_at.strftime("%Y-%m-%d %H:%M %Z"),
                                          " (%s)" % args.label if args.label else ""))
    w("")
    w("Command: `%s`  " % " ".join(["benchmarks/stack-footprint/run.sh"] + sys.argv[1:]))
    w("Code: `%s`%s" % (commit, " (with uncommitted changes to %s)" % ", ".join(
        sorted({l[3:] for l in dirty.splitlines()})) if dirty else ""))
    w("")
    w("Machine: %s, %s CPUs, %s memory; %s. The machine is shared: other work may have run at the same time."
      % (model or "?", cores or "?", mem or "?", java_version(sampler.cmdlines)))
    w("")
    if env_settings:
        w("Environment: " + ", ".join("`%s=%s`" % kv for kv in env_settings.items()))
        w("")
    if not samples:
        w("No sample was taken.")
    else:
        peak = max(samples, key=lambda s: s[3])
        w("## Result")
        w("")
        w("| | |")
        w("| --- | --- |")
        w("| samples | %d, one per second over %.0f s |" % (len(samples), samples[-1][0]))
        if up_seconds is not None:
            w("| `./platform up` took | %.0f s |" % up_seconds)
        if history_at is not None:
            w("| history published (truth file) at | %.0f s |" % history_at)
        if consumed_at is not None:
            w("| every service caught up at | %.0f s |" % consumed_at)
        w("| **peak total PSS** | **%s MiB** at %.0f s (phase %s) |" % (mib(peak[3]), peak[0], peak[1]))
        w("| target: under 2.5 GB (%.0f MiB) at every moment | %s |"
          % (TARGET_MIB, "met" if peak[3] / MIB < TARGET_MIB else "**not met**"))
        w("")
        w("Total PSS at the peak, per component (MiB): " + ", ".join(
            "%s %s" % (c, mib(peak[2][c][0])) for c in COMPONENTS if c in peak[2]) + ".")
        w("")
        w("## Peak per component")
        w("")
        w("Each component's own peak (not simultaneous), PSS and RSS in MiB; PostgreSQL is the postmaster and all its "
          "children (RSS counts the shared buffers once per process, PSS once in all).")
        w("")
        w("| component | peak PSS | at | phase | RSS then | processes | PSS at the end of the run |")
        w("| --- | ---: | ---: | --- | ---: | ---: | ---: |")
        for c in COMPONENTS + sorted({k for s in samples for k in s[2]} - set(COMPONENTS)):
            have = [s for s in samples if c in s[2]]
            if not have:
                continue
            p = max(have, key=lambda s: s[2][c][0])
            w("| %s | %s | %.0f s | %s | %s | %d | %s |" % (c, mib(p[2][c][0]), p[0], p[1], mib(p[2][c][1]),
                                                         p[2][c][2], mib(have[-1][2][c][0])))
        w("")
        w("## CPU")
        w("")
        w("CPU time (user + system) used by each component from the start until the catch-up ended, and, in the idle "
          "phase (simulator stopped, its last events applied, no requests), its CPU as %% of one core over %.0f s."
          % idle_seconds)
        if not drained:
            w("The services were still applying events when the idle phase started (120 s wait exceeded).")
        w("")
        w("| component | CPU s until caught up | idle CPU, % of one core |")
        w("| --- | ---: | ---: |")
        for c in COMPONENTS:
            if c in catchup_cpu or c in idle_cpu:
                w("| %s | %s | %s |" % (c, "%.0f" % catchup_cpu[c] if c in catchup_cpu else "-",
                                        "%.2f" % idle_cpu[c] if c in idle_cpu else "-"))
        w("")
        w("## Timeline")
        w("")
        w("PSS in MiB every 15 s (and at the peak).")
        w("")
        w("| t (s) | phase | total | " + " | ".join(COMPONENTS) + " |")
        w("| ---: | --- | ---: | " + " | ".join("---:" for _ in COMPONENTS) + " |")
        shown = set()
        for i, s in enumerate(samples):
            if int(s[0]) // 15 not in shown or s is peak:
                shown.add(int(s[0]) // 15)
                w("| %.0f | %s | %s | %s |" % (s[0], s[1], mib(s[3]),
                                               " | ".join(mib(s[2][c][0]) if c in s[2] else "-" for c in COMPONENTS)))
        w("")
        w("## Events")
        w("")
        for t, what in events:
            w("- %.0f s: %s" % (t, what))
        w("")
        w("## JVM command lines")
        w("")
        for c, cmd in sorted(sampler.cmdlines.items()):
            cmd = re.sub(r" -cp \S+", " -cp …", cmd)
            w("- %s: `%s`" % (c, cmd.replace(ROOT, "<repo>")))
        w("")
    if args.notes:
        with open(args.notes) as f:
            w("## Observations")
            w("")
            w(f.read().rstrip())
            w("")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
