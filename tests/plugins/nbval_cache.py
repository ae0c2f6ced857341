"""nbval이 실행한 장의 출력을 jupyter-cache에 넣는 pytest 플러그인.

`make test`는 장마다 한 번만 실행합니다. nbval이 셀을 실행하며 얻은 출력을 모아 두었다가,
모든 셀이 통과한 장만 책 빌드(MyST-NB의 cache 모드)가 찾는 캐시에 넣습니다.
캐시 열쇠는 MyST-NB가 `.md`를 읽어 만드는 노트북에서 계산되므로, 같은 읽기 함수로
`.md`를 읽고 코드 셀이 `.ipynb`와 같은지 확인한 뒤 출력만 옮겨 붙입니다.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

_notebooks: dict[Path, dict] = {}


def pytest_addoption(parser):
    parser.addoption(
        "--nb-cache",
        default=None,
        help="통과한 노트북의 실행 결과를 넣을 jupyter-cache 폴더",
    )


def _to_output(raw) -> nbformat.NotebookNode:
    kind = raw["output_type"]
    if kind == "stream":
        return nbformat.v4.new_output("stream", name=raw["name"], text=raw["text"])
    if kind == "error":
        return nbformat.v4.new_output(
            "error", ename=raw["ename"], evalue=raw["evalue"], traceback=raw["traceback"]
        )
    output = nbformat.v4.new_output(kind, data=dict(raw["data"]), metadata=dict(raw["metadata"]))
    if kind == "execute_result":
        output["execution_count"] = raw.get("execution_count")
    return output


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not hasattr(item, "test_outputs"):
        return
    path = Path(str(item.parent.fspath))
    entry = _notebooks.setdefault(path, {"outputs": {}, "failed": False})
    entry["failed"] |= not report.passed
    entry["outputs"][item.cell_num] = [_to_output(o) for o in (item.test_outputs or [])]


def _cache_one(cache, ipynb: Path, entry: dict) -> str:
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    md_path = ipynb.with_suffix(".md")
    executed = nbformat.read(ipynb, as_version=4)
    code_cells = [cell for cell in executed.cells if cell.cell_type == "code"]
    if len(entry["outputs"]) != len(code_cells):
        return "일부 셀이 실행되지 않아 캐시하지 않음"
    source_nb = read_myst_markdown_notebook(
        md_path.read_text(encoding="utf-8"), MdParserConfig(), path=md_path
    )
    md_cells = [cell for cell in source_nb.cells if cell.cell_type == "code"]
    if [c.source for c in md_cells] != [c.source for c in code_cells]:
        return ".md와 .ipynb의 코드가 달라 캐시하지 않음"
    for count, (cell, outputs) in enumerate(
        zip(md_cells, (entry["outputs"][k] for k in sorted(entry["outputs"]))), start=1
    ):
        cell.outputs = outputs
        cell.execution_count = count
    from jupyter_cache.base import CacheBundleIn

    cache.cache_notebook_bundle(
        CacheBundleIn(source_nb, str(md_path.resolve())), check_validity=False, overwrite=True
    )
    return "캐시함"


def pytest_sessionfinish(session, exitstatus):
    folder = session.config.getoption("--nb-cache")
    if not folder:
        return
    from jupyter_cache import get_cache

    cache = get_cache(folder)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    for ipynb, entry in sorted(_notebooks.items()):
        if entry["failed"]:
            message = "실패한 셀이 있어 캐시하지 않음"
        else:
            message = _cache_one(cache, ipynb, entry)
        if reporter is not None:
            reporter.write_line(f"[nb-cache] {ipynb.name}: {message}")
