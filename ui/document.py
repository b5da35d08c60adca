"""What the page tells browsers and screen readers: ``<html lang>``; in Chinese, the English
texts Streamlit builds into its widgets (aria-labels such as "Help for …", "Select all",
"No results"), which no Streamlit option changes; a name for the map's frame; and a live
region that announces the place the panel beside the map now shows.

One small script, the same on every run in a language, so the browser keeps it and does
not run it again; a MutationObserver translates what Streamlit draws later.
"""

from __future__ import annotations

import functools
import json

import streamlit as st

from atlas.i18n import HTML_LANG, Translator

# Streamlit 1.67's fixed texts, as shown in the Chinese interface. Whole texts:
STREAMLIT_TEXTS_ZH = {
    "Sidebar": "侧边栏",
    "Collapse sidebar": "收起侧边栏",
    "Expand sidebar": "展开侧边栏",
    "App pages": "页面",
    "Open": "展开",
    "Close": "收起",
    "Clear all": "全部清除",
    "Select all": "全选",
    "No results": "无结果",
    "Choose an option": "请选择",
    "Link to heading": "链接到此标题",
    "Skip to main content": "跳到主要内容",
    "Copy to clipboard": "复制到剪贴板",
    "Fullscreen": "全屏",
    "Close fullscreen": "退出全屏",
    "Download as CSV": "下载 CSV",
    "Search": "搜索",
    "Selected values": "已选项",
    "Running...": "运行中……",
    "Show data": "显示数据",
    "Show/hide columns": "显示/隐藏列",
    "Download as PNG": "下载为 PNG",
    "Download as SVG": "下载为 SVG",
    "Copy Vega-Lite spec": "复制图表定义",
    "View Source": "查看源代码",
    "View Vega-Lite": "查看图表定义",
    "Open in Vega Editor": "在图表编辑器中打开",
    "Vega visualization": "图表",
}
# ... and texts around a widget's own label ("{}" is the label):
STREAMLIT_PATTERNS_ZH = {
    "Help for {}": "{}：说明",
    "Remove {}": "移除 {}",
    "{} — start": "{} — 起",
    "{} — end": "{} — 止",
}

_SCRIPT = """<script>
(function () {
  const lang = %(lang)s, texts = %(texts)s, patterns = %(patterns)s, mapName = %(map)s;
  const opened = %(opened)s;
  const doc = window.document;
  doc.documentElement.lang = lang;
  const rules = Object.entries(patterns).map(([en, zh]) => {
    const [head, tail] = en.split("{}");
    return [head, tail, zh];
  });
  function translate(value) {
    if (!value) return null;
    const whole = texts[value.trim()];
    if (whole) return value.replace(value.trim(), whole);
    for (const [head, tail, zh] of rules) {
      const inner = value.length - head.length - tail.length;
      if (inner > 0 && value.startsWith(head) && value.endsWith(tail)) {
        return zh.replace("{}", value.slice(head.length, value.length - tail.length));
      }
    }
    return null;
  }
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  function fixAttributes(el) {
    for (const name of ATTRIBUTES) {
      const done = window.__atlasTranslate(el.getAttribute(name));
      if (done) el.setAttribute(name, done);
    }
  }
  function fixNode(node) {
    if (node.nodeType === 3) {
      const done = window.__atlasTranslate(node.nodeValue);
      if (done) node.nodeValue = done;
    } else if (node.nodeType === 1) {
      fixAttributes(node);
      node.childNodes.forEach(fixNode);
    }
  }
  // The newest run's dictionary (the observer outlives a language switch).
  window.__atlasTranslate = translate;
  if (!window.__atlasObserver) {
    window.__atlasObserver = new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === "childList") change.addedNodes.forEach(fixNode);
        else if (change.type === "characterData") fixNode(change.target);
        else fixAttributes(change.target);
      }
    });
    window.__atlasObserver.observe(doc.body, {
      subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ATTRIBUTES,
    });
  }
  fixNode(doc.body);
  // The map's iframe is titled by streamlit-folium for its own use; give it a name.
  window.__atlasMapName = mapName;
  const nameMap = () => doc.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')
    .forEach((frame) => frame.setAttribute("aria-label", window.__atlasMapName));
  nameMap();
  if (!window.__atlasMapNamer) {
    window.__atlasMapNamer = new MutationObserver(nameMap);
    window.__atlasMapNamer.observe(doc.body, {subtree: true, childList: true});
  }
  // A live region that says which place the panel beside the map now shows: a click, a
  // pick or a link changes the panel without moving the focus there.
  window.__atlasOpened = opened;
  let live = doc.getElementById("atlas-live");
  if (!live) {
    live = doc.createElement("div");
    live.id = "atlas-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;" +
      "clip:rect(0 0 0 0);white-space:nowrap";
    doc.body.appendChild(live);
    let shown = null;
    const announce = () => {
      const heading = doc.querySelector(".st-key-place_panel h3");
      const name = heading ? heading.innerText.trim() : null;
      if (name && name !== shown) live.textContent = window.__atlasOpened.replace("{}", name);
      shown = name;
    };
    new MutationObserver(announce).observe(doc.body, {subtree: true, childList: true,
      characterData: true});
    announce();
  }
})();
</script>"""


def _dictionaries(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Texts and patterns to apply in ``lang``: Chinese for "zh"; in English the reverse,
    which puts back what an earlier Chinese run translated."""
    if lang == "zh":
        return STREAMLIT_TEXTS_ZH, STREAMLIT_PATTERNS_ZH
    return (
        {zh: en for en, zh in STREAMLIT_TEXTS_ZH.items()},
        {zh: en for en, zh in STREAMLIT_PATTERNS_ZH.items()},
    )


def set_document_language(t: Translator) -> None:
    """Say the interface language to the browser (and translate Streamlit's own texts)."""
    st.html(_document_script(t.lang), unsafe_allow_javascript=True)


@functools.cache
def _document_script(lang: str) -> str:
    """The script for ``lang``: the same on every run, so built once per process."""
    t = Translator(lang)
    texts, patterns = _dictionaries(lang)
    return _SCRIPT % {
        "lang": json.dumps(HTML_LANG[lang]),
        "texts": json.dumps(texts, ensure_ascii=False),
        "patterns": json.dumps(patterns, ensure_ascii=False),
        "map": json.dumps(t("map.frame"), ensure_ascii=False),
        "opened": json.dumps(t("panel.opened", name="{}"), ensure_ascii=False),
    }
