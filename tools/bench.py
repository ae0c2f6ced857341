"""마지막 실행이 glue한 시간과 대표 수치를 모아 벤치마크 표를 만듭니다.

    make bench

`make test`(또는 `make book`)가 채운 책 빌드 캐시(_build/.jupyter_cache)에서 장마다 glue한
값을 읽습니다. 캐시에 실행이 없는 장만 새로 실행합니다. 결과는 _build/bench.json과
_build/bench.md에 쓰고, 표를 화면에도 보여 줍니다.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chapter_runs  # noqa: E402

ROOT = chapter_runs.ROOT
CACHE = ROOT / "_build" / ".jupyter_cache"
CI_BUDGET_SECONDS = 60 * 60


def cached_glue_values() -> dict[str, dict]:
    """캐시에 든 장마다 glue한 값: ``{"14_mnist_cnn": {"mnist_cnn_test_accuracy": 0.99, ...}}``."""
    if not CACHE.exists():
        return {}
    from jupyter_cache import get_cache

    import nbformat

    cache = get_cache(str(CACHE))
    values = {}
    for notebook_path in chapter_runs.chapter_paths():
        # 지금의 장과 코드가 같은 실행만: 장을 고친 뒤의 오래된 캐시는 지금의 커밋으로 기록하면 안 됩니다
        try:
            record = cache.match_cache_notebook(nbformat.read(notebook_path, as_version=4))
        except KeyError:
            continue
        values[notebook_path.stem] = chapter_runs.glued_values_of(cache.get_cache_bundle(record.pk).nb)
    return values


def main() -> None:
    table = chapter_runs.chapter_table()
    values = cached_glue_values()
    notebooks = chapter_runs.chapter_paths()
    for notebook in notebooks:
        if notebook.stem in values:
            continue
        print(f"[bench] 캐시에 {notebook.stem}의 실행이 없어 실행합니다", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            outcome = chapter_runs.run_notebook(
                notebook, notebook.parent, {}, timeout=1800, glue_log=Path(folder) / "glue.jsonl"
            )
        if not outcome["passed"]:
            print(f"[bench] {notebook.stem} 실행 실패: {outcome['check']} ({outcome['error']})")
        values[notebook.stem] = outcome["glued"]

    rows = []
    for notebook in notebooks:
        chapter = notebook.stem
        glued = values.get(chapter, {})
        info = table.get(chapter, {})
        headline = info.get("headline", "")
        rows.append(
            {
                "chapter": chapter,
                "seconds": glued.get(f"ch{chapter[:2]}_seconds"),
                "headline": headline,
                "value": glued.get(headline),
                "meaning": info.get("meaning", ""),
                "anchor": info.get("anchor", ""),
            }
        )
    total = sum(row["seconds"] or 0 for row in rows)
    summary = {"chapters": rows, "total_seconds": round(total, 1), "ci_budget_seconds": CI_BUDGET_SECONDS}
    out = ROOT / "_build"
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")

    lines = [
        "장마다의 시간은 그 장이 glue한 실행 시간입니다. `make test`는 장 두 개를 나란히, 장마다 스레드 하나로 실행하므로"
        " 합계는 실제로 걸린 시간의 약 두 배입니다.",
        "",
        "| 장 | 초 | 대표 수치 | 값 | 문헌 값 |",
        "|---|---:|---|---:|---|",
    ]
    for row in rows:
        seconds = f"{row['seconds']:.0f}" if isinstance(row["seconds"], (int, float)) else "–"
        lines.append(
            f"| {row['chapter']} | {seconds} | {row['meaning']} (`{row['headline']}`) | {chapter_runs.format_value(row['value'])} | {row['anchor'] or '–'} |"
        )
    lines.append(
        f"| **합계** | **{total:.0f}** | 장 실행 시간의 합 (CI 예산 {CI_BUDGET_SECONDS}초의 {100 * total / CI_BUDGET_SECONDS:.0f} %,"
        f" 두 장씩 나란히 돌리면 그 절반쯤) | | |"
    )
    text = "\n".join(lines) + "\n"
    (out / "bench.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
