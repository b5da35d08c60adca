"""One bounded load run: start the app, drive the sessions, sample memory, stop a process."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import random
import re
import threading
import time
import tomllib
from collections import Counter
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from load.catalogue import Catalogue, load_catalogue
from load.protocol import ProtocolUser
from load.record import (
    DISCONNECT,
    EXCEPTION,
    LOST,
    NOT_RECOVERED,
    TOO_FEW,
    WRONG_SCREEN,
    Disconnected,
    Recorder,
    classify,
)
from load.servers import (
    AppProcess,
    Target,
    cpu_seconds,
    routes,
    rss_mib,
    single_server,
    two_servers,
)

ACTIONS = ("open", "filter", "select")
ACTION_TIMEOUT = 60.0  # seconds for one action, under load
RECOVERY_TIMEOUT = 60.0  # seconds for a session of a stopped process to show its panel again
MAX_CYCLES = 1000  # per session; time ends a run long before this
MAX_ERRORS = 3  # per session: after these it stops (the run has failed anyway)
SAMPLE_EVERY = 0.25  # seconds between samples of held sessions and memory
THINK = (0.5, 1.5)  # seconds a user pauses between actions (uniform)
EVIDENCE = Path(__file__).resolve().parent / "results" / "evidence"  # screenshots after errors


class User(Protocol):
    """What a session driver offers; see ProtocolUser and load.browser.BrowserUser."""

    name: str
    kind: str
    screen: object | None

    @property
    def held(self) -> bool: ...

    def lost(self) -> asyncio.Event: ...

    def route_key(self) -> str | None: ...

    async def remember_route(self) -> None: ...

    async def open(self, rng: random.Random) -> None: ...

    async def filter(self, rng: random.Random) -> None: ...

    async def select(self, rng: random.Random) -> None: ...

    async def recover(self, deadline: float) -> None: ...

    async def evidence(self, folder: Path, tag: str) -> None: ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class Options:
    sessions: int = 25
    seconds: float = 90.0
    browsers: int = 2  # how many of the sessions are real browser contexts
    two_servers: bool = False
    stop_at: float = 0.4  # two servers: stop one process at this fraction of the run
    seed: int = 20240601
    think: tuple[float, float] = THINK
    rss_every: float = 1.0  # seconds between the RSS samples kept as a series (soak: 10)
    post_script_gc: bool | None = None  # runner.postScriptGC for the app; None: its config


@dataclass
class Memory:
    """RSS (MiB) of the app processes: started, warmed up by one session, and at peak."""

    cold: float = 0.0
    warm: float = 0.0
    peak: float = 0.0
    high_water: dict[str, float] = field(default_factory=dict)  # VmHWM per process


@dataclass
class Failover:
    """The stopped process and who was on it (two servers only)."""

    at: float | None = None  # seconds into the run
    stopped: str = ""
    exit_seconds: float = 0.0
    killed: bool = False  # SIGTERM was not enough
    victims: set[str] = field(default_factory=set)
    recovered: set[str] = field(default_factory=set)
    mapped: int = 0  # sessions whose process was known from nginx's log

    def explains(self, user: User, now: float) -> bool:
        """True if this user's failure is the stopped process's doing (once per user)."""
        return (
            self.at is not None
            and now - self.at < RECOVERY_TIMEOUT
            and user.name in self.victims - self.recovered
        )


@dataclass
class Outcome:
    options: Options
    target: str
    recorder: Recorder
    memory: Memory
    failover: Failover | None
    held_peak: int = 0
    held_min: int | None = None  # fewest held once all were held, before any process stopped
    wall_seconds: float = 0.0
    load_seconds: float = 0.0
    blocked: int = 0
    server_tracebacks: int = 0
    app_cpu: float = 0.0  # CPU seconds the app processes used during the load
    driver_cpu: float = 0.0  # CPU seconds this process (the protocol clients) used
    load_average: tuple[float, float] = (0.0, 0.0)  # 1-minute load average at start and end
    cpu_by_process: dict[str, float] = field(default_factory=dict)  # app CPU s during the load
    rss_series: dict[str, list[tuple[float, float]]] = field(default_factory=dict)  # (s, MiB)
    nginx_errors: Counter[str] = field(default_factory=Counter)
    logs: dict[str, str] = field(default_factory=dict)  # app and nginx logs, kept by the report


class Clock:
    def __init__(self, seconds: float) -> None:
        self.loop = asyncio.get_running_loop()
        self.start = self.loop.time()
        self.end = self.start + seconds

    def now(self) -> float:
        return self.loop.time() - self.start

    def over(self) -> bool:
        return self.loop.time() >= self.end


async def guarded(action: Awaitable[Any], lost: asyncio.Event, timeout: float) -> None:
    """Run ``action``; fail on a lost WebSocket or after ``timeout`` seconds."""
    task = asyncio.ensure_future(action)
    waiter = asyncio.ensure_future(lost.wait())
    try:
        done, _ = await asyncio.wait(
            {task, waiter}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
        )
        if task in done:
            task.result()
        elif waiter in done:
            raise Disconnected("the WebSocket closed during the action")
        else:
            raise TimeoutError(f"no answer in {timeout:.0f} s")
    finally:
        for pending in (task, waiter):
            if not pending.done():
                pending.cancel()
                with contextlib.suppress(BaseException):
                    await pending


async def recover(user: User, recorder: Recorder, failover: Failover) -> bool:
    """Bring back a session of the stopped process: a reconnection, or an error."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(user.recover(start + RECOVERY_TIMEOUT), RECOVERY_TIMEOUT + 10)
    except Exception as exc:
        recorder.error(user.name, "recover", NOT_RECOVERED, exc)
        return False
    recorder.reconnected(user.name, loop.time() - start)
    failover.recovered.add(user.name)
    return True


