"""장 끝의 토론 칸(book/_ext/discussion.py): 설정했을 때만, 장 페이지에만 붙는지 작은 Sphinx 빌드로 봅니다."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from sphinx.application import Sphinx
from sphinx.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import discussion  # noqa: E402

BOOK_CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]


def _build(tmp_path: Path, setting: dict | None) -> dict[str, str]:
    source = tmp_path / "src"
    (source / "chapters").mkdir(parents=True)
    (source / "index.rst").write_text("첫 페이지\n=========\n\n.. toctree::\n\n   chapters/one\n", encoding="utf-8")
    (source / "chapters" / "one.rst").write_text("한 장\n=====\n\n본문입니다.\n", encoding="utf-8")
    overrides = {"extensions": ["discussion"], "language": "ko"}
    if setting is not None:
        overrides["dlko_discussion"] = setting
    (source / "conf.py").write_text("", encoding="utf-8")
    app = Sphinx(source, source, tmp_path / "out", tmp_path / "doctrees", "html", confoverrides=overrides,
                 status=None, warning=None, freshenv=True)
    app.build()
    return {name: (tmp_path / "out" / f"{name}.html").read_text(encoding="utf-8") for name in ("index", "chapters/one")}


def test_book_config_turns_discussion_on_for_its_own_repository():
    setting = discussion.check_config(BOOK_CONFIG.get("dlko_discussion"))
    assert setting["service"] == "utterances"
    url = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]
    assert url.endswith("/" + setting["repo"]), "토론 칸의 저장소가 책의 저장소와 다릅니다"


def test_configured_discussion_appears_on_chapter_pages_only(tmp_path):
    pages = _build(tmp_path, BOOK_CONFIG["dlko_discussion"])
    chapter = pages["chapters/one"]
    assert chapter.count('id="discussion"') == 1
    assert 'src="https://utteranc.es/client.js"' in chapter and 'repo="dlko-study/dlko"' in chapter
    assert 'issue-term="pathname"' in chapter
    assert "utteranc.es" not in pages["index"]


def test_without_configuration_nothing_is_rendered(tmp_path):
    pages = _build(tmp_path, None)
    assert all('id="discussion"' not in page and "utteranc.es" not in page for page in pages.values())


def test_giscus_needs_its_ids_and_renders_korean():
    html = discussion.discussion_html(
        {"service": "giscus", "repo": "a/b", "repo_id": "R1", "category": "토론", "category_id": "C1"}
    )
    assert 'src="https://giscus.app/client.js"' in html and 'data-lang="ko"' in html
    with pytest.raises(ConfigError, match="repo_id"):
        discussion.check_config({"service": "giscus", "repo": "a/b"})


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"service": "disqus", "repo": "a/b"}, "service"),
        ({"service": "utterances"}, "repo"),
        ({"service": "utterances", "repo": "https://github.com/a/b"}, "소유자/저장소"),
        ("utterances", "사전"),
    ],
)
def test_bad_configuration_fails_in_korean(bad, message):
    with pytest.raises(ConfigError, match=message):
        discussion.check_config(bad)
