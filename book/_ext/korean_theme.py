"""사이트 문구를 자연스러운 한국어로 바꾸고, 테마 조합의 작은 결함을 고치는 Sphinx 확장.

sphinx-book-theme에 딸린 한국어 번역은 'Launch'를 '시작하다'로 옮기는 등 어색한 곳이 있고,
Sphinx와 pydata-sphinx-theme의 몇몇 문구는 번역이 없습니다.
``locales/ko/LC_MESSAGES/``의 ``.po`` 파일에 적은 문구를 먼저 쓰고, 나머지는 원래 번역에 맡깁니다.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import locale

CATALOGS = ("booktheme", "sphinx")
HERE = Path(__file__).parent


def _compile(catalog: str, outdir: Path) -> None:
    po_path = HERE / "locales" / "ko" / "LC_MESSAGES" / f"{catalog}.po"
    mo_path = outdir / "ko" / "LC_MESSAGES" / f"{catalog}.mo"
    mo_path.parent.mkdir(parents=True, exist_ok=True)
    with open(po_path, "rb") as stream:
        messages = read_po(stream, locale="ko")
    with open(mo_path, "wb") as stream:
        write_mo(stream, messages)


def _install(app) -> None:
    if app.config.language != "ko":
        return
    localedir = Path(app.doctreedir).parent / "korean_locales"
    for catalog in CATALOGS:
        _compile(catalog, localedir)
        ours = gettext.translation(catalog, localedir=str(localedir), languages=["ko"])
        key = ("general", catalog)
        theirs = locale.translators.get(key)
        if isinstance(theirs, gettext.GNUTranslations):
            # 템플릿 환경이 이미 이 번역 객체를 들고 있으므로 객체를 바꾸지 않고 문구만 덮어씁니다
            theirs._catalog.update({k: v for k, v in ours._catalog.items() if k})
        else:
            locale.translators[key] = ours


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree) -> None:
    """같은 인라인 스크립트가 두 번 들어가 브라우저가 오류를 내는 일을 막습니다.

    jupyter-book 1과 sphinx-thebe 0.3을 함께 쓰면 ``const THEBE_JS_URL = ...`` 스크립트가
    한 페이지에 두 번 실려, 두 번째가 'already been declared' 오류를 냅니다.
    """
    seen = set()
    unique = []
    for script in context.get("script_files", []):
        # 같은 본문이 파일 이름 None과 ''로 한 번씩 등록되므로 이름의 빈 값은 같게 봅니다
        filename = getattr(script, "filename", script) or ""
        key = (str(filename), repr(sorted(getattr(script, "attributes", {}).items())))
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    context["script_files"] = unique


def setup(app):
    app.connect("builder-inited", _install)
    app.connect("html-page-context", _drop_duplicate_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
