"""스터디 모임 페이지: 두 시즌의 주별 계획이 모든 장을 덮고 주마다 읽기·발표·숙제·퀴즈가 있는지,
캡스톤과 논문 읽기 페이지, 자주 나오는 질문마다 답하는 곳이 있는지."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

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


def _section(text: str, heading: str) -> str:
    """'## heading'으로 시작하는 절의 본문 (다음 '## ' 절 앞까지)"""
    match = re.search(rf"^## {re.escape(heading)}.*?(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)
    assert match, f"'## {heading}' 절이 없습니다"
    return match.group(0)


def _table_rows(section: str) -> list[str]:
    """절의 첫 list-table에서 머리 줄을 뺀 행들"""
    assert "```{list-table}" in section, "절에 list-table이 없습니다"
    table = section.split("```{list-table}", 1)[1].split("```", 1)[0]
    return re.split(r"^\* - ", table, flags=re.MULTILINE)[2:]


def _row_cells(row: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"^  - ", row, flags=re.MULTILINE)]


def _weeks(section: str) -> dict[int, str]:
    """'### N주: ...' 소절마다의 본문"""
    parts = re.split(r"^### (\d+)주[:：]", section, flags=re.MULTILINE)
    return {int(number): body for number, body in zip(parts[1::2], parts[2::2])}


def _chapters_in(text: str) -> list[str]:
    return re.findall(r"\{doc\}`\.\./chapters/([0-9a-z_]+)`", text)


SEASON_ONE = _section(GUIDE, "시즌 1") if "## 시즌 1" in GUIDE else ""
SEASON_TWO = _section(GUIDE, "시즌 2") if "## 시즌 2" in GUIDE else ""
WEEK_PARTS = ("미리 읽기", "발표자", "숙제", "퀴즈")
MILESTONES = ("제안 발표", "중간 점검", "최종 발표")


def test_guide_plans_two_seasons():
    assert SEASON_ONE and SEASON_TWO, "주별 계획은 '## 시즌 1'과 '## 시즌 2' 두 절로 나뉘어야 합니다"
    one, two = _table_rows(SEASON_ONE), _table_rows(SEASON_TWO)
    assert 10 <= len(one) <= 14, f"시즌 1은 12주 안팎이어야 합니다: {len(one)}주"
    assert 6 <= len(two) <= 10, f"시즌 2는 8주 안팎이어야 합니다: {len(two)}주"
    for rows in (one, two):
        assert [int(_row_cells(row)[0]) for row in rows] == list(range(1, len(rows) + 1))


def test_season_one_covers_chapters_1_to_17_and_season_two_18_to_20():
    one = {doc[:2] for doc in _chapters_in("".join(_table_rows(SEASON_ONE)))}
    two = {doc[:2] for doc in _chapters_in("".join(_table_rows(SEASON_TWO)))}
    assert one == {f"{number:02d}" for number in range(1, 18)}, sorted(one)
    assert two == {"18", "19", "20"}, sorted(two)
    planned = set(_chapters_in("".join(_table_rows(SEASON_ONE) + _table_rows(SEASON_TWO))))
    assert planned == set(CHAPTERS), f"계획에 없는 장: {sorted(set(CHAPTERS) - planned)}"


def test_season_two_holds_paper_weeks_and_capstone_milestones_and_ends_with_talks():
    rows = [" ".join(_row_cells(row)[1:]) for row in _table_rows(SEASON_TWO)]
    positions = []
    for milestone in MILESTONES:
        found = [index for index, row in enumerate(rows) if milestone in row]
        assert found, f"시즌 2에 캡스톤의 '{milestone}'이 없습니다"
        positions.append(found[0])
    assert positions == sorted(positions), "캡스톤 이정표는 제안 발표, 중간 점검, 최종 발표 순서여야 합니다"
    assert "최종 발표" in rows[-1], "시즌 2는 캡스톤 최종 발표로 끝나야 합니다"
    assert sum("논문 읽기" in row for row in rows) >= 2, "시즌 2에는 논문 읽기 주가 있어야 합니다"
    assert "{ref}`capstone`" in SEASON_TWO and "{ref}`reading-papers`" in SEASON_TWO


def test_weekly_plan_time_comes_from_each_chapter():
    for row in _table_rows(SEASON_ONE) + _table_rows(SEASON_TWO):
        for doc in _chapters_in(row):
            glued = f"{{glue:text}}`../chapters/{doc}.md::ch{doc[:2]}_seconds:.0f`초"
            assert glued in row, f"{doc}의 실행 시간을 glue로 가져와야 합니다: {glued}"


def test_every_week_has_reading_presenter_homework_and_quiz():
    for season in (SEASON_ONE, SEASON_TWO):
        rows = _table_rows(season)
        weeks = _weeks(season)
        assert sorted(weeks) == list(range(1, len(rows) + 1)), "표의 주마다 '### N주:' 소절이 하나씩 있어야 합니다"
        for number, row in enumerate(rows, start=1):
            parts = dict(re.findall(r"^- \*\*(.+?)\*\*: (.+)$", weeks[number], flags=re.MULTILINE))
            for part in WEEK_PARTS:
                assert len(parts.get(part, "")) > 10, f"{number}주에 '{part}'가 없습니다"
            for doc in _chapters_in(row):
                label = f"ch{doc[:2]}-"
                assert re.search(rf"\{{ref\}}`[^`]*{label}", parts["미리 읽기"]), f"{number}주: {doc}의 읽을 절을 링크해야 합니다"
                assert re.search(rf"\{{numref\}}`{label}", parts["발표자"]), f"{number}주: {doc}의 그림을 골라야 합니다"
                assert "장 끝의 확인 퀴즈" in parts["퀴즈"], f"{number}주: 장 끝의 확인 퀴즈를 가리켜야 합니다"
            if _chapters_in(row):
                assert re.search(r"\{ref\}`[^`]*<ch\d\d-ex-[a-z0-9-]+>`", parts["숙제"]), f"{number}주: 숙제는 장의 연습 문제여야 합니다"


def test_guide_names_the_rotating_roles_and_keeps_the_discussion_threads():
    for role in ("발표자", "기록자", "실행 담당"):
        assert f"**{role}**" in GUIDE, f"역할 '{role}'의 설명이 없습니다"
    assert "## 모임 사이의 질문은 장 끝 토론 칸에" in GUIDE


CAPSTONE = (ROOT / "book" / "capstone.md").read_text(encoding="utf-8")
READING = (ROOT / "book" / "reading_papers.md").read_text(encoding="utf-8")


def test_capstone_page_has_milestones_and_a_rubric():
    assert CAPSTONE.startswith("(capstone)=\n# ")
    for milestone in MILESTONES:
        assert f"### {milestone}" in CAPSTONE, f"캡스톤 페이지에 '{milestone}' 절이 없습니다"
    rubric = _section(CAPSTONE, "평가표")
    rows = [_row_cells(row) for row in re.split(r"^\* - ", rubric.split("```{list-table}", 1)[1].split("```", 1)[0], flags=re.MULTILINE)[1:]]
    header, criteria = rows[0], rows[1:]
    assert len(header) >= 4, "평가표에는 기준 열과 수준 열이 셋 이상 있어야 합니다"
    assert len(criteria) >= 5 and all(len(row) == len(header) and all(row) for row in criteria)
    for step in ("기준선", "오류 분석"):
        assert step in CAPSTONE
    assert "{cite:p}`ng2018cs230fullcycle`" in CAPSTONE


def test_reading_papers_page_cites_the_lecture_and_the_groups_papers():
    assert READING.startswith("(reading-papers)=\n# ")
    assert "ng2018cs230papers" in READING
    for key in ("hallym2018bitwidth", "lee2018captcha", "lim2018handwriting", "jung2018nsmc", "oh2019parallel"):
        assert f"{{cite:t}}`{key}`" in READING, f"첫 읽기 목록에 {key}가 없습니다"


def _targets() -> set[str]:
    targets = set()
    for path in list((ROOT / "chapters").glob("*.md")) + list((ROOT / "book").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        targets |= set(re.findall(r"^\(([A-Za-z0-9_-]+)\)=", text, flags=re.MULTILINE))
        targets |= set(re.findall(r"^\s+name: ([A-Za-z0-9_-]+)\s*$", text, flags=re.MULTILINE))
        targets |= set(re.findall(r"^:label: ([A-Za-z0-9_-]+)\s*$", text, flags=re.MULTILINE))
    return targets


def test_study_pages_link_only_to_existing_labels_and_references():
    targets = _targets()
    bib_keys = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(encoding="utf-8"), flags=re.MULTILINE))
    for name, text in (("study_guide", GUIDE), ("capstone", CAPSTONE), ("reading_papers", READING)):
        for role, target in re.findall(r"\{(ref|numref)\}`([^`]+)`", text):
            label = re.search(r"<([^>]+)>$", target).group(1) if target.endswith(">") else target
            assert label in targets, f"{name}: {{{role}}}`{target}`가 가리키는 레이블이 없습니다"
        for keys in re.findall(r"\{cite:[pt]\}`([^`]+)`", text):
            for key in keys.split(","):
                assert key.strip() in bib_keys, f"{name}: references.bib에 {key}가 없습니다"


def test_new_study_pages_are_in_the_study_group_part():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(part for part in toc["parts"] if part["caption"] == "스터디 모임")
    files = [entry["file"] for entry in part["chapters"]]
    for page in ("book/study_guide", "book/reading_papers", "book/capstone", "book/study_questions"):
        assert page in files, f"'스터디 모임'에 {page}가 없습니다"


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
