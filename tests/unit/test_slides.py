"""make slides가 쓰는 tools/slides.py: 만든 장 페이지 하나로 reveal.js 발표 슬라이드 만들기.

npm도 브라우저도 쓰지 않습니다. 손으로 쓴 작은 장 페이지(Jupyter Book이 만드는 모양)로 덱을 만들고,
reveal.js와 MathJax는 복사하지 않거나(None) 가짜 폴더를 복사합니다.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import slides  # noqa: E402

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")  # 그림 자리 (내용은 보지 않음)

PAGE = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>14. 작은 장 — 모두의 딥러닝 스터디</title>
<script>window.MathJax = {"options": {"processHtmlClass": "tex2jax_process|mathjax_process|math|output_area"}}</script>
</head><body>
<div class="bd-header-article"><h1>작은 장</h1></div>
<article class="bd-article">
<section id="small-chapter">
<h1><span class="section-number">14. </span>작은 장<a class="headerlink" href="#small-chapter" title="이 제목으로 가는 링크">#</a></h1>
<p>머리말 문단입니다.</p>
<section id="id1">
<h2><span class="section-number">14.1. </span>이 장에서 배울 내용<a class="headerlink" href="#id1">#</a></h2>
<ul class="simple">
<li><p>합성곱 층을 쌓아 <span class="math notranslate nohighlight">\\(k \\times k\\)</span> 필터 세기</p></li>
<li><p><a class="reference internal" href="#fig-a">학습 곡선</a> 읽기</p></li>
</ul>
</section>
<section id="id2">
<h2><span class="section-number">14.2. </span>준비<a class="headerlink" href="#id2">#</a></h2>
<p>아래 셀은 Colab에서 실행할 때만 설치합니다.</p>
<div class="cell tag_hide-input docutils container"><pre>if "google.colab" in sys.modules: pass</pre></div>
<figure class="align-default" id="fig-setup"><img src="../_images/setup.png"/>
<figcaption><p><span class="caption-text">준비 절의 그림</span></p></figcaption></figure>
</section>
<section id="id3">
<h2><span class="section-number">14.3. </span>데이터 준비하기<a class="headerlink" href="#id3">#</a></h2>
<p>MNIST를 불러와 밝기를 0~1로 맞춥니다.</p>
</section>
<section id="id4">
<h2><span class="section-number">14.4. </span>모델 만들기<a class="headerlink" href="#id4">#</a></h2>
<p>시그모이드를 씁니다.</p>
<div class="math notranslate nohighlight" id="equation-ch14-sigmoid">
<span class="eqno">(14.1)<a class="headerlink" href="#equation-ch14-sigmoid" title="이 식으로 가는 링크">#</a></span>\\[
\\sigma(z) = \\frac{1}{1 + e^{-z}}
\\]</div>
<div class="math notranslate nohighlight" id="equation-ch14-second">
<span class="eqno">(14.2)</span>\\[ y = x &lt; 1 \\]</div>
<figure class="align-default" id="fig-a">
<img alt="" src="../_images/curve.png"/>
<figcaption><p><span class="caption-number">그림 14.1 </span><span class="caption-text">학습 곡선. 왼쪽은 <span class="math notranslate nohighlight">\\(\\ell\\)</span>입니다.</span><a class="headerlink" href="#fig-a" title="이 그림으로 가는 링크">#</a></p></figcaption>
</figure>
<section id="sub">
<h3><span class="section-number">14.4.1. </span>수용 영역<a class="headerlink" href="#sub">#</a></h3>
<figure class="align-default" id="fig-b">
<img alt="" src="../_images/filters.png"/>
<figcaption><p><span class="caption-number">그림 14.2 </span><span class="caption-text">첫 층의 필터</span></p></figcaption>
</figure>
</section>
</section>
<section id="id5">
<h2><span class="section-number">14.5. </span>정리<a class="headerlink" href="#id5">#</a></h2>
<ul class="simple"><li><p>합성곱 신경망은 매개변수가 적습니다.</p></li><li><p>풀링은 반으로 줄입니다.</p></li></ul>
</section>
<section id="id6">
<h2><span class="section-number">14.6. </span>토론 질문<a class="headerlink" href="#id6">#</a></h2>
<ol class="arabic simple">
<li><p>매개변수 수는 모델의 능력을 재는 좋은 잣대일까요?</p></li>
<li><p><a class="reference internal" href="#fig-a"><span class="std std-numref">그림 14.1</span></a>에서 무엇이 보이나요?</p></li>
</ol>
</section>
<section id="id7">
<h2><span class="section-number">14.7. </span>연습 문제<a class="headerlink" href="#id7">#</a></h2>
<div class="exercise admonition" id="ch14-ex-shift">
<p class="admonition-title"><span class="caption-number">연습 14.1 </span></p>
<section id="exercise-content">
<p>테스트 이미지를 <span class="math notranslate nohighlight">\\(0.5, 1\\)</span>픽셀 옮기며 합성곱 신경망의 정확도를 재고 표로 정리하세요.
두 모델을 견주어 보세요.</p>
</section></div>
<div class="solution dropdown admonition" id="sol-1">
<p class="admonition-title">풀이</p>
<section id="solution-content">
<div class="math notranslate nohighlight">\\[ \\text{풀이의 식} \\]</div>
<figure class="align-default"><img src="../_images/solution.png"/><figcaption><p>풀이 그림</p></figcaption></figure>
</section></div>
<div class="exercise admonition" id="ch14-ex-titled">
<p class="admonition-title"><span class="caption-number">연습 14.2 </span> (수용 영역 세기)</p>
<section id="exercise-content"><p>손으로 세세요.</p></section></div>
</section>
<section id="id8">
<h2><span class="section-number">14.8. </span>확인 퀴즈<a class="headerlink" href="#id8">#</a></h2>
<p>퀴즈 문제</p>
</section>
<section id="id9">
<h2><span class="section-number">14.9. </span>더 읽을거리<a class="headerlink" href="#id9">#</a></h2>
<ul><li><p>LeCun 1998</p></li></ul>
</section>
</section>
<section class="dlko-discussion" id="discussion"><h2>토론<a class="headerlink" href="#discussion">#</a></h2>
<script async src="https://utteranc.es/client.js"></script></section>
</article>
</body></html>
"""


