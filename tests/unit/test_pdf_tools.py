"""make pdf의 작은 부품들: PDF 검사기(tools/check_pdf.py), PDF용 설정 사본, singlehtml 처리기 채우기.

chromium이나 poppler-utils 없이, 그 도구들의 출력을 흉내 낸 짧은 글로 시험합니다.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import check_pdf  # noqa: E402
import make_pdf  # noqa: E402
import singlehtml_handlers  # noqa: E402

PDFINFO = """Title:           모두의 딥러닝 스터디
Pages:           438
Page size:       594.96 x 841.92 pts (A4)
"""
PDFINFO_PER_PAGE = """Pages:           3
Page    1 size: 594.96 x 841.92 pts (A4)
Page    2 size: 594.96 x 841.92 pts (A4)
Page    3 size: 612 x 792 pts (letter)
"""
PDFIMAGES = """page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   3     0 image    1090   390  rgb     3   8  image  no        12  0   150   150 40.1K 3.2%
   3     1 smask    1090   390  gray    1   8  image  no        12  0   150   150 2.1K 0.5%
  17     2 image     891   340  rgb     3   8  image  no        40  0   150   150 30.0K 3.4%
  18     3 image    2158   613  gray    1   8  jpeg   no       131  0   300   300 10.2K 0.8%
  18     4 image     800   600  icc     3   8  image  no       140  0   144   144 50.0K 3.5%
"""
GOOD_TEXT = "10장 역전파\n연쇄 법칙으로 기울기를 구합니다.\n13장 합성곱\n"


def good(**changes):
    values = dict(pages=438, sizes=[(594.96, 841.92)] * 3, text=GOOD_TEXT, images=60, figures=113)
    values.update(changes)
    return check_pdf.problems(**values)


def test_pdfinfo_gives_pages_and_every_page_size():
    assert check_pdf.parse_pdfinfo(PDFINFO) == (438, [(594.96, 841.92)])
    pages, sizes = check_pdf.parse_pdfinfo(PDFINFO_PER_PAGE)
    assert pages == 3 and sizes[-1] == (612.0, 792.0) and len(sizes) == 3
    assert check_pdf.parse_pdfinfo("쓸모없는 출력") == (None, [])


def test_pdfimages_counts_figures_but_not_masks_or_rasterized_backgrounds():
    assert check_pdf.count_images(PDFIMAGES) == 3
    assert check_pdf.count_images("") == 0


def test_figures_are_counted_from_the_book_html():
    html = (
        '<img alt="_images/a.png" src="_images/a.png" />'
        '<img src="../_images/b.png">'
        '<img src="_static/logo.png">'
        '<div id="x" class="plotly-graph-div" style="height:600px"></div>'
    )
    assert check_pdf.count_figures(html) == 3


def test_a_good_book_passes():
    assert good() == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pages": 12}, "12쪽뿐입니다"),
        ({"pages": None}, "쪽수를 알려 주지 않습니다"),
        ({"sizes": [(594.96, 841.92), (612.0, 792.0)]}, "A4가 아닌 쪽이 1개"),
        ({"sizes": []}, "쪽 크기를 읽지 못했습니다"),
        ({"text": "영어만 있는 PDF backpropagation"}, "역전파, 합성곱이(가) 없습니다"),
        ({"text": GOOD_TEXT.replace("합성곱", "")}, "합성곱이(가) 없습니다"),
        ({"images": 10}, "그림 이미지가 10개뿐입니다"),
        ({"images": 0, "figures": None}, "그림 이미지가 하나도 없습니다"),
        ({"text": GOOD_TEXT + "Undefined control sequence \\frak"}, "MathJax 오류 문구"),
        ({"text": GOOD_TEXT + "식 \\(H(x) = Wx + b\\) " * 6}, "그려지지 않은 TeX 수식"),
    ],
)
def test_each_problem_is_reported_in_korean(changes, message):
    found = good(**changes)
    assert len(found) == 1 and message in found[0], found


def test_korean_words_broken_across_lines_still_count():
    assert good(text="10장 역\n전파와 13장 합성\n곱") == []


def test_main_reports_a_missing_pdf(tmp_path, capsys):
    assert check_pdf.main([str(tmp_path / "없음.pdf")]) == 1
    assert "PDF가 없습니다" in capsys.readouterr().err


def test_pdf_config_uses_local_mathjax_print_css_and_keeps_the_book_settings(tmp_path):
    target = make_pdf.write_pdf_config(target=tmp_path / "pdf" / "_config.yml")
    original = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load(target.read_text(encoding="utf-8"))
    sphinx_config = config["sphinx"]["config"]
    assert sphinx_config["mathjax_path"] == "mathjax/tex-mml-chtml.js"
    assert "print.css" in sphinx_config["html_css_files"] and "print.js" in sphinx_config["html_js_files"]
    assert (ROOT / "book" / "_static" / "print.css").is_file() and (ROOT / "book" / "_static" / "print.js").is_file()
    assert config["execute"] == original["execute"], "PDF 빌드도 책과 같은 캐시를 써야 합니다"
    # 지역 확장의 경로는 사본의 자리에서 보아도 같은 폴더여야 합니다
    for name, folder in config["sphinx"]["local_extensions"].items():
        assert (target.parent / folder / f"{name}.py").is_file(), name


def test_singlehtml_gets_the_html_handlers_it_is_missing():
    def visit(self, node):
        pass

    registry = SimpleNamespace(
        translation_handlers={
            "html": {"HideCodeCellNode": (visit, visit), "exercise_node": (visit, None)},
            "singlehtml": {"exercise_node": (None, None)},
        }
    )
    assert singlehtml_handlers.fill_singlehtml_handlers(registry) == 1
    single = registry.translation_handlers["singlehtml"]
    assert single["HideCodeCellNode"] == (visit, visit)
    assert single["exercise_node"] == (None, None), "이미 있는 singlehtml 처리기는 그대로 둡니다"
