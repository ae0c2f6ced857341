"""장마다 페이지 끝에 토론 칸(GitHub 이슈나 Discussions에 모이는 댓글)을 붙이는 Sphinx 확장.

``_config.yml``의 ``sphinx.config.dlko_discussion`` 한 곳에서 정합니다. 비어 있으면 아무것도 붙이지 않습니다.

    dlko_discussion:
      service: utterances        # 또는 giscus
      repo: 소유자/저장소
      label: 토론                # utterances가 만드는 이슈에 붙일 레이블
      # giscus이면 repo_id, category, category_id도 (https://giscus.app 에서 받은 값)

페이지마다 ``pathname``으로 스레드를 하나씩 만들므로 장 하나에 토론 하나가 생깁니다.
sphinx-comments의 utterances 지원은 ``div.section``을 찾아 댓글을 붙이는데, 지금의 Sphinx는
절을 ``<section>``으로 쓰므로 댓글이 붙지 않습니다. 그래서 페이지 본문 끝에 직접 넣습니다.
"""

from __future__ import annotations

from html import escape

from sphinx.errors import ConfigError

SERVICES = {
    "utterances": ("repo",),
    "giscus": ("repo", "repo_id", "category", "category_id"),
}
# 토론 칸을 붙이는 페이지 (장만; 소개, 용어집 같은 페이지에는 붙이지 않음)
PAGE_PREFIX = "chapters/"


def _script(config: dict) -> str:
    service = config["service"]
    if service == "utterances":
        attributes = {
            "src": "https://utteranc.es/client.js",
            "repo": config["repo"],
            "issue-term": "pathname",
            "label": config.get("label", "토론"),
            "theme": "github-light",
            "crossorigin": "anonymous",
        }
    else:
        attributes = {
            "src": "https://giscus.app/client.js",
            "data-repo": config["repo"],
            "data-repo-id": config["repo_id"],
            "data-category": config["category"],
            "data-category-id": config["category_id"],
            "data-mapping": "pathname",
            "data-reactions-enabled": "1",
            "data-input-position": "top",
            "data-theme": "light",
            "data-lang": "ko",
            "crossorigin": "anonymous",
        }
    text = " ".join(f'{name}="{escape(str(value))}"' for name, value in attributes.items())
    return f"<script {text} async></script>"


def check_config(config: dict | None) -> dict:
    """설정을 검사해 돌려줍니다. 비어 있으면 빈 dict (토론 칸 없음)."""
    if not config:
        return {}
    if not isinstance(config, dict):
        raise ConfigError(f"dlko_discussion은 사전(dict)이어야 합니다: {config!r}")
    service = config.get("service")
    if service not in SERVICES:
        raise ConfigError(f"dlko_discussion.service는 {', '.join(SERVICES)} 가운데 하나여야 합니다: {service!r}")
    missing = [key for key in SERVICES[service] if not config.get(key)]
    if missing:
        raise ConfigError(f"dlko_discussion({service})에 {', '.join(missing)}이(가) 없습니다")
    if config["repo"].count("/") != 1:
        raise ConfigError(f"dlko_discussion.repo는 '소유자/저장소' 꼴이어야 합니다: {config['repo']!r}")
    return config


def discussion_html(config: dict | None) -> str:
    """페이지 본문 끝에 붙일 토론 칸의 HTML. 설정이 없으면 빈 문자열."""
    config = check_config(config)
    if not config:
        return ""
    return (
        '\n<section id="discussion" class="dlko-discussion">\n'
        '<h2>토론<a class="headerlink" href="#discussion" title="이 제목으로 가는 링크">#</a></h2>\n'
        "<p>이 장을 읽다가 생긴 질문이나 의견을 남겨 주세요. "
        "GitHub 계정으로 쓴 글은 저장소에 이 장의 스레드로 모여, 다음 모임에서 함께 볼 수 있습니다.</p>\n"
        f"{_script(config)}\n"
        "</section>\n"
    )


def _add_discussion(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or not pagename.startswith(PAGE_PREFIX) or "body" not in context:
        return
    context["body"] += discussion_html(app.config.dlko_discussion)


def _check(app, config) -> None:
    check_config(config.dlko_discussion)


def setup(app):
    app.add_config_value("dlko_discussion", {}, "html")
    app.connect("config-inited", _check)
    app.connect("html-page-context", _add_discussion)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