@pytest.fixture
def site(tmp_path):
    """사이트 모양의 폴더: chapters/14_mnist_cnn.html과 _images/의 그림들."""
    root = tmp_path / "html"
    (root / "chapters").mkdir(parents=True)
    (root / "_images").mkdir()
    for name in ("setup.png", "curve.png", "filters.png", "solution.png"):
        (root / "_images" / name).write_bytes(PNG + name.encode())
    (root / "chapters" / "14_mnist_cnn.html").write_text(PAGE, encoding="utf-8")
    return root


@pytest.fixture
def deck(site, tmp_path):
    out = tmp_path / "slides" / "14_mnist_cnn"
    index = slides.build_deck(site / "chapters" / "14_mnist_cnn.html", out)  # reveal.js, MathJax 복사 없음
    soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    top = soup.select_one("div.reveal > div.slides").find_all("section", recursive=False)
    return out, soup, top


def _title(slide) -> str:
    heading = copy.copy(slide.find(["h1", "h2"]))
    number = heading.find(class_="number")
    if number is not None:
        number.extract()
    return heading.get_text(" ", strip=True)


def test_title_slide_has_chapter_title_and_goals(deck):
    _, _, top = deck
    title = top[0]
    assert title.h1.get_text(strip=True) == "작은 장" and "14장" in title.get_text()
    assert title.h3.get_text(strip=True) == "이 장에서 배울 내용"
    goals = [li.get_text(" ", strip=True) for li in title.find_all("li")]
    assert len(goals) == 2 and "\\(k \\times k\\)" in goals[0] and goals[1] == "학습 곡선 읽기"


def test_one_slide_per_section_and_skipped_parts(deck):
    _, soup, top = deck
    titles = [_title(slide) for slide in top]
    # 제목, 본문 절 셋(데이터 준비하기, 모델 만들기, 정리), 토론 질문, 연습 문제
    assert titles == ["작은 장", "데이터 준비하기", "모델 만들기", "정리", "토론 질문", "연습 문제"]
    text = soup.get_text()
    for skipped in ("준비 절의 그림", "google.colab", "확인 퀴즈", "퀴즈 문제", "더 읽을거리", "LeCun", "utteranc"):
        assert skipped not in text and skipped not in str(soup.find("div", class_="slides")), skipped
    assert "14.3" in top[1].get_text()  # 절 번호가 남아 사이트와 맞춰 볼 수 있음
    summary = [li.get_text(strip=True) for li in top[3].find_all("li")]
    assert summary == ["합성곱 신경망은 매개변수가 적습니다.", "풀링은 반으로 줄입니다."]


def test_first_equation_and_all_figures_of_a_section_with_captions(deck):
    out, _, top = deck
    model = top[2]
    stack = model.find_all("section", recursive=False)
    assert len(stack) == 2, "그림이 둘인 절은 세로로 넘기는 슬라이드 둘"
    first, second = stack
    equations = first.find_all(class_="equation")
    assert len(equations) == 1, "절의 첫 번째 식만"
    assert "\\sigma(z) = \\frac{1}{1 + e^{-z}}" in equations[0].get_text()
    assert equations[0].find(class_="eqno").get_text() == "(14.1)"
    assert "y = x" not in model.get_text()

    first_image, second_image = first.find("img"), second.find("img")
    assert first_image["src"] == "images/curve.png" and "r-stretch" in first_image["class"]
    assert second_image["src"] == "images/filters.png"
    assert (out / "images" / "curve.png").read_bytes().endswith(b"curve.png")
    assert (out / "images" / "filters.png").is_file()
    assert not (out / "images" / "setup.png").exists() and not (out / "images" / "solution.png").exists()
    caption = first.find(class_="caption").get_text(" ", strip=True)
    assert caption.startswith("그림 14.1") and "학습 곡선" in caption and "\\(\\ell\\)" in caption
    assert "#" not in caption
    assert "첫 층의 필터" in second.find(class_="caption").get_text()
    assert "모델 만들기" in second.h3.get_text() and "(2/2)" in second.h3.get_text()
    assert "시그모이드를 씁니다." in first.find("aside", class_="notes").get_text()


