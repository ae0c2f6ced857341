"""nbval이 실행한 장의 출력을 jupyter-cache에 넣는 pytest 플러그인.

`make test`는 장마다 한 번만 실행합니다. nbval이 셀을 실행하며 얻은 출력을 모아 두었다가,
모든 셀이 통과한 장만 책 빌드(MyST-NB의 cache 모드)가 찾는 캐시에 넣습니다.
캐시 열쇠는 MyST-NB가 `.md`를 읽어 만드는 노트북에서 계산되므로, 같은 읽기 함수로
`.md`를 읽고 코드 셀이 `.ipynb`와 같은지 확인한 뒤 출력만 옮겨 붙입니다.

pytest-xdist로 여러 일꾼이 장을 나눠 실행할 때도 같습니다: 셀의 출력은 시험 보고서에 실려
주 프로세스로 오고, 캐시는 주 프로세스 한 곳에서만 씁니다.
실패한 장이 있으면 장과 실패한 확인을 한국어 한 줄씩 `--nb-failures` 파일에 적습니다.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

# 실패한 확인을 찾는 코드는 make sweep과 함께 씁니다 (tools/chapter_runs.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import chapter_runs  # noqa: E402

_notebooks: dict[Path, dict] = {}


def pytest_addoption(parser):
    parser.addoption(
        "--nb-cache",
        default=None,
        help="통과한 노트북의 실행 결과를 넣을 jupyter-cache 폴더",
    )
    parser.addoption(
        "--nb-failures",
        default=None,
        help="실패한 장과 확인을 한국어 한 줄씩 적을 파일",
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


_PROPERTY = "nb_cache_cell"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # 셀을 실행한 프로세스(일꾼)에서: 셀의 출력을 보고서에 싣습니다 (JSON으로 바꿔 일꾼 밖으로 보낼 수 있게)
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not hasattr(item, "test_outputs"):
        return
    outputs = json.loads(json.dumps([dict(o) for o in (item.test_outputs or [])]))
    payload = {"path": str(item.parent.fspath), "cell": item.cell_num, "outputs": outputs}
    report.user_properties.append((_PROPERTY, payload))


def _last_error_line(longrepr: str) -> str:
    lines = [line.strip() for line in chapter_runs.ANSI.sub("", longrepr).splitlines() if line.strip()]
    errors = [line for line in lines if re.match(r"\w+(Error|Exception|Exit)\b", line)]
    return errors[-1][:200] if errors else ""


def pytest_runtest_logreport(report):
    # 주 프로세스에서 (일꾼이 없으면 같은 프로세스에서): 장마다 셀의 출력과 실패를 모읍니다
    if report.when != "call":
        return
    for name, payload in report.user_properties:
        if name != _PROPERTY:
            continue
        path = Path(payload["path"])
        entry = _notebooks.setdefault(path, {"outputs": {}, "failed": False, "failures": []})
        entry["outputs"][payload["cell"]] = [_to_output(o) for o in payload["outputs"]]
        if not report.passed:
            entry["failed"] = True
            text = str(report.longrepr)
            entry["failures"].append((payload["cell"], chapter_runs.failing_line(text), _last_error_line(text)))


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


def _write_failures(session) -> None:
    target = session.config.getoption("--nb-failures")
    if not target:
        return
    lines = []
    for ipynb, entry in sorted(_notebooks.items()):
        for cell, check, error in entry.get("failures", [])[:1]:  # 장마다 처음 실패한 셀만
            line = f"실패한 장: {ipynb.stem} — 셀 {cell}"
            if check:
                line += f"의 확인 `{check}`"
            if error:
                line += f" ({error})"
            lines.append(line)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):  # xdist 일꾼: 모으는 일은 주 프로세스가 합니다
        return
    _write_failures(session)
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
