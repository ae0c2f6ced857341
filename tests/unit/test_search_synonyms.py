"""한국어 검색: 용어집에 적은 다른 이름으로도 그 용어를 쓰는 장을 찾아야 합니다."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))

import korean_search  # noqa: E402

GLOSSARY = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def language():
    search = korean_search.SearchKorean.__new__(korean_search.SearchKorean)
    search.init({})
    return search


def test_glossary_lists_the_everyday_names_learners_type():
    synonyms = korean_search.glossary_synonyms(GLOSSARY)
    assert "과적합" in synonyms["과대적합"] and "오버피팅" in synonyms["과대적합"]
    assert "컨볼루션" in synonyms["합성곱"]
    assert len(synonyms) >= 40


def test_other_names_are_not_terms_and_belong_to_one_term():
    # 다른 이름이 다른 용어의 이름이거나 두 용어에 함께 적히면 검색이 엉뚱한 장을 찾습니다
    synonyms = korean_search.glossary_synonyms(GLOSSARY)
    block = GLOSSARY.split("```{glossary}", 1)[1].split("```", 1)[0]
    terms = {line.strip() for line in block.splitlines() if line and not line.startswith(" ")}
    owners: dict[str, str] = {}
    for term, names in synonyms.items():
        for name in names:
            assert name not in terms, f"'{name}'은 용어집의 용어입니다"
            assert name not in owners, f"'{name}'이 '{owners.get(name)}'와 '{term}'에 함께 적혔습니다"
            owners[name] = term


def test_text_with_a_term_is_indexed_under_its_other_names(language):
    words = {language.stem(word) for word in language.split("과대적합을 막으려면 합성곱 신경망에 드롭아웃을 씁니다") if language.word_filter(word)}
    assert {"과적합", "오버피팅", "컨볼루션", "cnn", "드랍아웃"} <= words
    # 용어가 없는 글에는 다른 이름을 붙이지 않습니다
    assert not {"과적합", "컨볼루션"} & set(language.split("선형 회귀의 비용을 줄입니다"))


def test_bad_glossary_gives_a_korean_error():
    with pytest.raises(ValueError, match="용어집"):
        korean_search.glossary_synonyms("# 용어집\n")
    with pytest.raises(ValueError, match="다른 이름"):
        korean_search.glossary_synonyms("```{glossary}\n과대적합\n  overfitting. 뜻. 다른 이름: , .\n```\n")


def test_every_other_name_is_written_as_the_glossary_says():
    # 정의 끝의 '다른 이름: …'만 색인하므로, 그 꼴에서 벗어난 적힌 이름이 없어야 합니다
    for line in GLOSSARY.splitlines():
        if "다른 이름" in line:
            assert re.search(r"다른 이름: [^.]+\.$", line), line
