"""Paired A/B of two source trees: server CPU per open, filter and select.

Usage (from a tree with the load package): python research/issue-17/paired_actions.py
TREE_A TREE_B [ACTIONS_PER_BLOCK] [ROUNDS], e.g. /work/wt-base /work/main 30 10.

Both trees' apps run at once (ports 8831, 8832); one protocol user per app alternates blocks
of N actions of one kind between them, A first in even rounds and B first in odd ones, so a
slow spell of the VM falls on both. Server CPU comes from /proc (utime + stime) per block;
the figures are medians over the rounds, in ms per action (10 ms clock ticks: use N >= 30)."""

import asyncio, os, random, sys, time, socket, subprocess, statistics

A, B = sys.argv[1], sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 30
R = int(sys.argv[4]) if len(sys.argv) > 4 else 10
sys.path.insert(0, B)
from load.catalogue import load_catalogue
from load.protocol import ProtocolUser


def start(tree, port):
    return subprocess.Popen(
        [
            f"{tree}/.venv/bin/streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
        ],
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


procs = {"A": (start(A, 8831), 8831), "B": (start(B, 8832), 8832)}


def cpu(p):
    with open(f"/proc/{p.pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


for p, port in procs.values():
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            time.sleep(0.2)


async def main():
    cat = load_catalogue()
    users = {}
    for k, (p, port) in procs.items():
        users[k] = ProtocolUser(k, f"http://127.0.0.1:{port}", cat)
        rng = random.Random(3)
        for _ in range(5):
            await users[k].open(rng)
            await users[k].filter(rng)
            await users[k].select(rng)
    res = {(k, kind): [] for k in procs for kind in ("open", "filter", "select")}
    rngs = {k: random.Random(7) for k in procs}
    for r in range(R):
        for kind in ("open", "filter", "select"):
            for k in ("A", "B") if r % 2 == 0 else ("B", "A"):
                p = procs[k][0]
                await asyncio.sleep(0.2)
                c0 = cpu(p)
                for i in range(N):
                    await getattr(users[k], kind)(rngs[k])
                res[(k, kind)].append(1000 * (cpu(p) - c0) / N)
    for u in users.values():
        await u.close()
    for k in procs:
        print(
            k,
            " ".join(
                f"{kind} {statistics.median(res[(k, kind)]):.2f}"
                for kind in ("open", "filter", "select")
            ),
            " mean",
            f"{statistics.mean([statistics.median(res[(k, kd)]) for kd in ('open', 'filter', 'select')]):.2f}",
        )


try:
    asyncio.run(main())
finally:
    for p, _ in procs.values():
        p.terminate()
        p.wait()
