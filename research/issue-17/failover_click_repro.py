"""By hand: two processes behind nginx; the serving one dies; then a click on the map at Shenzhen's pixel."""
import sys, time
from pathlib import Path
sys.path.insert(0, "/work/main")
from playwright.sync_api import sync_playwright
from tests.browser import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import Offline
from tests.nginx_helpers import nginx_server, streamlit_apps, find_nginx
from tests.journeys import click_at_place, panel_heading
from tests.test_nginx import open_place
tmp = Path("/tmp/x/fo"); tmp.mkdir(exist_ok=True)
with sync_playwright() as p:
    b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    with streamlit_apps(tmp / "apps", 2) as apps, nginx_server(find_nginx(), tmp / "nginx", "nginx-two.conf", [a.port for a in apps]) as server:
        s = Offline(b, server.origin)
        open_place(s, "/?place=wuhan&basemap=none")
        mine = [e for e in server.access_log() if e["uri"] == "/_stcore/stream" or True]
        ups = {e["up"] for e in server.access_log()}
        used = [a for a in apps if f"127.0.0.1:{a.port}" in ups][0]
        other = [a for a in apps if a is not used][0]
        warm = Offline(b, f"http://127.0.0.1:{other.port}")
        open_place(warm, "/?place=wuhan&basemap=none"); warm.context.close()
        used.stop(); print("stopped", used.port, "warmed", other.port)
        time.sleep(8)
        s.page.screenshot(path="/tmp/x/fo-after-stop.png")
        click_at_place(s, "wuhan-huashan-eco-new-town")
        try:
            print("after click:", panel_heading(s, "Wuhan Huashan"))
        except Exception as e:
            print("FAILED:", type(e).__name__, str(e)[:200])
            s.page.screenshot(path="/tmp/x/fo-after-click.png")
        print("errors", s.errors[:3])
        s.context.close()
    b.close()
