// 검색 결과의 점수. Sphinx 기본값에서 두 가지를 바꿉니다.
// 1. 장 제목에 검색어의 낱말이 모두 들어 있으면 그 장을 앞으로 올립니다.
//    Sphinx는 절 제목도 모두 '제목'으로 치므로, '소프트맥스 회귀'라는 절이 있는 장과
//    '선형 회귀'라는 장이 같은 점수를 받습니다. 그 개념을 다루는 장이 먼저 나오게 합니다.
// 2. 용어집 항목(색인 항목)은 정확히 맞으면 100점을 받아 늘 맨 위에 오므로 10점으로 묶습니다.
var Scorer = {
  score: (result) => {
    const [docname, title, anchor, descr, score, filename] = result;
    if (anchor && anchor.startsWith("#term-")) return Math.min(score, 10);
    const query = new URLSearchParams(window.location.search).get("q") || "";
    const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
    const pageTitle = String(title).split(" > ")[0].replace(/<[^>]*>/g, "").toLowerCase();
    if (words.length > 0 && words.every((word) => pageTitle.includes(word))) return score + 20;
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
