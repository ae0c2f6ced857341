"""장 파일의 짝, 구조, Colab 설치 셀, 목차, 용어집을 검사합니다."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
REQUIRED_SECTIONS = [
    "## 이 장에서 배울 내용",
    "## 준비",
    "## 정리",
    "## 토론 질문",
    "## 연습 문제",
    "## 확인 퀴즈",
    "## 더 읽을거리",
]
chapter_ids = [path.name for path in CHAPTERS]


def _sections(text: str) -> dict[str, str]:
    """'## 제목'마다 그 아래 본문을 모읍니다 (코드 블록 안의 #은 무시)."""
    sections: dict[str, str] = {}
    current = None
    in_fence = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            current = line.strip()
            sections[current] = ""
        elif current is not None:
            sections[current] += line + "\n"
    return sections


def test_there_are_chapters():
    assert CHAPTERS, "chapters/에 장이 하나도 없습니다"


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_notebook_is_paired_in_sync_and_output_free(md_path):
    ipynb_path = md_path.with_suffix(".ipynb")
    assert ipynb_path.exists(), f"{ipynb_path.name}이 없습니다: jupytext --sync {md_path.name}"
    from_md = jupytext.read(md_path)
    from_ipynb = nbformat.read(ipynb_path, as_version=4)
    summary_md = [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in from_md.cells]
    summary_ipynb = [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in from_ipynb.cells]
    assert summary_md == summary_ipynb, f"{md_path.name}과 {ipynb_path.name}의 내용이 다릅니다: make sync"
    for cell in from_ipynb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs, f"{ipynb_path.name}에 출력이 저장되어 있습니다"
            assert cell.execution_count is None
    assert from_ipynb.metadata["jupytext"]["formats"] == "ipynb,md:myst"
    assert from_ipynb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_first_code_cell_is_the_visible_setup_cell(md_path):
    # 설치 줄의 버전과 주소는 test_versions.py가 봅니다
    notebook = jupytext.read(md_path)
    first = next(c for c in notebook.cells if c.cell_type == "code")
    assert "hide-input" in first.metadata.get("tags", []), "준비 셀은 보이게 (접힌 채로) 둡니다"
    assert 'if "google.colab" in sys.modules:' in first.source.splitlines()
    assert "SEED = dlko.setup()" in first.source


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_chapter_structure(md_path):
    text = md_path.read_text(encoding="utf-8")
    number = md_path.name[:2]
    assert re.search(rf"^\(ch{number}-[a-z0-9-]+\)=\n# \S", text, re.MULTILINE), "장 레이블과 제목"
    headings = [line.strip() for line in text.splitlines() if line.startswith("## ")]
    positions = [headings.index(section) for section in REQUIRED_SECTIONS if section in headings]
    missing = [section for section in REQUIRED_SECTIONS if section not in headings]
    assert not missing, f"빠진 절: {missing}"
    assert positions == sorted(positions), "절의 순서가 틀렸습니다"
    body = headings[headings.index("## 준비") + 1 : headings.index("## 정리")]
    assert len(body) >= 2, "본문 절이 너무 적습니다"

    sections = _sections(text)
    questions = re.findall(r"^\d+\. ", sections["## 토론 질문"], re.MULTILINE)
    assert len(questions) >= 3, "토론 질문은 세 개 이상"

    exercises = sections["## 연습 문제"]
    labels = re.findall(r"```\{exercise\}\n:label: (\S+)", exercises)
    assert len(labels) >= 2, "연습 문제는 두 개 이상"
    for label in labels:
        match = re.search(
            rf"```{{solution-start}} {re.escape(label)}\n:class: dropdown\n```(.*?)```{{solution-end}}",
            exercises,
            re.DOTALL,
        )
        assert match, f"{label}의 풀이가 드롭다운으로 없습니다"
        assert "```{code-cell} ipython3" in match.group(1), f"{label}의 풀이에 실행하는 코드가 없습니다"


QUIZ_ANSWER = re.compile(r":::\{dropdown\} 정답 확인\n\*\*([①②③④⑤])\*\* (.+?)\n:::", re.DOTALL)


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_quiz_has_recall_questions_with_answers_on_click(md_path):
    # 확인 퀴즈: 더 읽을거리 바로 앞, 문제 3~5개, 문제마다 보기 목록과 눌러서 여는 답(보기 번호, 설명, 본문 링크)
    text = md_path.read_text(encoding="utf-8")
    headings = [line.strip() for line in text.splitlines() if line.startswith("## ")]
    assert headings[headings.index("## 확인 퀴즈") + 1] == "## 더 읽을거리", "확인 퀴즈는 더 읽을거리 바로 앞"
    quiz = _sections(text)["## 확인 퀴즈"]
    problems = re.split(r"^\*\*문제 \d+\.\*\* ", quiz, flags=re.MULTILINE)[1:]
    assert 3 <= len(problems) <= 5, f"확인 퀴즈의 문제는 3~5개: {len(problems)}개"
    for number, problem in enumerate(problems, start=1):
        options = re.findall(r"^- ([①②③④⑤]) \S", problem, re.MULTILINE)
        assert len(options) >= 3 and "".join(options) == "①②③④⑤"[: len(options)], f"문제 {number}의 보기"
        answers = QUIZ_ANSWER.findall(problem)
        assert len(answers) == 1, f"문제 {number}에 눌러서 여는 답이 하나 있어야 합니다"
        choice, explanation = answers[0]
        assert choice in options, f"문제 {number}의 답 {choice}이 보기에 없습니다"
        assert re.search(r"\{(ref|numref|eq)\}`[^`]+`", explanation), f"문제 {number}의 설명에 본문 링크가 없습니다"


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_chapter_has_hidden_checks_and_glued_runtime(md_path):
    notebook = jupytext.read(md_path)
    hidden_checks = [
        c
        for c in notebook.cells[1:]
        if c.cell_type == "code" and "remove-cell" in c.metadata.get("tags", []) and "assert " in c.source
    ]
    assert len(hidden_checks) >= 3, "중요한 단계마다 숨긴 확인 셀이 있어야 합니다"
    number = md_path.name[:2]
    text = md_path.read_text(encoding="utf-8")
    assert f'glue("ch{number}_seconds"' in text and f"ch{number}_seconds" in text.split("## 이 장에서")[0]


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_every_visible_code_cell_is_introduced_by_a_sentence(md_path):
    # 보이는 코드 셀 바로 앞에는 그 셀이 무엇을 하는지 말하는 문장이 있어야 합니다 (제목이나 지시문이 아니라)
    cells = jupytext.read(md_path).cells
    for previous, cell in zip(cells, cells[1:]):
        if cell.cell_type != "code" or "remove-cell" in cell.metadata.get("tags", []):
            continue
        lines = [line.strip() for line in previous.source.splitlines() if line.strip()] if previous.cell_type == "markdown" else []
        last = lines[-1] if lines else ""
        assert last and not last.startswith(("#", "```", ":", "$$")), (
            f"{md_path.name}: 소개 문장 없이 시작하는 코드 셀: {cell.source.splitlines()[0]!r}"
        )


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_figures_have_caption_name_and_are_referenced(md_path):
    text = md_path.read_text(encoding="utf-8")
    figures = [c.metadata.get("mystnb", {}).get("figure") for c in jupytext.read(md_path).cells]
    figures = [figure for figure in figures if figure]
    number = md_path.name[:2]
    assert figures, "그림이 하나도 없습니다"
    for figure in figures:
        name = figure.get("name", "")
        assert figure.get("caption"), f"그림 {name}에 설명이 없습니다"
        assert name.startswith(f"ch{number}-"), name
        assert f"{{numref}}`{name}`" in text, f"그림 {name}을 본문에서 가리키지 않습니다"


def _toc_files(node) -> list[str]:
    files = []
    if isinstance(node, dict):
        if "file" in node:
            files.append(node["file"])
        for value in node.values():
            files += _toc_files(value)
    elif isinstance(node, list):
        for item in node:
            files += _toc_files(item)
    return files


def test_toc_lists_every_chapter():
    listed = {f for f in _toc_files(TOC) if f.startswith("chapters/")}
    present = {f"chapters/{path.stem}" for path in CHAPTERS}
    assert listed == present


GLOSSARY = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")


def _glossary_entries() -> dict[str, str]:
    block = GLOSSARY.split("```{glossary}")[1].split("```")[0]
    entries = {}
    lines = block.strip("\n").splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith(" "):
            assert line not in entries, f"용어집에 {line}이 두 번 있습니다"
            definition = lines[index + 1].strip() if index + 1 < len(lines) else ""
            entries[line] = definition
    return entries


def test_glossary_entries_have_english_and_one_name_per_concept():
    entries = _glossary_entries()
    english_names = {}
    for term, definition in entries.items():
        english = definition.split(". ")[0].strip().lower()
        assert re.search(r"[a-z]", english), f"{term}: 영어 이름이 없습니다"
        assert english not in english_names, (
            f"'{english}'라는 개념에 한국어 이름이 둘입니다: {english_names.get(english)}, {term}"
        )
        english_names[english] = term


def test_every_term_used_is_defined():
    entries = _glossary_entries()
    pages = CHAPTERS + sorted((ROOT / "book").glob("*.md"))
    for page in pages:
        for used in re.findall(r"\{term\}`([^`]+)`", page.read_text(encoding="utf-8")):
            term = re.sub(r"^.*<(.+)>$", r"\1", used)
            assert term in entries, f"{page.name}: 용어집에 없는 용어 '{term}'"


LITERAL_SEED = re.compile(
    r"(default_rng|set_random_seed|RandomState|\bRandom)\(\s*\d|random_state\s*=\s*\d|\bseed\s*=\s*\d"
    r"|\b(render_captcha|draw_captchas?)\((?:[^()]|\([^()]*\))*?,\s*\d+\s*(?:,\s*parallel=\w+\s*)?\)"
)


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_every_random_stream_derives_from_the_chapter_seed(md_path):
    # make sweep이 DLKO_SEED로 장 전체를 다른 시드로 돌릴 수 있도록, 난수는 모두 SEED(+k)에서 만듭니다
    notebook = jupytext.read(md_path)
    first = next(c for c in notebook.cells if c.cell_type == "code")
    assert "SEED = dlko.setup()" in first.source
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            assert not LITERAL_SEED.search(line), f"{md_path.name}: 숫자로 박은 시드: {line.strip()}"


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_no_check_asserts_on_measured_time(md_path):
    # 시간은 벤치마크(make bench)로 재고 glue할 뿐, 확인하지 않습니다: 같은 종류의 기계도 3배씩 다릅니다
    for cell in jupytext.read(md_path).cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            # 수만 배처럼 어느 기계도 뒤집지 못할 비율(이름에 speedup, slowdown)만 여유를 두고 확인할 수 있습니다
            if line.strip().startswith("assert") and re.search(r"seconds|_ms\b|elapsed", line):
                raise AssertionError(f"{md_path.name}: 잰 시간에 기대는 확인: {line.strip()}")


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_math_uses_only_standard_latex_macros(md_path):
    # 사이트의 MathJax 설정에만 있는 매크로(\R 등)는 Colab과 Jupyter에서 오류가 납니다
    text = md_path.read_text(encoding="utf-8")
    assert not re.search(r"\\R(?![a-zA-Z])", text), f"{md_path.name}: \\R 대신 \\mathbb{{R}}"


def _reference_titles() -> dict[str, str]:
    titles = {}
    for page in CHAPTERS + sorted((ROOT / "book").glob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines[:-1]):
            match = re.match(r"^\((\S+)\)=$", line)
            if match:
                titles[match.group(1)] = re.sub(r"^#+\s*", "", lines[index + 1]).strip()
    return titles


def _ends_with_consonant(title: str) -> tuple[bool, bool] | None:
    """제목의 마지막 글자에 받침이 있는지, 그 받침이 ㄹ인지 (한글이나 숫자가 아니면 None)."""
    last = title.rstrip(")")[-1]
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return final != 0, final == 8
    if last.isdigit():
        return last in "013678", last in "178"
    return None


def test_particles_after_cross_references_match_the_title():
    # {ref}`ch11-mnist-mlp`와 → 'MNIST 신경망와'처럼, 보이는 제목의 받침과 조사가 어긋나지 않게
    titles = _reference_titles()
    wrong = []
    for page in CHAPTERS + sorted((ROOT / "book").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"\{ref\}`([^`<]+?)`(와|과|는|은|를|을|가|이|로|으로)(?![가-힣])", text):
            title = titles.get(match.group(1))
            shape = _ends_with_consonant(title) if title else None
            if shape is None:
                continue
            final, rieul = shape
            particle = match.group(2)
            if particle in ("로", "으로"):
                ok = (particle == "으로") == (final and not rieul)
            else:
                ok = (particle in ("과", "은", "을", "이")) == final
            if not ok:
                wrong.append(f"{page.name}: '{title}{particle}'")
    assert not wrong, wrong


@pytest.mark.parametrize("md_path", CHAPTERS, ids=chapter_ids)
def test_each_glue_name_is_glued_once(md_path):
    # 같은 이름을 두 번 glue하면 사이트 빌드가 경고(-W에서는 실패)를 냅니다
    names = re.findall(r"""\bglue\(\s*["']([^"'{}]+)["']""", md_path.read_text(encoding="utf-8"))
    repeated = sorted({name for name in names if names.count(name) > 1})
    assert not repeated, f"{md_path.name}: 두 번 glue한 이름: {repeated}"


def test_every_label_names_one_target_in_the_whole_book():
    # 절 레이블, 그림 이름, 연습 문제가 책 전체에서 겹치면 Sphinx가 하나를 버리고 경고합니다 (식의 레이블은 따로 셉니다)
    seen: dict[tuple[str, str], str] = {}
    pages = CHAPTERS + sorted((ROOT / "book").glob("*.md"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        labels = [
            ("std", label)
            for pattern in (r"^\(([\w-]+)\)=$", r"^    name: ([\w-]+)$", r"^:label: ([\w-]+)$")  # 절, 그림, 연습 문제
            for label in re.findall(pattern, text, re.MULTILINE)
        ] + [("math", label) for label in re.findall(r"^\$\$ \(([\w-]+)\)$", text, re.MULTILINE)]
        for key in labels:
            assert key not in seen, f"레이블 '{key[1]}'이 {seen.get(key)}와 {page.name}에 함께 있습니다"
            seen[key] = page.name
