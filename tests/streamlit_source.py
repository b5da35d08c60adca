"""Streamlit's own source, read by the tests of the parts of it that ui/ replaces, so that an
upgrade of Streamlit that changes what is replaced fails a test first."""

from __future__ import annotations

import ast
import inspect
from types import ModuleType


def method_body(module: ModuleType, cls: str, method: str) -> list[str]:
    """The statements of ``cls.method`` in ``module``'s source, docstring left out."""
    tree = ast.parse(inspect.getsource(module))
    klass = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    func = next(n for n in klass.body if isinstance(n, ast.FunctionDef) and n.name == method)
    body = func.body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return [ast.unparse(statement) for statement in body]