async def drive_user(
    user: User,
    rng: random.Random,
    clock: Clock,
    recorder: Recorder,
    failover: Failover,
    think: tuple[float, float],
) -> None:
    """Open a link, change the programme, select a place; again until time is up."""
    errors = 0
    reconnected = False  # the next action is the first one on the other process
    loop = asyncio.get_running_loop()
    for _ in range(MAX_CYCLES):
        for name in ACTIONS:
            if clock.over() or errors >= MAX_ERRORS:
                return
            if name != "open" and user.screen is None:
                break  # the open failed: start the next cycle with a new link
            start = loop.time()
            action: Callable[[random.Random], Awaitable[None]] = getattr(user, name)
            try:
                await guarded(action(rng), user.lost(), ACTION_TIMEOUT)
                recorder.action(user.kind, name, loop.time() - start, clock.now())
                if reconnected:
                    recorder.after_reconnect.append((name, True))
                reconnected = False
            except Exception as exc:
                if failover.explains(user, clock.now()):
                    recorder.interrupted += 1
                    if await recover(user, recorder, failover):
                        reconnected = True
                        continue  # the same tab goes on, now served by the other process
                    errors += 1
                    break
                errors += 1
                kind = classify(exc)
                if reconnected:
                    recorder.after_reconnect.append((name, False))
                    kind = LOST if kind in (WRONG_SCREEN, EXCEPTION) else kind
                reconnected = False
                recorder.error(user.name, name, kind, exc)
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(user.evidence(EVIDENCE, f"{name}-{errors}"), 15)
                await asyncio.sleep(rng.uniform(*think))
                break  # as a user would reload: the next cycle opens a new tab
            await asyncio.sleep(rng.uniform(*think))


async def _warm_up(app: AppProcess, catalogue: Catalogue) -> None:
    """One session straight to the process, so caches are filled before 'before' is read."""
    user = ProtocolUser("warm-up", app.url, catalogue)
    try:
        await asyncio.wait_for(user.open(random.Random(0)), ACTION_TIMEOUT)
    finally:
        await user.close()


def _total_rss(apps: list[AppProcess]) -> float:
    return sum(rss_mib(a.pid) or 0.0 for a in apps if a.alive())


