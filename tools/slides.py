"""만든 사이트의 장 페이지에서 주간 모임 발표용 reveal.js 슬라이드를 만듭니다.

    make slides CHAPTER=14        # 먼저 make book
    python tools/slides.py 14 --site _build/html --out _build/slides

- 입력은 .md가 아니라 ``make book``이 만든 ``_build/html/chapters/<장>.html``입니다. 그래야 실행해서 얻은
  그림이 들어갑니다.
- 슬라이드: 제목(장 제목과 '이 장에서 배울 내용'), 본문의 ``##`` 절마다 한 장(절 제목, 절의 첫 번째
  가운데 정렬 식, 절의 그림과 설명; 그림이 여럿이면 아래로 넘기는 슬라이드), 토론 질문, 연습 문제 제목.
  준비(설치 셀), 확인 퀴즈, 더 읽을거리는 넣지 않습니다. 숨은 확인 셀은 사이트에 없으므로 저절로 빠집니다.
- 결과 ``<out>/<장>/index.html`` 옆에 reveal.js, MathJax, 그림을 복사하므로 인터넷 없이 file://로 열립니다.
  reveal.js는 npm 레지스트리에서 아래 ``REVEAL_VERSION`` 하나로 받아 ``_build/.reveal``에 둡니다.
  MathJax는 make test가 이미 설치하는 pip 패키지 django-static-mathjax의 것을 씁니다 (CDN을 쓰지 않음).
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

# 슬라이드에 쓰는 reveal.js 버전 (npm 레지스트리에서 정확히 이 버전을 받습니다)
REVEAL_VERSION = "5.2.1"

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS_DIR = ROOT / "chapters"
DEFAULT_SITE = ROOT / "_build" / "html"
DEFAULT_OUT = ROOT / "_build" / "slides"
REVEAL_CACHE = ROOT / "_build" / ".reveal"

GOALS = "이 장에서 배울 내용"
DISCUSSION = "토론 질문"
EXERCISES = "연습 문제"
# 발표에 넣지 않는 절: 설치 셀이 있는 준비, 사이트에서 직접 푸는 퀴즈, 읽을거리 목록
SKIPPED = {"준비", "확인 퀴즈", "더 읽을거리"}
# 덱 폴더에 복사하는 reveal.js 파일 (소스 맵과 ES 모듈판은 빼고)
REVEAL_FILES = [
    "LICENSE",
    "dist/reset.css",
    "dist/reveal.css",
    "dist/reveal.js",
    "dist/theme/white.css",
    "dist/theme/fonts/source-sans-pro",
    "plugin/math/math.js",
    "plugin/notes/notes.js",
]
# MathJax: SVG 출력(글꼴 파일이 필요 없음)과 \boldsymbol 같은 확장이 필요할 때 불러오는 파일
MATHJAX_FILES = ["LICENSE", "es5/tex-svg.js", "es5/input/tex/extensions"]


@dataclass
class Figure:
    images: list[str]  # 장 페이지 기준의 그림 주소
    caption: str = ""  # HTML (식은 \( \) 그대로)


@dataclass
class Section:
    number: str
    title: str  # HTML
    equation: str = ""  # \[ ... \]
    equation_number: str = ""
    figures: list[Figure] = field(default_factory=list)
    subsections: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # 정리처럼 목록뿐인 절의 항목
    notes: str = ""  # 발표자 노트: 절의 첫 문단


@dataclass
class Chapter:
    number: str
    title: str
    goals: list[str]
    sections: list[Section]
    discussion: list[str]
    exercises: list[str]
    tex: dict = field(default_factory=dict)  # 사이트의 MathJax tex 설정 (매크로 등)


# ---------------------------------------------------------------- 장 찾기


def chapter_stem(selection: str, chapters_dir: Path = CHAPTERS_DIR) -> str:
    """``"14"``나 ``"3"``을 ``"14_mnist_cnn"`` 같은 장 이름으로 바꿉니다."""
    token = str(selection).strip()
    if not re.fullmatch(r"\d{1,2}", token):
        raise SystemExit(f"장 번호를 알아들을 수 없습니다: {token!r} (예: make slides CHAPTER=14)")
    every = sorted(path.stem for path in chapters_dir.glob("[0-9][0-9]_*.md"))
    for stem in every:
        if stem[:2] == f"{int(token):02d}":
            return stem
    numbers = f"{every[0][:2]}~{every[-1][:2]}" if every else "없음"
    raise SystemExit(f"그런 장이 없습니다: {token} (있는 장 번호: {numbers})")


def chapter_page(stem: str, site: Path = DEFAULT_SITE) -> Path:
    """만든 사이트에서 장 페이지를 찾습니다. 없으면 make book을 먼저 하라고 알립니다."""
    page = Path(site) / "chapters" / f"{stem}.html"
    if not page.is_file():
        where = "사이트가 없습니다" if not Path(site).is_dir() else "사이트에 이 장의 페이지가 없습니다"
        raise SystemExit(
            f"{where}: {page}\n"
            "슬라이드는 실행 결과와 그림이 들어간 사이트에서 만듭니다. 먼저 `make book`으로 사이트를 만드세요."
        )
    return page


# ---------------------------------------------------------------- 페이지 읽기

INLINE_TAGS = {"code", "em", "strong", "sub", "sup", "b", "i"}


def inline_html(node) -> str:
    """문단 안의 글을 슬라이드용 HTML로: 글과 식(\\( \\))과 강조·코드는 남기고 링크는 글만 남깁니다."""
    if isinstance(node, NavigableString):
        return html.escape(str(node), quote=False)
    if not isinstance(node, Tag):
        return ""
    classes = node.get("class") or []
    if "headerlink" in classes or "eqno" in classes or node.name in {"script", "style", "button"}:
        return ""
    if "math" in classes:
        return f'<span class="math">{html.escape(node.get_text(), quote=False)}</span>'
    inner = "".join(inline_html(child) for child in node.children)
    if "caption-number" in classes:
        return f'<span class="caption-number">{inner}</span>'
    if node.name in INLINE_TAGS:
        return f"<{node.name}>{inner}</{node.name}>"
    return inner


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _heading(tag: Tag) -> tuple[str, str, str]:
    """제목에서 (번호, 글, HTML): ``14.3. 데이터 준비하기#`` → ("14.3", "데이터 준비하기", ...)."""
    tag = copy.copy(tag)
    for link in tag.find_all(class_="headerlink"):
        link.decompose()
    number_tag = tag.find(class_="section-number")
    number = ""
    if number_tag is not None:
        number = _clean(number_tag.get_text()).rstrip(".")
        number_tag.extract()
    return number, _clean(tag.get_text()), _clean(inline_html(tag))


