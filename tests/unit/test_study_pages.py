"""스터디 모임 페이지: 주별 계획이 모든 장을 덮는지, 자주 나오는 질문마다 답하는 곳이 있는지."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(path.stem for path in (ROOT / "chapters").glob("*.md"))
GUIDE = (ROOT / "book" / "study_guide.md").read_text(encoding="utf-8")
QUESTIONS = (ROOT / "book" / "study_questions.md").read_text(encoding="utf-8")

# 스터디에서 늘 나오는 질문: 질문 페이지에 이 낱말들이 모두 든 질문이 있어야 합니다
CLASSIC_QUESTIONS = [
    ("교차 엔트로피", "평균 제곱 오차"),
    ("풀링은 왜",),
    ("최대 풀링", "평균 풀링"),
    ("3×3", "5×5"),
    ("깊게", "넓게"),
    ("훈련", "검증", "테스트"),
    ("오차가 0",),
]


def _plan_rows() -> list[str]:
    table = GUIDE.split("```{list-table}", 1)[1].split("```", 1)[0]
    return re.split(r"^\* - ", table, flags=re.MULTILINE)[2:]  # 머리 줄 제외


def test_weekly_plan_has_about_twelve_weeks_and_every_chapter():
    rows = _plan_rows()
    assert 10 <= len(rows) <= 14, f"주별 계획은 12주 안팎이어야 합니다: {len(rows)}주"
    assert [int(row.split("\n", 1)[0]) for row in rows] == list(range(1, len(rows) + 1))
    planned = set(re.findall(r"\{doc\}`\.\./chapters/([0-9a-z_]+)`", GUIDE))
    assert planned == set(CHAPTERS), f"계획에 없는 장: {sorted(set(CHAPTERS) - planned)}"


def test_weekly_plan_time_comes_from_each_chapter():
    for row in _plan_rows():
        docs = re.findall(r"\{doc\}`\.\./chapters/([0-9a-z_]+)`", row)
        for doc in docs:
            number = doc[:2]
            assert f"../chapters/{doc}.md::ch{number}_seconds" in row, f"{doc}의 실행 시간을 glue로 가져와야 합니다"


def _questions() -> dict[str, str]:
    pairs = re.findall(r"^\*\*(.+?)\*\*\n: (.+)$", QUESTIONS, flags=re.MULTILINE)
    return dict(pairs)


def test_every_question_links_to_where_the_book_answers_it():
    questions = _questions()
    assert len(questions) >= 10
    for question, answer in questions.items():
        assert question.endswith("?"), question
        assert re.search(r"\{ref\}`[^`]+`", answer), f"'{question}'의 답에 책의 절로 가는 링크가 없습니다"


def test_classic_study_questions_are_answered():
    questions = _questions()
    for words in CLASSIC_QUESTIONS:
        assert any(all(word in question for word in words) for question in questions), f"질문이 없습니다: {words}"
    assert "준비 중" not in QUESTIONS
