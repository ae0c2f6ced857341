// make pdf에서만 붙는 스크립트: 접힌 코드 셀(details)을 모두 펼쳐서 인쇄합니다
function dlkoOpenAllDetails() {
  document.querySelectorAll("details").forEach((details) => {
    details.open = true;
  });
}
document.addEventListener("DOMContentLoaded", dlkoOpenAllDetails);
window.addEventListener("load", dlkoOpenAllDetails);
window.addEventListener("beforeprint", dlkoOpenAllDetails);