def _outside_exercises(tag: Tag) -> bool:
    return tag.find_parent(class_=["solution", "exercise"]) is None


PROTECTED = re.compile(r'<span class="math">.*?</span>|<code>.*?</code>', re.S)


def _first_sentence(fragment: str, shortest: int = 30) -> str:
    """HTML 조각의 첫 문장 (식과 코드 안의 마침표에서는 자르지 않고, 너무 짧으면 다음 문장까지)."""
    kept: list[str] = []

    def hide(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = PROTECTED.sub(hide, _clean(fragment))
    sentences = re.findall(r".+?[.?!](?=\s|$)|.+$", text)
    chosen = ""
    for sentence in sentences:
        chosen = f"{chosen} {sentence.strip()}".strip()
        if len(re.sub(r"<[^>]+>|\x00\d+\x00", "", chosen)) >= shortest:
            break
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], chosen)


def _list_items(section: Tag) -> list[str]:
    listing = section.find(["ol", "ul"])
    if listing is None:
        return []
    return [_clean(inline_html(item)) for item in listing.find_all("li", recursive=False)]


def _equation(section: Tag) -> tuple[str, str]:
    for block in section.find_all("div", class_="math"):
        if not _outside_exercises(block):
            continue
        eqno = block.find(class_="eqno")
        number = _clean(eqno.get_text()).rstrip("#") if eqno else ""
        tex = "".join(str(s) for s in block.find_all(string=True) if not (eqno and s.find_parent(class_="eqno")))
        tex = tex.strip()
        if not tex.startswith(("\\[", "$$", "\\begin")):
            tex = f"\\[{tex}\\]"
        return tex, number
    return "", ""


