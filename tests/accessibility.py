"""axe-core in the browser tests: inject the npm package, run it, keep what a person would
be stopped by (serious and critical findings)."""

from __future__ import annotations

from pathlib import Path

from tests.browser import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def axe_findings(frame, include_frames: bool = False) -> list[str]:
    """Serious and critical axe violations of one document, one line per rule and node.

    ``frame``: a Playwright page or frame. Frames inside it are checked separately (the
    map's iframe is its own document), unless ``include_frames``.
    """
    if not Path(AXE).exists():
        raise AssertionError(f"{AXE} is missing: run `make test` (it runs npm ci)")
    frame.add_script_tag(path=str(AXE))
    result = frame.evaluate(
        """async (frames) => {
            const r = await axe.run(document, {iframes: frames, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' +
                    (n.failureSummary || '').split('\\n').slice(1, 2).join(''))}));
        }""",
        include_frames,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} @ {node}"
        for v in result
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]
