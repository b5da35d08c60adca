"""Strings that must show literally and never run."""

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "${window.__pwned=1}",
    "`;window.__pwned=1;`",
    "\\`${alert(1)}\\`",
    "</script><script>window.__pwned=1</script>",
    "\"'><svg onload=window.__pwned=1>",
    "[click](javascript:window.__pwned=1)",
    "**bold** _it_ $x^2$ # heading",
    "\u202eevil\u200b",
    "长株潭 & 武汉 < 深圳",
    "x" * 5000,
]
