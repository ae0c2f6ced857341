"""장 하나를 실행하고 결과(통과 여부, 실패한 확인, glue한 값)를 모으는 공통 코드.

`make sweep`, `make bench`, `make colab-check`가 함께 씁니다. 이 파일은 그 세 도구가 부르는
파이썬(책의 가상 환경 또는 Colab을 흉내 낸 가상 환경)에서 `python chapter_runs.py ...`로도
실행되어, 결과를 JSON 한 덩어리로 표준 출력에 씁니다.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS_DIR = ROOT / "chapters"
CHAPTER_TABLE = ROOT / "bench" / "chapters.toml"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# 여러 장을 나란히 돌릴 때 한 장이 코어 하나만 쓰게 하는 환경 변수
ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
}


def format_value(value) -> str:
    """표에 쓸 값: 아주 작거나 큰 수는 유효 숫자 셋, 나머지는 소수 넷째 자리까지 (없으면 –)."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1e-2 or abs(value) >= 1e4 else f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value)


def chapter_table() -> dict[str, dict]:
    """bench/chapters.toml: 장마다 대표 수치(정리가 인용하는 glue 이름)와 문헌 값."""
    return tomllib.loads(CHAPTER_TABLE.read_text(encoding="utf-8"))


def chapter_paths(selection: str | None = None) -> list[Path]:
    """``"11 14 19"``나 ``"01-10"`` 같은 장 번호 목록을 .ipynb 경로로 바꿉니다 (없으면 모든 장)."""
    every = sorted(CHAPTERS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if not selection or selection.strip() in {"", "all"}:
        return every
    wanted: set[str] = set()
    for token in re.split(r"[,\s]+", selection.strip()):
        if not token:
            continue
        match = re.fullmatch(r"(\d{1,2})(?:-(\d{1,2}))?", token)
        if match is None:
            raise SystemExit(f"장 번호를 알아들을 수 없습니다: {token!r} (예: '11 14 19' 또는 '01-10')")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        wanted.update(f"{number:02d}" for number in range(first, last + 1))
    chosen = [path for path in every if path.name[:2] in wanted]
    missing = sorted(wanted - {path.name[:2] for path in chosen})
    if missing and not chosen:
        raise SystemExit(f"그런 장이 없습니다: {', '.join(missing)}")
    return chosen


def failing_line(traceback_text: str) -> str:
    """IPython 오류 메시지에서 실패한 줄(----> 표시)을 찾아 돌려줍니다."""
    lines = ANSI.sub("", traceback_text).splitlines()
    for line in lines:
        match = re.match(r"\s*-*>\s*\d+\s+(.*)", line)
        if match:
            return match.group(1).strip()
    return ""


def read_glue_log(path: Path) -> dict:
    values = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                values[record["name"]] = record["value"]
    return values


def glued_values_of(notebook) -> dict:
    """실행된 노트북의 출력에서 myst-nb glue 값을 찾아 파이썬 값으로 돌려줍니다."""
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if not name:
                continue
            data = output.get("data", {})
            # display=False로 glue한 값은 mime 이름 앞에 myst-nb의 접두사가 붙습니다
            text = next((value for key, value in data.items() if key.endswith("text/plain")), "")
            try:
                values[name] = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                values[name] = text.strip("'\"")
    return values


def run_notebook(notebook_path: Path, workdir: Path, env: dict[str, str], timeout: int, glue_log: Path) -> dict:
    """노트북 하나를 nbclient로 실행하고 결과를 사전으로 돌려줍니다."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook = nbformat.read(notebook_path, as_version=4)
    os.environ.update(env)
    glue_log.unlink(missing_ok=True)
    os.environ["DLKO_GLUE_LOG"] = str(glue_log)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    started = time.perf_counter()
    result = {"chapter": notebook_path.stem, "passed": True, "check": "", "error": ""}
    try:
        client.execute()
    except CellExecutionError as error:
        result.update(passed=False, check=failing_line(str(error)), error=f"{error.ename}: {error.evalue}"[:300])
    except (CellTimeoutError, DeadKernelError) as error:
        result.update(passed=False, check="(시간 초과 또는 커널 종료)", error=str(error)[:300])
    result["seconds"] = round(time.perf_counter() - started, 1)
    if not result["passed"]:
        # 어느 셀에서 멈췄는지: 실패한 셀의 첫 줄
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                result["cell"] = index
                if not result["check"]:
                    result["check"] = cell.source.splitlines()[0] if cell.source else ""
                break
    result["glued"] = read_glue_log(glue_log)
    result["first_cell_output"] = _first_code_cell_text(notebook)
    return result


def _first_code_cell_text(notebook) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            texts = []
            for output in cell.get("outputs", []):
                if output.get("output_type") == "stream":
                    texts.append(output.get("text", ""))
            return "".join(texts)[-4000:]
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description="장 하나를 실행하고 결과를 JSON으로 씁니다")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument("--glue-log", type=Path, required=True)
    parser.add_argument("--one-thread", action="store_true")
    args = parser.parse_args()
    env = dict(ONE_THREAD) if args.one_thread else {}
    if args.seed is not None:
        env["DLKO_SEED"] = str(args.seed)
    result = run_notebook(args.notebook, args.workdir, env, args.timeout, args.glue_log)
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