def _figures(section: Tag) -> list[Figure]:
    figures = []
    for figure in section.find_all("figure"):
        if not _outside_exercises(figure):
            continue
        images = [img["src"] for img in figure.find_all("img") if img.get("src")]
        if not images:
            continue
        caption_tag = figure.find("figcaption")
        caption = _clean(inline_html(caption_tag)) if caption_tag else ""
        figures.append(Figure(images, caption))
    return figures


def _exercise_title(block: Tag) -> str:
    title_tag = block.find(class_="admonition-title")
    label = ""
    rest = ""
    if title_tag is not None:
        number_tag = title_tag.find(class_="caption-number")
        label = _clean(number_tag.get_text()) if number_tag else ""
        rest = _clean("".join(inline_html(child) for child in title_tag.children if child is not number_tag))
        rest = rest.strip("()").strip()
    if not rest:  # 제목 없는 연습 문제: 첫 문장을 제목 대신
        body = block.find(id="exercise-content") or block
        paragraph = body.find("p")
        if paragraph is not None:
            rest = _first_sentence(inline_html(paragraph))
    if label and rest:
        return f'<span class="label">{html.escape(label)}</span> {rest}'
    return rest or html.escape(label)


def _mathjax_tex_config(soup: BeautifulSoup) -> dict:
    for script in soup.find_all("script"):
        text = script.string or ""
        match = re.search(r"MathJax\s*=\s*(\{.*\})\s*;?\s*$", text.strip(), re.S)
        if match:
            try:
                return json.loads(match.group(1)).get("tex", {})
            except json.JSONDecodeError:
                return {}
    return {}


def parse_chapter(page_html: str) -> Chapter:
    """만든 장 페이지(HTML)에서 슬라이드에 필요한 것을 뽑습니다."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.find("article", class_="bd-article") or soup.find("article") or soup
    top = None
    for candidate in article.find_all("section"):
        if candidate.find("h1", recursive=False) is not None:
            top = candidate
            break
    if top is None:
        raise SystemExit("장 페이지에서 장 제목(h1)이 있는 본문을 찾지 못했습니다. Jupyter Book이 만든 장 페이지인가요?")
    number, _, title = _heading(top.find("h1", recursive=False))
    chapter = Chapter(number=number, title=title, goals=[], sections=[], discussion=[], exercises=[],
                      tex=_mathjax_tex_config(soup))
    for section in top.find_all("section", recursive=False):
        heading = section.find("h2", recursive=False)
        if heading is None:
            continue
        sec_number, text, title_html = _heading(heading)
        if text == GOALS:
            chapter.goals = _list_items(section)
        elif text == DISCUSSION:
            chapter.discussion = _list_items(section)
        elif text == EXERCISES:
            chapter.exercises = [_exercise_title(block) for block in section.find_all("div", class_="exercise")]
        elif text in SKIPPED:
            continue
        else:
            equation, equation_number = _equation(section)
            first_paragraph = section.find("p", recursive=False)
            subsections = [_heading(h)[2] for h in section.find_all("h3")]
            figures = _figures(section)
            # 글과 목록뿐인 절(정리 등)은 목록을 그대로 보여 줍니다
            only_text = not figures and not equation
            items = _list_items(section) if only_text and section.find(["ul", "ol"], recursive=False) else []
            chapter.sections.append(Section(
                number=sec_number, title=title_html, equation=equation, equation_number=equation_number,
                figures=figures, subsections=subsections, items=items,
                notes=_clean(inline_html(first_paragraph)) if first_paragraph else "",
            ))
    return chapter


# ---------------------------------------------------------------- 슬라이드 쓰기

STYLE = """
.reveal { font-family: "Source Sans Pro", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo",
  "Malgun Gothic", sans-serif; font-size: 34px; word-break: keep-all; }
