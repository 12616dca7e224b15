/* Strata search (classic script): queries the prebuilt lunr index in search-index.js.
   Results are built with DOM methods and textContent only, so indexed text can never inject markup. */
(function () {
  "use strict";
  var data = window.STRATA_SEARCH, form = document.querySelector(".search-form");
  if (!data || !window.lunr || !form) return;
  var index = lunr.Index.load(data.index);
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = document.querySelector('script[src*="search-index.js"]').getAttribute("src").replace(/search-index\.js.*$/, "");
  document.querySelector("[data-search-nojs]").hidden = true;

  function words(query) {
    return lunr.tokenizer(query).map(String).filter(function (w) { return w.length > 0; });
  }

  // Every word must match (as a stemmed prefix, so a half-typed last word works);
  // when no section has them all, fall back to sections with any of them.
  function find(query) {
    var stems = words(query).filter(function (w) { return lunr.stopWordFilter(w); }).map(function (w) {
      return lunr.stemmer(new lunr.Token(w)).toString();
    });
    if (!stems.length) return [];
    function run(presence) {
      return index.query(function (q) {
        stems.forEach(function (stem) {
          q.term(stem, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: presence });
        });
      });
    }
    var all = run(lunr.Query.presence.REQUIRED);
    return all.length ? all : run(lunr.Query.presence.OPTIONAL);
  }

  function snippet(text, terms) {
    var lower = text.toLowerCase(), at = -1;
    terms.forEach(function (t) { var i = lower.indexOf(t); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = Math.max(0, at - 60), end = Math.min(text.length, Math.max(at, 0) + 160);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function highlight(element, text, terms) {
    var pattern = new RegExp("(" + terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gi");
    text.split(pattern).forEach(function (part, i) {
      if (i % 2) { var mark = document.createElement("mark"); mark.textContent = part; element.appendChild(mark); }
      else if (part) element.appendChild(document.createTextNode(part));
    });
  }

  function show(query) {
    var results = find(query), terms = words(query);
    list.textContent = "";
    results.slice(0, 50).forEach(function (result) {
      var doc = data.docs[Number(result.ref)];
      var item = document.createElement("li"), link = document.createElement("a");
      var meta = document.createElement("p"), text = document.createElement("p");
      link.href = root + doc.url;
      link.className = "search-result__title";
      link.textContent = doc.title;
      meta.className = "search-result__meta";
      meta.textContent = doc.kind === doc.page ? doc.kind : doc.page + " · " + doc.kind;
      text.className = "search-result__snippet";
      highlight(text, snippet(doc.text, terms), terms);
      item.append(link, meta, text);
      list.appendChild(item);
    });
    list.hidden = results.length === 0;
    status.textContent = !terms.length ? "" : (results.length ? results.length + (results.length === 1 ? " result" : " results")
      : "No results") + " for “" + query + "”.";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// may refuse */ }
  });
  window.StrataSearch = { find: find };  // for the benchmark (benchmarks/bench.py)
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
})();