async def _stop_one(target: Target, users: list[User], failover: Failover, clock: Clock) -> None:
    """Stop the process serving the first browser session (else the busiest) with SIGTERM."""
    assert target.nginx is not None
    for user in users:
        await user.remember_route()
    where = routes(target.nginx)
    by_user = {u.name: where.get(u.route_key() or "") for u in users}
    failover.mapped = sum(1 for v in by_user.values() if v)
    addresses = {f"127.0.0.1:{a.port}": a for a in target.apps}
    browsers = [u for u in users if u.kind == "browser" and by_user[u.name] in addresses]
    if browsers:
        victim = addresses[by_user[browsers[0].name] or ""]
    else:
        victim = max(
            target.apps, key=lambda a: sum(v == f"127.0.0.1:{a.port}" for v in by_user.values())
        )
    failover.victims = {n for n, v in by_user.items() if v == f"127.0.0.1:{victim.port}"}
    failover.stopped = victim.name
    failover.at = clock.now()
    seconds, killed = await asyncio.to_thread(victim.terminate)
    failover.exit_seconds, failover.killed = seconds, killed


async def drive(target: Target, options: Options, outcome: Outcome) -> None:
    """All sessions against ``target`` for ``options.seconds``, with sampling and failover."""
    catalogue = load_catalogue()
    recorder, memory = outcome.recorder, outcome.memory
    # Each tab's page request runs in a thread (urllib); asyncio's default pool has 6, so at
    # 100 sessions opens would queue in this process, where browsers fetch in parallel.
    asyncio.get_running_loop().set_default_executor(
        concurrent.futures.ThreadPoolExecutor(max_workers=min(64, options.sessions + 4))
    )
    memory.cold = _total_rss(target.apps)
    await asyncio.gather(*(_warm_up(app, catalogue) for app in target.apps))
    await asyncio.sleep(1.0)
    memory.warm = memory.peak = _total_rss(target.apps)

    async with contextlib.AsyncExitStack() as stack:
        users: list[User] = []
        browsers = min(options.browsers, options.sessions)
        if browsers:
            from playwright.async_api import async_playwright

            from load.browser import BrowserUser, launch

            playwright = await stack.enter_async_context(async_playwright())
            chromium = await launch(playwright)
            stack.push_async_callback(chromium.close)
            users += [
                BrowserUser(f"browser-{i}", chromium, target.origin, catalogue, recorder)
                for i in range(browsers)
            ]
        users += [
            ProtocolUser(f"protocol-{i}", target.origin, catalogue)
            for i in range(options.sessions - browsers)
        ]
        for user in users:
            stack.push_async_callback(user.close)

        clock = Clock(options.seconds)
        failover = outcome.failover or Failover()
        cpu_start = {a.pid: cpu_seconds(a.pid) or 0.0 for a in target.apps}
        cpu_last = dict(cpu_start)
        driver_start = sum(os.times()[:2])
        load_start = os.getloadavg()[0]
        ramp = min(5.0, options.seconds / 10)

        async def start(index: int, user: User) -> None:
            await asyncio.sleep(ramp * index / max(1, len(users)))
            rng = random.Random(options.seed * 1000 + index)
            await drive_user(user, rng, clock, recorder, failover, options.think)

        series = outcome.rss_series = {a.name: [] for a in target.apps}
        series["total"] = []

        async def sample() -> None:
            all_held = False
            next_rss = 0.0
            while True:
                if clock.now() >= next_rss:
                    next_rss += options.rss_every
                    for app in target.apps:
                        if app.alive() and (rss := rss_mib(app.pid)) is not None:
                            series[app.name].append((clock.now(), rss))
                    series["total"].append((clock.now(), _total_rss(target.apps)))
                held = sum(1 for u in users if u.held)
                outcome.held_peak = max(outcome.held_peak, held)
                all_held = all_held or held == len(users)
                if all_held and failover.at is None:
                    outcome.held_min = min(outcome.held_min or held, held)
                memory.peak = max(memory.peak, _total_rss(target.apps))
                for app in target.apps:
                    hwm = rss_mib(app.pid, "VmHWM")
                    if hwm is not None:
                        memory.high_water[app.name] = hwm
                    cpu = cpu_seconds(app.pid)
                    if cpu is not None:
                        cpu_last[app.pid] = cpu
                await asyncio.sleep(SAMPLE_EVERY)

        async def stop_later() -> None:
            await asyncio.sleep(max(ramp + 10, options.seconds * options.stop_at))
            await _stop_one(target, users, failover, clock)

        sampler = asyncio.create_task(sample())
        stopper = asyncio.create_task(stop_later()) if outcome.failover is not None else None
        tasks = [asyncio.create_task(start(i, u)) for i, u in enumerate(users)]
        bound = options.seconds + ramp + ACTION_TIMEOUT + RECOVERY_TIMEOUT + 30
        done, pending = await asyncio.wait(tasks, timeout=bound)
        outcome.load_seconds = clock.now()
        outcome.cpu_by_process = {a.name: cpu_last[a.pid] - cpu_start[a.pid] for a in target.apps}
        outcome.app_cpu = sum(outcome.cpu_by_process.values())
        outcome.driver_cpu = sum(os.times()[:2]) - driver_start
        outcome.load_average = (load_start, os.getloadavg()[0])
        for task in pending:
            task.cancel()
            recorder.error("run", "end", EXCEPTION, "a session was still busy at the bound")
        for task in done:
            if task.exception() is not None:
                recorder.error("run", "session", EXCEPTION, task.exception())
        for extra in (sampler, stopper):
            if extra is not None:
                extra.cancel()
                with contextlib.suppress(BaseException):
                    await extra
        outcome.blocked = sum(getattr(u, "blocked", 0) for u in users)
        for app in target.apps:  # the high-water mark once more, now that all is done
            hwm = rss_mib(app.pid, "VmHWM")
            if hwm is not None:
                memory.high_water[app.name] = hwm

    if outcome.held_peak < options.sessions:
        recorder.error(
            "run", "hold", TOO_FEW, f"{outcome.held_peak} of {options.sessions} held at once"
        )
    if failover.at is not None and not failover.victims:
        recorder.error("run", "failover", DISCONNECT, "no session was on the stopped process")


