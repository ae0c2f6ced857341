"""책 전체를 PDF 한 권(_build/pdf/dlko.pdf)으로 만듭니다.

    make pdf

1. 책을 한 페이지짜리 HTML(_build/singlehtml)로 만듭니다. 장은 `make book`이나 `make test`가 채운
   캐시(_build/.jupyter_cache)에서 가져오므로, 캐시가 장과 맞으면 다시 실행하지 않습니다.
   이 빌드에서만 설정을 조금 바꿉니다 (_config.yml의 사본 _build/pdf/_config.yml에 적어 씁니다):
   수식은 CDN 대신 django-static-mathjax 패키지의 MathJax를 쓰고(네트워크 없이도 그려지도록),
   인쇄용 꾸밈 book/_static/print.css(사이드바, 위쪽 막대, 실행 버튼, 토론 칸 숨김, A4)와
   접힌 코드 셀을 펼치는 book/_static/print.js를 붙이고, singlehtml 빌더에 빠지는 마디 처리기를
   채우는 확장 tools/singlehtml_handlers.py를 더합니다.
2. 그 페이지를 작은 로컬 서버로 내주고 Debian의 chromium으로 열어 PDF로 인쇄합니다.
   바깥 주소는 모두 막으므로 CDN이나 토론 칸 스크립트를 기다리지 않습니다.
   plotly 그림은 브라우저가 그린 그대로 PDF에 들어갑니다.

결과 검사는 tools/check_pdf.py가 따로 합니다.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
SINGLEHTML = BUILD / "singlehtml"
PDF_DIR = BUILD / "pdf"
PDF = PDF_DIR / "dlko.pdf"
# book/_static 안의 인쇄용 꾸밈과, 접힌 코드 셀을 펼치는 스크립트
PRINT_CSS = "print.css"
PRINT_JS = "print.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # 로컬 서버 말고는 이름을 찾지 못하게 해서 CDN, 토론 칸 스크립트를 기다리지 않음
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
]
# 수식, 그림, plotly가 다 그려질 때까지 기다리는 가상 시간(밀리초). 네트워크를 기다리는 동안에는 흐르지 않습니다
VIRTUAL_TIME_BUDGET_MS = 120_000
CHROMIUM_TIMEOUT_S = 900


def mathjax_dir() -> Path:
    """django-static-mathjax가 담은 MathJax 3의 es5 폴더 (사이트의 CDN 주소 .../mathjax@3/es5/와 같은 파일)."""
    try:
        import mathjax  # django-static-mathjax
    except ImportError:
        sys.exit("MathJax 파일이 없습니다: requirements-test.txt의 django-static-mathjax를 설치하세요 (make setup)")
    folder = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
    if not (folder / "tex-mml-chtml.js").is_file():
        sys.exit(f"MathJax 파일을 찾지 못했습니다: {folder / 'tex-mml-chtml.js'}")
    return folder


def write_pdf_config(source: Path = ROOT / "_config.yml", target: Path = PDF_DIR / "_config.yml") -> Path:
    """책 설정에 PDF용 설정 두 가지만 더한 사본을 씁니다."""
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    # 지역 확장의 경로는 설정 파일이 있는 폴더 기준이라, 사본의 자리에서 다시 적습니다
    extensions = config.setdefault("sphinx", {}).get("local_extensions") or {}
    for name, folder in extensions.items():
        extensions[name] = os.path.relpath(source.parent / folder, target.parent)
    # singlehtml 빌더에 빠지는 마디 처리기를 채우는 확장 (tools/singlehtml_handlers.py)
    extensions["singlehtml_handlers"] = os.path.relpath(Path(__file__).resolve().parent, target.parent)
    config["sphinx"]["local_extensions"] = extensions
    sphinx_config = config["sphinx"].setdefault("config", {})
    # 상대 경로는 _static 기준: 빌드 뒤에 MathJax를 _static/mathjax/로 복사합니다
    sphinx_config["mathjax_path"] = "mathjax/tex-mml-chtml.js"
    sphinx_config["html_static_path"] = [*sphinx_config.get("html_static_path", []), "book/_static"]
    sphinx_config["html_css_files"] = [*sphinx_config.get("html_css_files", []), PRINT_CSS]
    sphinx_config["html_js_files"] = [*sphinx_config.get("html_js_files", []), PRINT_JS]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "# make pdf가 _config.yml에서 만든 사본입니다 (tools/make_pdf.py). 고치지 마세요.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return target


def build_singlehtml(jupyter_book: str) -> Path:
    config = write_pdf_config()
    log = PDF_DIR / "singlehtml.log"
    command = [jupyter_book, "build", ".", "--builder", "singlehtml", "--config", str(config.relative_to(ROOT))]
    print("[pdf] 한 페이지짜리 HTML을 만듭니다:", " ".join(command), flush=True)
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        print(log.read_text(encoding="utf-8")[-4000:])
        sys.exit(f"한 페이지짜리 HTML을 만들지 못했습니다 (전체 기록: {log})")
    return prepare_singlehtml()


def prepare_singlehtml() -> Path:
    """만든 한 페이지짜리 HTML을 인쇄할 수 있게 다듬습니다: 맨 위 index.html, 로컬 MathJax."""
    # singlehtml은 책 전체를 첫 문서(_toc.yml의 root, 예: book/intro.html)에 쓰지만, 그 안의 _static과
    # _images 경로는 맨 위 폴더 기준입니다. 그래서 그 파일을 맨 위의 index.html(원래는 넘겨주기만 하는 쪽)로 옮깁니다
    root = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]
    page = SINGLEHTML / f"{root}.html"
    if not page.is_file():
        sys.exit(f"빌드는 끝났지만 {page}가 없습니다 (기록: {PDF_DIR / 'singlehtml.log'})")
    index = SINGLEHTML / "index.html"
    shutil.copyfile(page, index)
    shutil.copytree(mathjax_dir(), SINGLEHTML / "_static" / "mathjax", dirs_exist_ok=True)
    return index


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_to_pdf(chromium: str, folder: Path, pdf: Path) -> None:
    if not Path(chromium).exists() and not shutil.which(chromium):
        sys.exit(f"chromium이 없습니다 ({chromium}): make pdf가 Debian 패키지 chromium을 설치합니다")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.unlink(missing_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="dlko-chromium-") as profile:
            command = [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}",
                f"--print-to-pdf={pdf}",
                url,
            ]
            print("[pdf] chromium으로 인쇄합니다:", url, flush=True)
            try:
                result = subprocess.run(command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                sys.exit(f"chromium이 {CHROMIUM_TIMEOUT_S}초 안에 인쇄를 끝내지 못했습니다")
    finally:
        server.shutdown()
    if result.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        print(result.stderr[-3000:])
        sys.exit(f"chromium이 PDF를 만들지 못했습니다 (종료 코드 {result.returncode})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jupyter-book", default=str(Path(sys.executable).parent / "jupyter-book"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--skip-build", action="store_true", help="이미 만든 _build/singlehtml을 그대로 인쇄")
    args = parser.parse_args(argv)
    started = time.monotonic()
    if not args.skip_build:
        build_singlehtml(args.jupyter_book)
    else:
        prepare_singlehtml()
    print_to_pdf(args.chromium, SINGLEHTML, PDF)
    size_mb = PDF.stat().st_size / 1e6
    print(f"[pdf] {PDF.relative_to(ROOT)} ({size_mb:.1f} MB, {time.monotonic() - started:.0f}초)")


if __name__ == "__main__":
    main()
