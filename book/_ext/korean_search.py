"""형태소 단위로 색인하는 한국어 검색 (Sphinx 검색 언어 'ko').

Sphinx의 기본 검색은 한국어를 띄어쓰기로만 나눠, '회귀'로는 '회귀부터'나 '회귀는'이 들어 있는
문서를 찾지 못합니다. 여기서는 어절(띄어 쓴 덩어리)마다 다음을 함께 색인합니다.

- 어절 그대로 ('회귀부터')
- kiwipiepy가 찾은 내용 형태소 ('회귀', '합성곱', '신경망')
- 어절 앞쪽의 명사 덩어리를 이어 붙인 말 ('하강법의' → '하강법', '학습률을' → '학습률')

검색어는 브라우저에서 띄어쓰기로만 나누므로, 사람이 치는 낱말(대개 조사 없는 명사)이
색인의 형태소와 그대로 맞습니다.

용어집(book/glossary.md)의 항목이 "다른 이름: 과적합, 오버피팅."처럼 흔히 쓰이는 다른 이름을
적어 두면, 그 용어가 나오는 문서에 다른 이름도 함께 색인합니다. 그래서 '과적합'이나
'컨볼루션'으로 찾아도 '과대적합', '합성곱'을 쓰는 장이 나옵니다.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.search import SearchLanguage

# 뜻을 가진 형태소: 명사, 고유명사, 의존명사, 수사, 어근, 외국어, 한자, 숫자, 동사·형용사 어간
CONTENT_TAGS = {"NNG", "NNP", "NNB", "NR", "XR", "SL", "SH", "SN", "VV", "VA"}
# 명사 덩어리를 이루는 형태소 (접두사·명사 파생 접미사 포함)
NOUN_TAGS = {"NNG", "NNP", "NNB", "NR", "NP", "XR", "SL", "SH", "SN", "XPN", "XSN"}
WORD = re.compile(r"\w+", re.UNICODE)
GLOSSARY = Path(__file__).resolve().parents[1] / "glossary.md"
OTHER_NAMES = re.compile(r"다른 이름: ([^.]+)\.\s*$")


def glossary_synonyms(text: str) -> dict[str, list[str]]:
    """용어집의 ```{glossary} 블록에서 '용어 → 다른 이름들'을 읽습니다."""
    if "```{glossary}" not in text:
        raise ValueError("용어집에 ```{glossary} 블록이 없습니다")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    synonyms: dict[str, list[str]] = {}
    term = None
    for line in block.splitlines():
        if line and not line.startswith(" "):
            term = line.strip()
        elif term and (match := OTHER_NAMES.search(line)):
            names = [name.strip() for name in match.group(1).split(",") if name.strip()]
            if not names:
                raise ValueError(f"용어집의 '{term}': '다른 이름:' 뒤에 이름이 없습니다")
            synonyms[term] = names
    return synonyms


class SearchKorean(SearchLanguage):
    lang = "ko"
    language_name = "Korean"
    stopwords = set()

    def init(self, options) -> None:
        from kiwipiepy import Kiwi

        self.kiwi = Kiwi()
        self.synonyms = glossary_synonyms(GLOSSARY.read_text(encoding="utf-8"))

    def split(self, input: str) -> list[str]:
        words: list[str] = []
        tokens = self.kiwi.tokenize(input)
        for match in WORD.finditer(input):
            eojeol = match.group()
            words.append(eojeol)
            inside = [t for t in tokens if match.start() <= t.start < match.end()]
            words += [t.form for t in inside if t.tag in CONTENT_TAGS and " " not in t.form]
            head = []
            for token in inside:
                if token.tag not in NOUN_TAGS:
                    break
                head.append(token.form)
            if len(head) > 1:
                words.append("".join(head))
        # '합성곱 신경망'처럼 띄어쓰기를 품은 고유명사는 낱말마다 색인합니다
        for token in tokens:
            if token.tag in CONTENT_TAGS and " " in token.form:
                words += token.form.split()
        # 용어가 나오는 글에는 그 용어의 다른 이름도 색인합니다 ('컨볼루션 신경망'은 낱말마다)
        for term, names in self.synonyms.items():
            if term in input:
                words += [part for name in names for part in name.split()]
        return words

    def word_filter(self, word: str) -> bool:
        return len(word) >= 2

    def stem(self, word: str) -> str:
        return word.lower()


def setup(app):
    app.add_search_language(SearchKorean)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
