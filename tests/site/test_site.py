"""만들어진 사이트(_build/html)를 검사합니다. `make site` 뒤에 실행합니다."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import jupytext
import pytest

from book import CHAPTERS as CHAPTER_NAMES
from book import HTML, ROOT, colab_url

# 목차에 실린 장 (목차와 chapters/가 같은지는 tests/unit이 확인)
CHAPTERS = [ROOT / f"{name}.md" for name in CHAPTER_NAMES]
ids = [path.stem for path in CHAPTERS]


class Page(HTMLParser):
    """한 페이지의 태그와 속성, 보이는 글자를 모읍니다."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self._skip = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def _page(md_path: Path) -> tuple[str, Page]:
    html_path = HTML / "chapters" / f"{md_path.stem}.html"
    assert html_path.exists(), f"{html_path}가 없습니다: make site를 먼저 실행하세요"
    source = html_path.read_text(encoding="utf-8")
    return source, Page(source)


def test_site_was_built():
    assert (HTML / "index.html").exists(), "make site를 먼저 실행하세요"
    assert '<html lang="ko"' in (HTML / "book" / "intro.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("md_path", CHAPTERS, ids=ids)
def test_chapter_page_shows_every_figure(md_path):
    source, page = _page(md_path)
    names = [
        c.metadata["mystnb"]["figure"]["name"]
        for c in jupytext.read(md_path).cells
        if c.metadata.get("mystnb", {}).get("figure")
    ]
    assert names
    for name in names:
        match = re.search(rf'<figure[^>]*id="{re.escape(name)}".*?</figure>', source, re.DOTALL)
        assert match, f"그림 {name}이 페이지에 없습니다"
        images = re.findall(r'<img[^>]*src="([^"]+)"', match.group(0))
        assert images, f"그림 {name}에 이미지가 없습니다"
        for src in images:
            image_path = (HTML / "chapters" / src).resolve()
            assert image_path.exists() and image_path.stat().st_size > 2000, src


@pytest.mark.parametrize("md_path", CHAPTERS, ids=ids)
def test_colab_link_opens_the_paired_notebook_on_the_branch(md_path):
    _, page = _page(md_path)
    relative = md_path.with_suffix(".ipynb").relative_to(ROOT).as_posix()
    expected = colab_url(md_path.with_suffix("").relative_to(ROOT).as_posix())
    links = [attrs.get("href") for tag, attrs in page.tags if tag == "a" and "colab" in (attrs.get("href") or "")]
    assert links == [expected]
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", relative], cwd=ROOT, capture_output=True
    )
    assert tracked.returncode == 0, f"{relative}이 저장소에 없습니다"


@pytest.mark.parametrize("md_path", CHAPTERS, ids=ids)
def test_chapter_page_has_math_outputs_and_no_errors(md_path):
    source, page = _page(md_path)
    assert "mathjax" in source.lower() and r"\(" in page.text
    assert "cell_output" in source, "실행 결과가 없습니다"
    for bad in ("output stderr", "{glue"):
        assert bad not in source, f"페이지에 '{bad}'가 있습니다"
    # 오류는 독자에게 보여 주려고 raises-exception 태그를 단 셀에서만 나와야 하고, 그 셀에서는 꼭 보여야 합니다
    cells = source.split('<div class="cell ')[1:]
    for cell in cells:
        shows_error = "Traceback (most recent call last)" in cell
        if cell.split('"', 1)[0].split().count("tag_raises-exception"):
            assert shows_error, "raises-exception 셀에 오류가 보이지 않습니다"
        else:
            assert not shows_error, "예상하지 않은 오류가 페이지에 있습니다"


def test_interface_speaks_korean():
    source = (HTML / "chapters" / f"{CHAPTERS[0].stem}.html").read_text(encoding="utf-8")
    assert "시작하다" not in source
    assert 'title="실행하기: Colab"' in source
    assert "이전 페이지" in source or "다음 페이지" in source


@pytest.mark.parametrize("md_path", CHAPTERS, ids=ids)
def test_chapter_page_ends_with_one_discussion_thread(md_path):
    source, page = _page(md_path)
    scripts = [attrs for tag, attrs in page.tags if tag == "script" and attrs.get("src", "").startswith("https://utteranc.es/")]
    assert source.count('id="discussion"') == 1 and len(scripts) == 1, "장 끝의 토론 칸이 하나가 아닙니다"
    assert scripts[0]["issue-term"] == "pathname"
    assert source.index('id="discussion"') > source.index("확인 퀴즈" if "확인 퀴즈" in source else "더 읽을거리")


def test_pages_that_are_not_chapters_have_no_discussion():
    for path in (HTML / "book").glob("*.html"):
        assert 'id="discussion"' not in path.read_text(encoding="utf-8"), path.name


def _search_index() -> dict:
    import json

    text = (HTML / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def _documents_with(index: dict, word: str) -> set[str]:
    files = index["terms"].get(word, [])
    files = [files] if isinstance(files, int) else files
    return {index["docnames"][number] for number in files}


@pytest.mark.parametrize("synonym, term", [("과적합", "과대적합"), ("오버피팅", "과대적합"), ("컨볼루션", "합성곱")])
def test_search_index_finds_chapters_by_everyday_names(synonym, term):
    # 용어집이 적은 다른 이름으로도 그 용어를 쓰는 장이 모두 색인되어 있어야 합니다
    index = _search_index()
    with_term = {doc for doc in _documents_with(index, term) if doc.startswith("chapters/")}
    assert with_term, f"'{term}'을 쓰는 장이 색인에 없습니다"
    assert with_term <= _documents_with(index, synonym), f"'{synonym}'으로 찾지 못하는 장: {with_term - _documents_with(index, synonym)}"
