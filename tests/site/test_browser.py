"""만들어진 사이트를 진짜 브라우저(Debian의 chromium)로 열어 봅니다.

검색 상자에 한국어를 쳐 보고, 한글이 실제 한글 글꼴로 그려지는지, 그림과 수식이 보이는지,
Colab 버튼과 이전/다음 이동이 되는지 확인합니다.
수식은 MathJax를 CDN에서 받으므로, 네트워크 없이도 시험하도록 같은 판(3.2.2)을
django-static-mathjax 패키지의 파일로 대신 내줍니다. 그 밖의 바깥 요청은 모두 막습니다.
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import pytest

from book import CHAPTERS, HTML, READING_ORDER, ROOT, colab_url

MATHJAX_CDN = "https://cdn.jsdelivr.net/npm/mathjax@3/"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# 이 책이 꼭 찾아야 하는 검색어 (스터디에서 가장 많이 찾는 개념)
QUERIES = ["회귀", "신경망", "역전파", "교차 엔트로피", "합성곱"]


def _title(docname: str) -> str:
    text = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, re.MULTILINE).group(1)


@pytest.fixture(scope="module")
def site_url():
    assert (HTML / "index.html").exists(), "make site를 먼저 실행하세요"
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _mathjax_dir() -> Path:
    import mathjax  # django-static-mathjax

    return Path(mathjax.__file__).parent / "static" / "mathjax"


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    assert Path(CHROMIUM).exists(), "chromium이 없습니다: make test가 Debian 패키지 chromium을 설치합니다"
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    mathjax_dir = _mathjax_dir()

    def route(route_request):
        url = route_request.request.url
        if url.startswith(site_url):
            return route_request.continue_()
        if url.startswith(MATHJAX_CDN):
            relative = unquote(urlparse(url).path).split("/mathjax@3/", 1)[1]
            path = mathjax_dir / relative
            if path.is_file():
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return route_request.fulfill(body=path.read_bytes(), content_type=content_type)
        return route_request.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"페이지에서 자바스크립트 오류: {errors}"


def _search(page, site_url, query: str) -> list[str]:
    """첫 페이지의 검색 상자에 검색어를 쳐서 나온 문서 이름을 순서대로 돌려줍니다."""
    page.goto(f"{site_url}/index.html")
    page.wait_for_url(re.compile(r"intro\.html"))
    page.locator("button.search-button-field, .search-button__button").first.click()
    box = page.locator("#pst-search-dialog input[name='q'], form.bd-search input[name='q']").first
    box.wait_for(state="visible")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q="))
    page.wait_for_function(
        "() => document.querySelector('#search-results') &&"
        " !document.querySelector('#search-progress')?.textContent.includes('Preparing')"
        " && document.querySelectorAll('#search-results li').length > 0"
        # Sphinx는 결과를 5 ms마다 하나씩 붙이고 다 붙인 뒤에야 요약 문장을 쓰므로, 요약이 나온 뒤에 읽습니다
        " && document.querySelector('#search-results p.search-summary')?.textContent.trim().length > 0",
        timeout=20000,
    )
    hrefs = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    names = []
    for href in hrefs:
        path = urlparse(href).path.removeprefix("/").removesuffix(".html")
        if path not in names:
            names.append(path)
    return names


@pytest.mark.parametrize("query", QUERIES)
def test_korean_search_returns_its_chapters_first(page, site_url, query):
    expected = {doc for doc in CHAPTERS if all(word in _title(doc) for word in query.split())}
    if not expected:
        pytest.skip(f"제목에 '{query}'가 들어간 장이 아직 없습니다")
    results = _search(page, site_url, query)
    top = set(results[: len(expected)])
    assert top == expected, f"'{query}' 검색 결과 앞부분: {results[: len(expected) + 3]}"


def test_korean_search_matches_words_inside_longer_eojeol(page, site_url):
    # '회귀부터'처럼 조사가 붙은 어절만 있는 문장도 '회귀'로 찾아야 합니다
    results = _search(page, site_url, "학습률")
    assert "chapters/02_linear_regression" in results


def _open_chapter(page, site_url, docname: str):
    page.goto(f"{site_url}/{docname}.html")
    page.wait_for_load_state("load")


def test_korean_text_is_drawn_with_a_korean_font(page, site_url):
    _open_chapter(page, site_url, CHAPTERS[0])
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    # 본문 첫 문단을 그리는 데 실제로 쓰인 글꼴과 글자 수 (브라우저 개발자 도구 프로토콜)
    paragraph = session.send("DOM.querySelector", {"nodeId": root, "selector": "main p"})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": paragraph})["fonts"]
    korean = [f for f in fonts if re.search(r"CJK|Nanum|Noto Sans KR|Un", f["familyName"])]
    assert korean and korean[0]["glyphCount"] >= 20, f"첫 문단을 그린 글꼴: {fonts}"


@pytest.mark.parametrize("docname", CHAPTERS)
def test_chapter_shows_figures_and_typeset_math(page, site_url, docname):
    _open_chapter(page, site_url, docname)
    images = page.locator("figure img")
    assert images.count() >= 1
    # 접힌 풀이 안의 그림도 내려받아져 있어야 합니다 (보이는지는 묻지 않음)
    page.wait_for_function(
        "() => [...document.querySelectorAll('figure img')].every(i => i.complete && i.naturalWidth > 100)",
        timeout=20000,
    )
    page.wait_for_selector("mjx-container", timeout=20000)
    assert page.locator("mjx-container").count() >= 5
    assert page.locator("mjx-merror").count() == 0, "MathJax가 읽지 못한 수식이 있습니다"


@pytest.mark.parametrize("docname", CHAPTERS)
def test_colab_button_points_at_the_notebook(page, site_url, docname):
    _open_chapter(page, site_url, docname)
    page.locator(".dropdown-launch-buttons button").click()
    link = page.locator(".dropdown-launch-buttons a", has_text="Colab")
    link.wait_for(state="visible")
    assert link.get_attribute("href") == colab_url(docname)


def test_next_and_previous_follow_the_table_of_contents(page, site_url):
    docname = CHAPTERS[0]
    position = READING_ORDER.index(docname)
    _open_chapter(page, site_url, docname)
    page.locator("a.right-next").click()
    page.wait_for_load_state("load")
    assert urlparse(page.url).path == f"/{quote(READING_ORDER[position + 1])}.html"
    page.locator("a.left-prev").click()
    page.wait_for_load_state("load")
    assert urlparse(page.url).path == f"/{docname}.html"


@pytest.mark.parametrize("docname", CHAPTERS[:: max(1, len(CHAPTERS) // 4)])
def test_quiz_answer_opens_on_click_with_a_link_to_the_chapter(page, site_url, docname):
    # 확인 퀴즈의 답은 처음에 접혀 있고, '정답 확인'을 누르면 보기 번호와 설명, 본문으로 가는 링크가 보입니다
    _open_chapter(page, site_url, docname)
    quiz = page.locator("section", has=page.locator("h2", has_text="확인 퀴즈")).last
    answer = quiz.locator("details.sd-dropdown").first
    body = answer.locator(".sd-summary-content, .sd-card-body").first
    assert answer.get_attribute("open") is None and not body.is_visible()
    answer.locator("summary").click()
    body.wait_for(state="visible")
    assert re.match(r"[①②③④⑤]", body.inner_text().strip()), body.inner_text()
    link = body.locator("a.reference.internal").first
    href = link.get_attribute("href") or ""
    assert href.startswith("#") or docname.split("/")[-1] in href, href


def test_search_by_everyday_name_finds_the_same_chapters(page, site_url):
    # '컨볼루션'으로 찾으면 '합성곱'으로 찾을 때와 같은 장들이 맨 앞에 나옵니다
    expected = [doc for doc in _search(page, site_url, "합성곱") if doc.startswith("chapters/")][:3]
    found = [doc for doc in _search(page, site_url, "컨볼루션") if doc.startswith("chapters/")][:3]
    assert expected and set(found) == set(expected), (found, expected)
