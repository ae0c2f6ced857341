"""여러 시드와 Colab을 흉내 낸 환경에서 장을 돌려, 확인이 어느 실행에서나 통과하는지 봅니다.

    make sweep CHAPTERS="11 14 19" SEEDS="1 2" COLAB=1

실행 하나하나의 결과는 bench/sweep.json에 (장, 실행) 칸마다 덮어쓰며 쌓이고, 표는 언제나 그
전체에서 다시 만듭니다(bench/sweep.md). 그래서 긴 스윕을 여러 번에 나눠 돌려도 됩니다.
시드 42 칸은 `make test`가 캐시에 남긴 실행에서 가져옵니다(`--from-cache`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chapter_runs  # noqa: E402

ROOT = chapter_runs.ROOT
RESULTS = ROOT / "bench" / "sweep.json"
TABLE = ROOT / "bench" / "sweep.md"
COLAB_RUN = "colab"


def _commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "chapters", "src"], cwd=ROOT, capture_output=True, text=True)
    return out.stdout.strip() + ("+변경" if dirty.stdout.strip() else "")


def run_with_seed(notebook: Path, seed: int, timeout: int, one_thread: bool) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        command = [
            sys.executable, str(Path(__file__).with_name("chapter_runs.py")), str(notebook),
            "--workdir", str(notebook.parent), "--seed", str(seed), "--timeout", str(timeout),
            "--glue-log", str(Path(folder) / "glue.jsonl"),
        ] + (["--one-thread"] if one_thread else [])
        completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        return {"chapter": notebook.stem, "passed": False, "check": "(실행기 오류)", "error": completed.stderr[-300:]}
    return json.loads(completed.stdout)


def load_results() -> dict:
    if RESULTS.exists():
        return json.loads(RESULTS.read_text(encoding="utf-8"))
    return {}


def save_results(results: dict) -> None:
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def record(results: dict, run: str, outcome: dict, commit: str) -> None:
    table = chapter_runs.chapter_table()
    headline = table.get(outcome["chapter"], {}).get("headline")
    glued = outcome.get("glued", {})
    results.setdefault(outcome["chapter"], {})[run] = {
        "passed": outcome["passed"],
        "check": outcome.get("check", ""),
        "error": outcome.get("error", ""),
        "seconds": outcome.get("seconds"),
        "headline": glued.get(headline) if headline else None,
        "commit": commit,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
    }


def _run_order(run: str) -> tuple:
    if run == COLAB_RUN:
        return (2, 0)
    return (0 if run == "42" else 1, int(run) if run.isdigit() else 0)


def write_table(results: dict) -> str:
    table = chapter_runs.chapter_table()
    runs = sorted({run for chapter in results.values() for run in chapter}, key=_run_order)
    header = ["장"] + [("시드 " + run if run != COLAB_RUN else "Colab 흉내 (시드 42)") for run in runs]
    header += ["대표 수치", "최소 / 중앙 / 최대"]
    lines = [
        "# 스윕 결과",
        "",
        "`make sweep`이 만든 표입니다. 칸마다 그 실행의 결과(통과, 또는 실패한 확인)를 적습니다.",
        "시드 42는 `make test`의 실행이고, 나머지 시드는 두 장을 나란히 돌리며 장마다 스레드 하나로 실행합니다.",
        "Colab 흉내는 `make colab-check`의 환경입니다 (Python 3.12와 Colab의 패키지 버전, 장의 설치 셀이 그대로 실행됨).",
        "빈칸(–)은 아직 돌리지 않은 실행입니다.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    failures = []
    for chapter in sorted(results):
        row = [chapter]
        values = []
        for run in runs:
            entry = results[chapter].get(run)
            if entry is None:
                row.append("–")
                continue
            if entry["passed"]:
                row.append("통과")
            else:
                row.append("**실패**")
                failures.append(f"- {chapter}, {run}: `{entry['check']}` — {entry['error']}")
            if isinstance(entry.get("headline"), (int, float)):
                values.append(entry["headline"])
        name = table.get(chapter, {}).get("headline", "")
        row.append(f"`{name}`" if name else "–")
        if values:
            row.append(" / ".join(chapter_runs.format_value(v) for v in (min(values), statistics.median(values), max(values))))
        else:
            row.append("–")
        lines.append("| " + " | ".join(row) + " |")
    if failures:
        lines += ["", "## 실패한 확인", ""] + failures
    commits = sorted({entry["commit"] for chapter in results.values() for entry in chapter.values()})
    lines += ["", f"실행한 커밋: {', '.join(commits)}", ""]
    text = "\n".join(lines)
    TABLE.write_text(text, encoding="utf-8")
    return text


def from_cache(results: dict, commit: str) -> int:
    """make test가 캐시에 넣은 실행(시드 42)을 표에 넣습니다. 넣은 장의 수를 돌려줍니다."""
    import bench

    count = 0
    for chapter, glued in bench.cached_glue_values().items():
        seconds = glued.get(f"ch{chapter[:2]}_seconds")
        record(results, "42", {"chapter": chapter, "passed": True, "glued": glued, "seconds": seconds}, commit)
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", default="", help="장 번호 (예: '11 14 19', '01-10'); 비우면 모든 장")
    parser.add_argument("--seeds", default="1 2", help="시드 목록 (예: '1 2 3')")
    parser.add_argument("--colab", action="store_true", help="Colab을 흉내 낸 환경에서도 한 번 (시드 42)")
    parser.add_argument("--jobs", type=int, default=2, help="나란히 돌릴 장의 수")
    parser.add_argument("--timeout", type=int, default=1800, help="셀 하나의 시간 제한(초)")
    parser.add_argument("--from-cache", action="store_true", help="make test의 실행(시드 42)을 표에 넣기")
    args = parser.parse_args()

    notebooks = chapter_runs.chapter_paths(args.chapters)
    seeds = [int(seed) for seed in args.seeds.split()] if args.seeds.strip() else []
    commit = _commit()
    results = load_results()
    if args.from_cache:
        print(f"make test의 캐시에서 {from_cache(results, commit)}개 장을 시드 42 칸에 넣었습니다.")
        save_results(results)

    jobs = [(notebook, str(seed)) for seed in seeds for notebook in notebooks]
    # 오래 걸리는 장부터 돌려야 두 일꾼이 비슷하게 끝납니다
    jobs.sort(key=lambda job: -float(results.get(job[0].stem, {}).get("42", {}).get("seconds") or 0))

    def work(job):
        notebook, run = job
        started_at = _commit()  # 실행을 시작할 때의 커밋 (스윕 도중에 장을 고치면 달라짐)
        outcome = run_with_seed(notebook, int(run), args.timeout, one_thread=args.jobs > 1)
        outcome["commit"] = started_at
        return run, outcome

    failed_now = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for run, outcome in pool.map(work, jobs):
            if not outcome["passed"]:
                failed_now.append(f"{outcome['chapter']} 시드 {run}")
            record(results, run, outcome, outcome["commit"])
            save_results(results)
            state = "통과" if outcome["passed"] else f"실패: {outcome.get('check')} ({outcome.get('error')})"
            print(f"[sweep] {outcome['chapter']} 시드 {run}: {state}, {outcome.get('seconds')}초", flush=True)

    if args.colab:
        import colab_check

        for notebook in notebooks:
            commit = _commit()
            outcome = colab_check.check_chapter(notebook, timeout=args.timeout)
            if not outcome["passed"]:
                failed_now.append(f"{outcome['chapter']} Colab 흉내")
            record(results, COLAB_RUN, outcome, commit)
            save_results(results)
            state = "통과" if outcome["passed"] else f"실패: {outcome.get('check')} ({outcome.get('error')})"
            print(f"[sweep] {outcome['chapter']} Colab 흉내: {state}, {outcome.get('seconds')}초", flush=True)

    print(write_table(results))
    if failed_now:
        sys.exit(f"이번 스윕에서 실패한 실행: {', '.join(failed_now)}")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
