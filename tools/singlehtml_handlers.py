"""make pdf의 한 페이지짜리 HTML 빌드에서만 쓰는 작은 Sphinx 확장.

Sphinx는 빌더 이름(singlehtml)으로 등록된 마디 처리기가 하나라도 있으면 형식(html)으로 등록된
처리기를 쓰지 않습니다. sphinx-exercise가 singlehtml 처리기를 등록하므로, myst-nb의 접힌 코드 셀
같은 html 처리기가 모두 빠져 빌드가 멈춥니다. 빠진 html 처리기를 singlehtml에도 채워 넣습니다.
"""

from __future__ import annotations


def fill_singlehtml_handlers(registry) -> int:
    """html 처리기 가운데 singlehtml에 없는 것을 채우고, 채운 수를 돌려줍니다."""
    html = registry.translation_handlers.get("html", {})
    single = registry.translation_handlers.setdefault("singlehtml", {})
    missing = {name: handlers for name, handlers in html.items() if name not in single}
    single.update(missing)
    return len(missing)


def _fill(app) -> None:
    fill_singlehtml_handlers(app.registry)


def setup(app):
    app.connect("builder-inited", _fill)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
