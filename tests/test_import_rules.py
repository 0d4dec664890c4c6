"""The import rules of the layout, checked on every .py file with ``ast``.

- ``civhub/`` outside ``civhub/ui/`` never imports streamlit, nor ``civhub.ui`` (which would bring it in);
- ``pipelines/`` never imports streamlit nor ``civhub.ui``;
- ``dashboard.py`` imports only streamlit, ``civhub.ui`` and the standard library.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(source: str, module: str) -> list[str]:
    """Absolute names of what ``source`` (the module named ``module``) imports, with their parents' forms.

    ``from civhub import ui`` yields both ``civhub`` and ``civhub.ui``; a relative import is resolved
    against ``module``; ``importlib.import_module("x")`` and ``__import__("x")`` with a literal name count too.
    """
    package = module.rsplit(".", 1)[0] if "." in module else ""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node, package)
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
        elif isinstance(node, ast.Call) and _dynamic_import_target(node):
            names.append(_dynamic_import_target(node))
    return names


def _resolve(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".") if package else []
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _dynamic_import_target(node: ast.Call) -> str | None:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name in {"import_module", "__import__"} and node.args and isinstance(node.args[0], ast.Constant):
        return str(node.args[0].value)
    return None


def _within(name: str, root: str) -> bool:
    return name == root or name.startswith(root + ".")


def violations(relative_path: str, source: str) -> list[str]:
    """Broken rules of the file at ``relative_path`` (from the repository root) holding ``source``."""
    path = Path(relative_path)
    module = ".".join(path.with_suffix("").parts).removesuffix(".__init__")
    names = imported_modules(source, module)
    top = path.parts[0]
    if top == "civhub" and path.parts[1:2] != ("ui",) or top == "pipelines":
        return [f"{relative_path} imports {n}" for n in names if _within(n, "streamlit") or _within(n, "civhub.ui")]
    if relative_path == "dashboard.py":
        allowed = ("streamlit", "civhub.ui")
        stdlib = sys.stdlib_module_names
        return [
            f"dashboard.py imports {n}" for n in names
            if n != "civhub" and not any(_within(n, a) for a in allowed) and n.split(".")[0] not in stdlib
        ]
    return []


def checked_files() -> list[Path]:
    files = [*sorted((ROOT / "civhub").rglob("*.py")), *sorted((ROOT / "pipelines").rglob("*.py"))]
    return [*files, ROOT / "dashboard.py"]


def test_the_repository_keeps_the_rules():
    found = []
    for file in checked_files():
        found += violations(file.relative_to(ROOT).as_posix(), file.read_text(encoding="utf-8"))
    assert found == []


def test_the_check_sees_the_files_it_guards():
    names = {file.relative_to(ROOT).as_posix() for file in checked_files()}
    assert {"civhub/config.py", "civhub/ui/connection.py", "pipelines/kinds.py", "dashboard.py"} <= names


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("civhub/overview.py", "import streamlit as st\n", ["civhub/overview.py imports streamlit"]),
        ("civhub/overview.py", "from streamlit.testing import v1\n",
         ["civhub/overview.py imports streamlit.testing", "civhub/overview.py imports streamlit.testing.v1"]),
        ("civhub/overview.py", "from civhub import ui\n", ["civhub/overview.py imports civhub.ui"]),
        ("civhub/peers/rank.py", "from ..ui import pages\n",
         ["civhub/peers/rank.py imports civhub.ui", "civhub/peers/rank.py imports civhub.ui.pages"]),
        ("civhub/overview.py", "import importlib\nimportlib.import_module('streamlit')\n",
         ["civhub/overview.py imports streamlit"]),
        ("pipelines/load.py", "def f():\n    import streamlit\n", ["pipelines/load.py imports streamlit"]),
        ("pipelines/load.py", "from civhub.ui.connection import read\n",
         ["pipelines/load.py imports civhub.ui.connection", "pipelines/load.py imports civhub.ui.connection.read"]),
        ("dashboard.py", "from civhub import overview\n", ["dashboard.py imports civhub.overview"]),
        ("dashboard.py", "import pandas\n", ["dashboard.py imports pandas"]),
    ],
)
def test_the_check_catches_a_broken_rule(path, source, expected):
    assert violations(path, source) == expected


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("civhub/ui/overview.py", "import streamlit as st\nfrom civhub import overview\n"),
        ("civhub/overview.py", "import duckdb\nfrom civhub import db\nfrom . import i18n\n"),
        ("pipelines/load.py", "from civhub import config\nfrom civhub.text import fold\nfrom .faults import F\n"),
        ("dashboard.py", "import os\nimport streamlit as st\nfrom civhub.ui import language, pages\n"),
        ("dashboard.py", "from civhub import ui\n"),
    ],
)
def test_the_check_allows_what_the_rules_allow(path, source):
    assert violations(path, source) == []
