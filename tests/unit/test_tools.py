"""make sweep, make bench, make colab-check가 함께 쓰는 tools/chapter_runs.py의 작은 함수들."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import chapter_runs  # noqa: E402


def test_chapter_selection_accepts_numbers_and_ranges():
    every = chapter_runs.chapter_paths()
    assert len(every) == len(list((ROOT / "chapters").glob("[0-9][0-9]_*.md")))
    assert [p.name[:2] for p in chapter_runs.chapter_paths("1-3")] == ["01", "02", "03"]
    assert [p.name[:2] for p in chapter_runs.chapter_paths("14, 2")] == ["02", "14"]
    with pytest.raises(SystemExit, match="알아들을 수 없습니다"):
        chapter_runs.chapter_paths("열넷")
    with pytest.raises(SystemExit, match="그런 장이 없습니다"):
        chapter_runs.chapter_paths("99")


def test_every_chapter_has_a_headline_in_the_bench_table():
    table = chapter_runs.chapter_table()
    for notebook in chapter_runs.chapter_paths():
        entry = table.get(notebook.stem)
        assert entry and entry["headline"] and entry["meaning"], notebook.stem
        source = notebook.with_suffix(".md").read_text(encoding="utf-8")
        assert f'"{entry["headline"]}"' in source, f"{notebook.stem}: {entry['headline']}을 glue하지 않습니다"


def test_failing_line_is_found_in_an_ipython_traceback():
    traceback = (
        "\x1b[0;31mAssertionError\x1b[0m                            Traceback (most recent call last)\n"
        "Cell \x1b[0;32mIn[29], line 3\x1b[0m\n"
        "\x1b[1;32m      2\x1b[0m x = 1\n"
        "\x1b[0;32m----> 3\x1b[0m \x1b[38;5;28;01massert\x1b[39;00m x \x1b[38;5;241m>\x1b[39m 2\n"
    )
    assert chapter_runs.failing_line(traceback) == "assert x > 2"
    assert chapter_runs.failing_line("no arrow here") == ""


def test_glued_values_are_read_from_executed_outputs():
    cell = nbformat.v4.new_code_cell("glue(...)")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/papermill.record/text/plain": "0.9931"},
            metadata={"scrapbook": {"name": "mnist_cnn_test_accuracy", "mime_prefix": "application/papermill.record/"}},
        ),
        nbformat.v4.new_output("display_data", data={"text/plain": "'합성곱'"}, metadata={"scrapbook": {"name": "word"}}),
        nbformat.v4.new_output("stream", name="stdout", text="무시"),
    ]
    notebook = nbformat.v4.new_notebook(cells=[cell])
    assert chapter_runs.glued_values_of(notebook) == {"mnist_cnn_test_accuracy": 0.9931, "word": "합성곱"}


def test_book_failure_is_explained_in_one_korean_line():
    import explain_build_failure

    log = (
        "/work/main/chapters/14_mnist_cnn.md: WARNING: Executing notebook failed: CellExecutionError [mystnb.exec]\n"
        "Traceback (most recent call last):\n"
        "----> 3 assert shift_table.loc[0, 'x'] >= 0.97\n"
        "AssertionError: 0.9687\n"
        "RuntimeError: Executing notebook failed\n"
    )
    assert explain_build_failure.explain(log) == [
        "실패한 장: 14_mnist_cnn — 확인 `assert shift_table.loc[0, 'x'] >= 0.97` (AssertionError: 0.9687)"
    ]
    assert explain_build_failure.explain("다른 오류") == []