.reveal h1, .reveal h2, .reveal h3 { font-family: inherit; text-transform: none; word-break: keep-all;
  letter-spacing: 0; }
.reveal h1 { font-size: 1.9em; }
.reveal h2 { font-size: 1.25em; margin-bottom: 0.3em; }
.reveal h3 { font-size: 0.9em; color: #555; }
.reveal .chapter-label, .reveal .number, .reveal .continued { color: #888; font-weight: normal; }
.reveal .number { margin-right: 0.3em; }
.reveal ul, .reveal ol { display: block; text-align: left; font-size: 0.7em; line-height: 1.45; }
.reveal li + li { margin-top: 0.3em; }
.reveal .equation { font-size: 0.85em; margin: 0.3em 0; position: relative; }
.reveal .equation .eqno { position: absolute; right: 0; top: 50%; transform: translateY(-50%);
  color: #888; font-size: 0.7em; }
.reveal img.figure { margin: 0.2em auto; object-fit: contain; }
.reveal .figure-row { display: flex; justify-content: center; gap: 0.5em; }
.reveal .figure-row img { max-height: 420px; max-width: 48%; object-fit: contain; margin: 0; }
.reveal .caption { font-size: 0.5em; color: #444; margin: 0.2em auto 0; max-width: 80%; }
.reveal .caption .caption-number, .reveal .label { font-weight: bold; }
.reveal .subsections { font-size: 0.6em; color: #555; }
.reveal .footer { font-size: 0.45em; color: #888; }
"""


def _figure_html(figure: Figure, images: dict[str, str]) -> str:
    sources = [images.get(src, src) for src in figure.images]
    caption = f'\n<p class="caption">{figure.caption}</p>' if figure.caption else ""
    if len(sources) == 1:
        # r-stretch: 슬라이드의 남은 높이에 맞춰 그림 크기를 줄입니다
        return f'<img class="figure r-stretch" src="{html.escape(sources[0])}" alt="">{caption}'
    row = "".join(f'<img src="{html.escape(src)}" alt="">' for src in sources)
    return f'<div class="figure-row">{row}</div>{caption}'


def _section_slides(section: Section, images: dict[str, str]) -> str:
    number = f'<span class="number">{html.escape(section.number)}</span>' if section.number else ""
    parts = [f"<h2>{number}{section.title}</h2>"]
    if section.equation:
        eqno = f'<span class="eqno">{html.escape(section.equation_number)}</span>' if section.equation_number else ""
        parts.append(f'<div class="equation">{html.escape(section.equation, quote=False)}{eqno}</div>')
    if section.items:
        parts.append("<ul>" + "".join(f"<li>{item}</li>" for item in section.items) + "</ul>")
    if section.subsections and not section.figures:
        parts.append('<ul class="subsections">' + "".join(f"<li>{s}</li>" for s in section.subsections) + "</ul>")
    if section.figures:
        parts.append(_figure_html(section.figures[0], images))
    if section.notes:
        parts.append(f'<aside class="notes">{section.notes}</aside>')
    first = "<section>\n" + "\n".join(parts) + "\n</section>"
    if len(section.figures) <= 1:
        return first
    # 그림이 여럿이면 아래로 넘기는 슬라이드(세로 묶음)로
    rest = []
    for index, figure in enumerate(section.figures[1:], start=2):
        rest.append(
            "<section>\n"
            f'<h3>{number}{section.title} <span class="continued">({index}/{len(section.figures)})</span></h3>\n'
            f"{_figure_html(figure, images)}\n</section>"
        )
    return "<section>\n" + first + "\n" + "\n".join(rest) + "\n</section>"


def render_deck(chapter: Chapter, images: dict[str, str] | None = None) -> str:
    """장 내용을 reveal.js 슬라이드 HTML 한 장으로 만듭니다. ``images``는 그림 주소를 덱 안의 주소로 바꿉니다."""
    images = images or {}
    label = f"{chapter.number}장" if chapter.number else ""
    plain_title = _clean(BeautifulSoup(chapter.title, "html.parser").get_text())
    slides = []
    goals = ""
    if chapter.goals:
        goals = f"<h3>{GOALS}</h3>\n<ul>" + "".join(f"<li>{goal}</li>" for goal in chapter.goals) + "</ul>"
    slides.append(
        '<section class="title-slide">\n'
        f'<p class="chapter-label">{html.escape(label)}</p>\n<h1>{chapter.title}</h1>\n{goals}\n</section>'
    )
    slides.extend(_section_slides(section, images) for section in chapter.sections)
    if chapter.discussion:
        slides.append(
            f"<section>\n<h2>{DISCUSSION}</h2>\n<ol>"
            + "".join(f"<li>{question}</li>" for question in chapter.discussion)
            + "</ol>\n</section>"
        )
    if chapter.exercises:
        slides.append(
            f"<section>\n<h2>{EXERCISES}</h2>\n<ul>"
            + "".join(f"<li>{exercise}</li>" for exercise in chapter.exercises)
            + "</ul>\n"
            '<p class="footer">풀이는 사이트의 장 페이지에서 펼쳐 볼 수 있습니다.</p>\n</section>'
        )
    mathjax = {
        "mathjax": "mathjax/es5/tex-svg.js",
        "tex": {**chapter.tex, "inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"], ["$$", "$$"]]},
        "svg": {"fontCache": "global"},
    }
    config = {
        "hash": True,
        "slideNumber": "c/t",
        "width": 1280,
        "height": 720,
        "margin": 0.04,
        "center": True,
        "mathjax3": mathjax,
    }
    title = html.escape(f"{label} {plain_title} — 발표 슬라이드".strip())
    body = "\n\n".join(slides)
    return f"""<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tools/slides.py, reveal.js {REVEAL_VERSION}">
<title>{title}</title>
<link rel="stylesheet" href="reveal/dist/reset.css">
<link rel="stylesheet" href="reveal/dist/reveal.css">
<link rel="stylesheet" href="reveal/dist/theme/white.css">
<style>{STYLE}</style>
</head>
<body>
<div class="reveal">
<div class="slides">
{body}
</div>
</div>
<script src="reveal/dist/reveal.js"></script>
<script src="reveal/plugin/math/math.js"></script>
<script src="reveal/plugin/notes/notes.js"></script>
<script>
Reveal.initialize(Object.assign({json.dumps(config, ensure_ascii=False)}, {{
  plugins: [RevealMath.MathJax3, RevealNotes]
}}));
</script>
</body>
</html>
"""


# ---------------------------------------------------------------- 파일 복사


def mathjax_dir() -> Path:
    """pip 패키지 django-static-mathjax에 들어 있는 MathJax 3 (make test의 브라우저 시험과 같은 것)."""
    try:
        import mathjax  # django-static-mathjax
    except ImportError:
        raise SystemExit(
            "MathJax 패키지(django-static-mathjax)가 없습니다. `make setup`으로 가상 환경을 만들거나 "
            "`pip install -r requirements-test.txt`로 설치하세요."
        ) from None
    return Path(mathjax.__file__).parent / "static" / "mathjax"


def ensure_reveal(cache: Path = REVEAL_CACHE, version: str = REVEAL_VERSION) -> Path:
    """npm 레지스트리에서 reveal.js를 정확히 ``version``으로 받아 ``cache``에 둡니다 (이미 있으면 그대로)."""
    package = Path(cache) / "node_modules" / "reveal.js"
    manifest = package / "package.json"
    if manifest.is_file() and json.loads(manifest.read_text(encoding="utf-8")).get("version") == version:
        return package
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("reveal.js를 받을 npm이 없습니다. `sudo apt-get install npm`으로 설치한 뒤 다시 실행하세요.")
    print(f"[slides] npm으로 reveal.js@{version}을 받습니다: {cache}", flush=True)
    Path(cache).mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--no-save", f"reveal.js@{version}"],
        capture_output=True, text=True,
    )
    if result.returncode != 0 or not manifest.is_file():
        raise SystemExit(f"npm으로 reveal.js@{version}을 받지 못했습니다:\n{result.stderr.strip()}")
    return package


def _copy(source_root: Path, names: list[str], target_root: Path) -> None:
    for name in names:
        source, target = source_root / name, target_root / name
        if not source.exists():
            raise SystemExit(f"복사할 파일이 없습니다: {source}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)


def build_deck(page: Path, out_dir: Path, reveal: Path | None = None, mathjax: Path | None = None) -> Path:
    """장 페이지 ``page``로 ``out_dir/index.html``을 만들고 그림을 옆에 복사합니다.

    ``reveal``(reveal.js 패키지 폴더)과 ``mathjax``(MathJax 폴더)를 주면 그것도 복사합니다. 시험에서는 둘 다
    None으로 두어 npm 없이 HTML과 그림만 만듭니다.
    """
    page = Path(page)
    out_dir = Path(out_dir)
    chapter = parse_chapter(page.read_text(encoding="utf-8"))
    image_dir = out_dir / "images"
    shutil.rmtree(image_dir, ignore_errors=True)
    image_dir.mkdir(parents=True)
    images: dict[str, str] = {}
    every_figure = [figure for section in chapter.sections for figure in section.figures]
    for figure in every_figure:
        for src in figure.images:
            if src in images or src.startswith(("data:", "http://", "https://")):
                continue
            source = (page.parent / src.split("#")[0].split("?")[0]).resolve()
            if not source.is_file():
                raise SystemExit(f"그림 파일이 없습니다: {source}\n`make book`으로 사이트를 다시 만드세요.")
            shutil.copy2(source, image_dir / source.name)
            images[src] = f"images/{source.name}"
    if reveal is not None:
        _copy(Path(reveal), REVEAL_FILES, out_dir / "reveal")
    if mathjax is not None:
        _copy(Path(mathjax), MATHJAX_FILES, out_dir / "mathjax")
    index = out_dir / "index.html"
    index.write_text(render_deck(chapter, images), encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="만든 사이트의 장 페이지로 reveal.js 발표 슬라이드를 만듭니다.")
    parser.add_argument("chapter", help="장 번호 (예: 14)")
    parser.add_argument("--site", type=Path, default=DEFAULT_SITE, help="make book이 만든 사이트 (기본: _build/html)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="슬라이드를 둘 곳 (기본: _build/slides)")
    parser.add_argument("--reveal-cache", type=Path, default=REVEAL_CACHE,
                        help="npm으로 받은 reveal.js를 둘 곳 (기본: _build/.reveal)")
    args = parser.parse_args(argv)
    stem = chapter_stem(args.chapter)
    page = chapter_page(stem, args.site)
    reveal = ensure_reveal(args.reveal_cache)
    index = build_deck(page, args.out / stem, reveal=reveal, mathjax=mathjax_dir())
    print(f"슬라이드를 만들었습니다: {index.resolve()}")
    print("브라우저로 열고 S를 누르면 발표자 노트 창이, F를 누르면 전체 화면이 됩니다.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