def test_discussion_and_exercise_slides(deck):
    _, _, top = deck
    questions = [li.get_text(" ", strip=True) for li in top[4].find_all("li")]
    assert questions == ["매개변수 수는 모델의 능력을 재는 좋은 잣대일까요?", "그림 14.1에서 무엇이 보이나요?"]
    exercises = [li.get_text(" ", strip=True) for li in top[5].find_all("li")]
    assert len(exercises) == 2
    # 제목 없는 연습 문제는 첫 문장(식 안의 마침표에서 자르지 않음), 제목 있는 것은 제목
    assert exercises[0] == "연습 14.1 테스트 이미지를 \\(0.5, 1\\) 픽셀 옮기며 합성곱 신경망의 정확도를 재고 표로 정리하세요."
    assert exercises[1] == "연습 14.2 수용 영역 세기"
    assert "풀이의 식" not in top[5].get_text()


def test_deck_uses_only_local_files_and_offline_mathjax(deck):
    _, soup, _ = deck
    for tag in soup.find_all(["script", "link", "img"]):
        address = tag.get("src") or tag.get("href") or ""
        assert "//" not in address, address
    config = soup.find_all("script")[-1].get_text()
    assert '"mathjax": "mathjax/es5/tex-svg.js"' in config and "cdn" not in config.lower()
    assert soup.find("meta", attrs={"name": "generator"})["content"].endswith(slides.REVEAL_VERSION)
    assert soup.html["lang"] == "ko"


def test_reveal_and_mathjax_are_copied_next_to_the_deck(site, tmp_path):
    # npm 대신 가짜 reveal.js와 MathJax 폴더를 넘깁니다
    fake_reveal, fake_mathjax = tmp_path / "reveal.js", tmp_path / "mathjax"
    for root, names in ((fake_reveal, slides.REVEAL_FILES), (fake_mathjax, slides.MATHJAX_FILES)):
        for name in names:
            path = root / name
            if "." in path.name or path.name == "LICENSE":
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("// " + name, encoding="utf-8")
            else:
                (path / "x.js").parent.mkdir(parents=True, exist_ok=True)
                (path / "x.js").write_text("//", encoding="utf-8")
    out = tmp_path / "deck"
    index = slides.build_deck(site / "chapters" / "14_mnist_cnn.html", out, reveal=fake_reveal, mathjax=fake_mathjax)
    html = index.read_text(encoding="utf-8")
    for address in ("reveal/dist/reveal.js", "reveal/plugin/math/math.js", "reveal/dist/theme/white.css"):
        assert address in html and (out / address).is_file(), address
    assert (out / "mathjax" / "es5" / "tex-svg.js").is_file()
    assert (out / "mathjax" / "es5" / "input" / "tex" / "extensions" / "x.js").is_file()


def test_chapter_numbers_name_real_chapters():
    assert slides.chapter_stem("14") == "14_mnist_cnn"
    assert slides.chapter_stem("3") == slides.chapter_stem("03") == "03_logistic_regression"


def test_unknown_chapter_gives_a_korean_error():
    with pytest.raises(SystemExit, match="그런 장이 없습니다: 99"):
        slides.chapter_stem("99")
    with pytest.raises(SystemExit, match="장 번호를 알아들을 수 없습니다"):
        slides.chapter_stem("열넷")


def test_missing_page_or_site_tells_to_run_make_book(site, tmp_path):
    (site / "chapters" / "14_mnist_cnn.html").unlink()
    with pytest.raises(SystemExit, match="사이트에 이 장의 페이지가 없습니다(.|\n)*`make book`"):
        slides.chapter_page("14_mnist_cnn", site)
    with pytest.raises(SystemExit, match="사이트가 없습니다(.|\n)*`make book`"):
        slides.main(["14", "--site", str(tmp_path / "없는 사이트"), "--out", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()


def test_cached_reveal_is_reused_and_missing_npm_is_explained(tmp_path, monkeypatch):
    package = tmp_path / "node_modules" / "reveal.js"
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"version": slides.REVEAL_VERSION}), encoding="utf-8")
    monkeypatch.setattr(slides.shutil, "which", lambda name: None)
    assert slides.ensure_reveal(tmp_path) == package  # 같은 버전이 있으면 npm을 부르지 않음
    (package / "package.json").write_text(json.dumps({"version": "4.0.0"}), encoding="utf-8")
    with pytest.raises(SystemExit, match="npm이 없습니다"):
        slides.ensure_reveal(tmp_path)
