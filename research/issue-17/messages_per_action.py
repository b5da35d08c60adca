"""Messages the server sends per open, filter and select, by kind and element type.

Usage (from the repository root): python research/issue-17/messages_per_action.py [PORT]
Starts the app, lets one protocol user warm up, then does 10 of each action and prints the
mean count and size of each kind of ForwardMsg (deltas by element or block type)."""

import asyncio, os, random, subprocess, sys, time, socket
from collections import Counter

sys.path.insert(0, os.getcwd())
from load.catalogue import load_catalogue
from load import protocol
from load.protocol import ProtocolUser

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8814
proc = subprocess.Popen(
    [
        ".venv/bin/streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close()
        break
    except OSError:
        time.sleep(0.2)
tally = Counter()
size = Counter()
orig = protocol.Connection._handle


def handle(self, m):
    k = m.WhichOneof("type")
    if k == "delta":
        d = m.delta
        t = d.WhichOneof("type")
        if t == "new_element":
            t = "el:" + d.new_element.WhichOneof("type")
        elif t == "add_block":
            t = "block:" + (d.add_block.WhichOneof("type") or "?")
        k = t
    tally[k] += 1
    size[k] += m.ByteSize()
    return orig(self, m)


protocol.Connection._handle = handle


async def main():
    cat = load_catalogue()
    rng = random.Random(3)
    u = ProtocolUser("u", f"http://127.0.0.1:{port}", cat)
    for _ in range(3):
        await u.open(rng)
        await u.filter(rng)
        await u.select(rng)
    for kind in ("open", "filter", "select"):
        tally.clear()
        size.clear()
        for i in range(10):
            await getattr(u, kind)(rng)
        print(
            f"== {kind}: {sum(tally.values()) / 10:.1f} msgs, {sum(size.values()) / 10 / 1000:.1f} kB per action"
        )
        for k, v in tally.most_common():
            print(f"   {k:32} {v / 10:5.1f}  {size[k] / 10 / 1000:7.1f} kB")
    await u.close()


try:
    asyncio.run(main())
finally:
    proc.terminate()
    proc.wait()
