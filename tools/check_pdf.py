"""make pdf가 만든 PDF를 검사합니다 (poppler-utils의 pdfinfo, pdftotext, pdfimages를 씀).

    python tools/check_pdf.py _build/pdf/dlko.pdf --html _build/singlehtml/index.html

통과하려면
- 쪽수가 책 한 권답게 충분하고 (기본 100쪽 이상),
- 모든 쪽이 A4이고,
- 한글 본문을 글자로 뽑을 수 있고 (역전파, 합성곱이 나와야 함),
- 그림이 들어 있고 (PDF의 이미지 수가 HTML의 그림 수의 절반 이상),
- MathJax의 오류 문구나 그려지지 않은 TeX가 없어야 합니다.
어긋나면 무엇이 어긋났는지 한국어로 적고 1로 끝납니다.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

MIN_PAGES = 100
# pdftotext로 뽑은 글에 반드시 있어야 하는 낱말 (한글 글꼴이 글자로 들어갔는지)
REQUIRED_WORDS = ("역전파", "합성곱")
A4_POINTS = (595.28, 841.89)
A4_TOLERANCE = 2.0
# PDF의 이미지 수가 HTML 그림 수의 이 비율 이상이어야 함 (plotly의 2차원 그림은 이미지가 아니라 벡터로 들어감)
MIN_IMAGE_RATIO = 0.5
# MathJax가 수식 대신 그리는 오류 문구
MATHJAX_ERRORS = (
    "Math input error",
    "Math Processing Error",
    "Undefined control sequence",
    "Unknown environment",
    "Missing open brace",
    "Missing close brace",
    "Extra open brace",
    "Extra close brace",
    "Double exponent",
    "Double subscripts",
    "Missing or unrecognized delimiter",
)
# MathJax가 돌지 않으면 \( ... \), \[ ... \]가 글자로 남습니다. 코드 속 정규식 몇 개는 봐줍니다
RAW_TEX = re.compile(r"\\\(|\\\[|\\begin\{")
MAX_RAW_TEX = 5


def parse_pdfinfo(text: str) -> tuple[int | None, list[tuple[float, float]]]:
    """pdfinfo 출력에서 쪽수와 쪽 크기(포인트)들. ``-f 1 -l N``으로 부르면 쪽마다 크기가 나옵니다."""
    pages = re.search(r"^Pages:\s+(\d+)", text, re.MULTILINE)
    sizes = [
        (float(width), float(height))
        for width, height in re.findall(r"^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts", text, re.MULTILINE)
    ]
    if not sizes:
        sizes = [
            (float(width), float(height))
            for width, height in re.findall(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", text, re.MULTILINE)
        ]
    return (int(pages.group(1)) if pages else None), sizes


def count_images(listing: str) -> int:
    """``pdfimages -list`` 출력에서 그림 이미지 수.

    투명도 마스크(smask) 줄은 빼고, chromium이 코드 셀 배경 같은 꾸밈을 래스터로 굳힌 회색 JPEG도 뺍니다.
    책의 그림은 모두 PNG(matplotlib, plotly)라서 회색 JPEG로 들어가지 않습니다.
    """
    count = 0
    for line in listing.splitlines():
        columns = line.split()
        if len(columns) < 9 or not columns[0].isdigit() or columns[2] != "image":
            continue
        color, encoding = columns[5], columns[8]
        if color == "gray" and encoding == "jpeg":
            continue
        count += 1
    return count


def count_figures(html: str) -> int:
    """책 HTML의 그림 수: 실행 결과와 본문의 이미지(_images/)와 plotly 그림."""
    images = re.findall(r"<img\b[^>]*\bsrc=\"(?:\.\./)*_images/", html)
    plotly = re.findall(r"class=\"plotly-graph-div\"", html)
    return len(images) + len(plotly)


def _is_a4(width: float, height: float) -> bool:
    return abs(width - A4_POINTS[0]) <= A4_TOLERANCE and abs(height - A4_POINTS[1]) <= A4_TOLERANCE


def problems(
    pages: int | None,
    sizes: list[tuple[float, float]],
    text: str,
    images: int,
    figures: int | None,
    min_pages: int = MIN_PAGES,
) -> list[str]:
    """검사에서 어긋난 것들을 한국어 문장으로. 비어 있으면 통과."""
    found = []
    if pages is None:
        found.append("pdfinfo가 쪽수를 알려 주지 않습니다: PDF가 깨졌을 수 있습니다")
    elif pages < min_pages:
        found.append(f"쪽수가 {pages}쪽뿐입니다: 책 전체라면 {min_pages}쪽 이상이어야 합니다 (장이 빠졌나요?)")
    if not sizes:
        found.append("쪽 크기를 읽지 못했습니다")
    else:
        wrong = [index for index, (width, height) in enumerate(sizes, start=1) if not _is_a4(width, height)]
        if wrong:
            width, height = sizes[wrong[0] - 1]
            found.append(
                f"A4가 아닌 쪽이 {len(wrong)}개 있습니다 (처음은 {wrong[0]}쪽, {width:g} x {height:g} pt;"
                f" A4는 {A4_POINTS[0]:g} x {A4_POINTS[1]:g} pt): print.css의 @page가 적용되지 않았나요?"
            )
    squeezed = re.sub(r"\s+", "", text)
    missing = [word for word in REQUIRED_WORDS if word not in text and word not in squeezed]
    if missing:
        found.append(
            f"PDF에서 뽑은 글에 {', '.join(missing)}이(가) 없습니다: 한글 글꼴이 글자로 들어가지 않았거나 장이 빠졌습니다"
        )
    if figures is not None:
        needed = math.ceil(figures * MIN_IMAGE_RATIO)
        if images < needed:
            found.append(
                f"PDF의 그림 이미지가 {images}개뿐입니다: 책의 그림 {figures}개 가운데 적어도 {needed}개는 들어가야 합니다"
                " (그림이 다 불러와지기 전에 인쇄했나요?)"
            )
    elif images == 0:
        found.append("PDF에 그림 이미지가 하나도 없습니다")
    errors = sorted({message for message in MATHJAX_ERRORS if message in text})
    if errors:
        found.append(f"MathJax 오류 문구가 PDF에 있습니다: {', '.join(errors)}")
    raw = len(RAW_TEX.findall(text))
    if raw > MAX_RAW_TEX:
        found.append(
            f"그려지지 않은 TeX 수식(\\( 또는 \\[)이 {raw}군데 남아 있습니다: MathJax가 불러와지지 않았거나 인쇄가 너무 일렀습니다"
        )
    return found


def _run(*command: str) -> str:
    if shutil.which(command[0]) is None:
        sys.exit(f"{command[0]}이(가) 없습니다: Debian 패키지 poppler-utils를 설치하세요 (make pdf가 설치합니다)")
    result = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} 실패: {result.stderr.strip()}")
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="make pdf가 만든 PDF를 검사합니다")
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--html", type=Path, help="그림 수를 셀 책 HTML (make pdf의 _build/singlehtml/index.html)")
    parser.add_argument("--min-pages", type=int, default=MIN_PAGES)
    args = parser.parse_args(argv)
    if not args.pdf.is_file():
        print(f"PDF가 없습니다: {args.pdf}", file=sys.stderr)
        return 1
    pages, _ = parse_pdfinfo(_run("pdfinfo", str(args.pdf)))
    sizes = parse_pdfinfo(_run("pdfinfo", "-f", "1", "-l", str(pages or 1), str(args.pdf)))[1]
    text = _run("pdftotext", "-enc", "UTF-8", str(args.pdf), "-")
    images = count_images(_run("pdfimages", "-list", str(args.pdf)))
    figures = count_figures(args.html.read_text(encoding="utf-8")) if args.html else None
    found = problems(pages, sizes, text, images, figures, args.min_pages)
    if found:
        print(f"PDF 검사에 실패했습니다: {args.pdf}", file=sys.stderr)
        for message in found:
            print(f"- {message}", file=sys.stderr)
        return 1
    figures_note = f" (책의 그림 {figures}개)" if figures is not None else ""
    print(
        f"PDF 검사를 통과했습니다: {pages}쪽, A4, 그림 이미지 {images}개{figures_note},"
        f" 한글 글자 {len(re.findall(r'[가-힣]', text))}자, MathJax 오류 없음"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