def _read(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


NGINX_LINE = re.compile(r"\[(error|warn|crit|alert)\] \d+#\d+: (?:\*\d+ )?(?P<what>[^,]*)")


def nginx_problems(path: Path) -> Counter[str]:
    """nginx's error-log messages (error and warn) by kind, e.g. 'no live upstreams ...'."""
    found: Counter[str] = Counter()
    for line in _read(path).splitlines():
        match = NGINX_LINE.search(line)
        if match:
            found[match["what"].strip()] += 1
    return found


def _run_apart(main: Coroutine[Any, Any, None]) -> None:
    """asyncio.run in a thread of its own: callers may have a loop running (sync Playwright)."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(main)
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=target, name="load", daemon=True)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


GC_ENV = "STREAMLIT_RUNNER_POST_SCRIPT_GC"  # overrides .streamlit/config.toml
CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"


@contextlib.contextmanager
def _post_script_gc(value: bool | None) -> Iterator[None]:
    """The app processes started inside inherit runner.postScriptGC = ``value``."""
    before = os.environ.get(GC_ENV)
    if value is not None:
        os.environ[GC_ENV] = "true" if value else "false"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(GC_ENV, None)
        else:
            os.environ[GC_ENV] = before


def post_script_gc(value: bool | None = None) -> bool:
    """runner.postScriptGC as the app will see it: ``value``, else the environment, else
    .streamlit/config.toml, else Streamlit's default (on)."""
    if value is not None:
        return value
    if GC_ENV in os.environ:
        return os.environ[GC_ENV].strip().lower() in ("true", "1", "yes")
    config = CONFIG.read_text() if CONFIG.exists() else ""
    return bool(tomllib.loads(config).get("runner", {}).get("postScriptGC", True))


def run(options: Options) -> Outcome:
    """Start the app (one process, or two behind nginx), drive it, and stop everything."""
    started = time.monotonic()
    opener = two_servers if options.two_servers else single_server
    with _post_script_gc(options.post_script_gc), opener() as target:
        outcome = Outcome(
            options,
            "two app processes behind nginx-two.conf" if options.two_servers else "one app process",
            Recorder(),
            Memory(),
            Failover() if options.two_servers else None,
        )
        _run_apart(drive(target, options, outcome))
        time.sleep(0.5)
        logs = {app.name: app.log_text() for app in target.apps}
        if target.nginx is not None:
            outcome.nginx_errors = nginx_problems(target.nginx.directory / "error.log")
            logs["nginx error"] = _read(target.nginx.directory / "error.log")
            logs["nginx access"] = _read(target.nginx.directory / "access.log")
    outcome.server_tracebacks = sum(
        text.count("Traceback (most recent call last)") for text in logs.values()
    )
    outcome.logs = logs
    outcome.wall_seconds = time.monotonic() - started
    return outcome
