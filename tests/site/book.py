"""사이트 시험이 함께 쓰는 책의 사실: 설정, 목차 순서, 장 목록, Colab 주소."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC_TEXT = (ROOT / "_toc.yml").read_text(encoding="utf-8")
# 목차 순서의 문서 이름 (첫 페이지 포함), 그 가운데 장만
READING_ORDER = [re.search(r"^root: (\S+)", TOC_TEXT, re.MULTILINE).group(1)] + re.findall(
    r"file: (\S+)", TOC_TEXT
)
CHAPTERS = [name for name in READING_ORDER if name.startswith("chapters/")]


def colab_url(docname: str) -> str:
    """장의 Colab 버튼이 가리켜야 할 주소 (_config.yml의 저장소와 가지에서 만듦)."""
    repository = CONFIG["repository"]
    owner_repo = repository["url"].removeprefix("https://github.com/")
    colab = CONFIG["launch_buttons"]["colab_url"]
    return f"{colab}/github/{owner_repo}/blob/{repository['branch']}/{docname}.ipynb"
