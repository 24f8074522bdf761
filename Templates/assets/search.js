// Substring search over window.BroadsheetSearchIndex (loaded by the classic script search-index.js).
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  function normalize(text) {
    var fold = (window.BroadsheetSearchIndex || {}).fold || {};
    var out = "";
    var s = text.normalize("NFKC").toLowerCase();
    for (var ch of s) out += fold[ch] || ch;
    return out;
  }
  function count(hay, needle) { return hay.split(needle).length - 1; }
  function search(query) {
    var index = window.BroadsheetSearchIndex;
    if (!index) return [];
    var terms = normalize(query).split(/[ \u3000]+/).filter(Boolean);
    if (!terms.length) return [];
    var results = [];
    index.docs.forEach(function (doc) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var h = count(doc.head, terms[i]), b = count(doc.body, terms[i]);
        if (h + b === 0) return;
        score += h * 10 + b;
      }
      results.push({ url: doc.url, title: doc.title, date: doc.date, score: score });
    });
    results.sort(function (a, b) {
      if (a.score !== b.score) return b.score - a.score;
      if ((a.date || "") !== (b.date || "")) return (b.date || "") < (a.date || "") ? -1 : 1;
      return a.url < b.url ? -1 : 1;
    });
    return results;
  }
  function show(query) {
    var list = document.querySelector("[data-search-results]");
    if (!list) return;
    list.textContent = "";
    search(query).slice(0, 20).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + r.url;
      a.textContent = r.title;
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  var input = document.getElementById("search-input");
  if (!input) return;
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; show(q); }
  input.addEventListener("input", function () { show(input.value); });
})();
