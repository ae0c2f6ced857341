// 검색 결과의 점수. Sphinx 기본값에서 하나만 바꿉니다:
// 용어집 항목(색인 항목)은 정확히 맞으면 100점을 받아 늘 맨 위에 오는데,
// 그 개념을 다루는 장(제목에 그 낱말이 든 장, 15점)이 먼저 나오도록 용어집 항목을 10점으로 묶습니다.
var Scorer = {
  score: (result) => {
    const [docname, title, anchor, descr, score, filename] = result;
    if (anchor && anchor.startsWith("#term-")) return Math.min(score, 10);
    return score;
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
