"""사이트 문구를 자연스러운 한국어로 바꾸는 작은 Sphinx 확장.

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


def setup(app):
    app.connect("builder-inited", _install)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
