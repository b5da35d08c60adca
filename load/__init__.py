"""Bounded load test of the atlas (``python -m load --help``).

Drives many concurrent sessions against a real ``streamlit run`` (or two behind the shipped
nginx-two.conf, stopping one mid-test), counts every error, and reports response times per
action and the app's memory per session.

Why most sessions are protocol clients (load/protocol.py) and only a few are browser contexts
(load/browser.py, ``--browsers``, 2 by default): on a 2-core machine one headless Chromium
with 25 contexts did not show a single panel within 60 s, and with 8 contexts the first page
took ~40 s while the app used 0.15 of a core. The browser, not the app, was the bottleneck.
The protocol clients say on the WebSocket what the frontend says, so 25 and more sessions
load the app itself; the browser contexts check the real page under that load.
"""
