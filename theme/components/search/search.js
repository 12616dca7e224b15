/* Strata search (classic script; component "search", started on the element with data-module="search"). Queries the sharded index under search/ (plugins/strata/search/): the
   index, dictionary, postings and document shards are classic scripts loaded on demand (which works from
   file://, unlike fetch), each handing a JSON string to window.strataSearchShard. Results are built with
   DOM methods and textContent only, so indexed text can never inject markup. */
(function () {
  "use strict";

  /* ---- Text: a line-by-line port of plugins/strata/search/text.py (tests compare them) */
  var own = function (table, key) { return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : []; };
  // The page's language picks the stemmer and stop words, as the index was built (search/text.py): its
  // language file's (search-en.js, search-es.js), none for a language without one.
  var LANGUAGE = (document.documentElement.lang || "en").split("-")[0].toLowerCase();
  var analyzer = (window.StrataSearchLanguages || {})[LANGUAGE] || { stem: function (w) { return w; }, stopWords: {} };
  // Letters Unicode does not decompose, spelt out (text.py LETTERS): "Straße" is "strasse", "Łódź" "lodz".
  var LETTERS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ħ": "h",
    "ı": "i", "ŧ": "t", "ŋ": "n", "ĸ": "q", "ƒ": "f", "ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "ə": "e", "ǝ": "e",
    "ɛ": "e", "ɔ": "o", "ς": "σ" };
  var LETTER = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");
  function fold(text) {
    return text.toLowerCase().replace(/['’]/g, "").normalize("NFKD")
      .replace(/[\u3041-\u30ff][\u3099\u309a]/g, function (pair) { return pair.normalize("NFC"); })
      .replace(/\p{M}/gu, "").replace(LETTER, function (letter) { return LETTERS[letter]; });
  }
  // Scripts written without spaces (Thai, Hiragana, Katakana, Han): a run of their letters is one "word",
  // searched for by its overlapping character pairs (text.py UNSPACED, bigrams).
  var UNSPACED = "\\u0e01-\\u0e30\\u0e32\\u0e33\\u0e40-\\u0e46\\u3005-\\u3007\\u3041-\\u3096\\u309d-\\u309f" +
    "\\u30a1-\\u30fa\\u30fc-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
  var WORD_OR_RUN = new RegExp("[" + UNSPACED + "]+|(?:(?![" + UNSPACED + "])[\\p{L}\\p{N}])+", "gu");
  var UNSPACED_START = new RegExp("^[" + UNSPACED + "]", "u");
  function words(text) { return fold(text).match(WORD_OR_RUN) || []; }
  function isUnspaced(word) { return UNSPACED_START.test(word); }
  function bigrams(run) {
    var characters = Array.from(run), pairs = [];
    for (var i = 0; i + 1 < characters.length; i++) pairs.push(characters[i] + characters[i + 1]);
    return pairs.length ? pairs : [run];
  }
  function shardKey(term) { return isUnspaced(term) ? Array.from(term)[0] : term.slice(0, 2); }

  /* ---- Shards: scripts under search/, each calling strataSearchShard(name, json) once ---------------- */
  var indexScript = document.querySelector("script[data-search-index]");
  var shards = {};
  window.strataSearchShard = function (name, json) {
    if (shards[name] && shards[name].resolve) shards[name].resolve(JSON.parse(json));
  };
  function expect(name, script) {
    var entry = shards[name] = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = function (data) { entry.resolve = null; resolve(data); };
      script.addEventListener("error", function () { reject(new Error("search data " + name + " missing")); });
    });
    return entry.promise;
  }
  function load(name) {
    if (shards[name]) return shards[name].promise;
    var script = document.createElement("script"), src = indexScript.src, at = src.lastIndexOf("index.js");
    script.src = src.slice(0, at) + name + ".js" + src.slice(at + "index.js".length);
    var promise = expect(name, script);
    document.head.appendChild(script);
    return promise.then(function (data) { script.remove(); return data; });
  }
  var manifest = indexScript ? expect("index", indexScript).then(function (m) {
    var keys = {}, endings = {};
    m.d.forEach(function (key, i) { keys[key] = "d" + i; });
    m.s.forEach(function (key, i) { endings[key] = "s" + i; });
    return { count: m.n, chunk: m.k, keys: keys, endings: endings };
  }) : null;

  /* ---- Query: every word (exact stem, else stemmed prefix, else one typo), ranked by weight × idf ----- */
  /* A run of unspaced script is its character pairs, each matched exactly (a lone character: every term it
     starts, which is everywhere it occurs, since the index has each run's last character too). */
  var dictionaries = {};
  function dictionary(index, key) {
    var name = own(index.keys, key);
    if (!name.length) return Promise.resolve({ terms: [], entries: {} });
    if (!dictionaries[name]) {
      dictionaries[name] = load(name).then(function (flat) {
        var entries = Object.create(null), terms = [];
        for (var i = 0; i < flat.length; i += 3) {
          terms.push(flat[i]);
          entries[flat[i]] = { term: flat[i], df: flat[i + 1], postings: flat[i + 2] };
        }
        return { terms: terms, entries: entries };
      });
    }
    return dictionaries[name];
  }
  var ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", VALUE = new Uint8Array(128);
  for (var a = 0; a < ALPHABET.length; a++) VALUE[ALPHABET.charCodeAt(a)] = a;
  function postings(entry) {
    if (!entry.decoded) {
      var source = typeof entry.postings === "number" ? load("p" + entry.postings) : Promise.resolve(entry.postings);
      entry.decoded = source.then(function (text) {
        var ids = [], weights = [], doc = -1, value = 0;
        for (var i = 0; i < text.length; i++) {
          var digit = VALUE[text.charCodeAt(i)];
          value = value * 32 + (digit & 31);
          if (digit < 32) { doc += value; ids.push(doc); weights.push(VALUE[text.charCodeAt(++i)]); value = 0; }
        }
        return { ids: ids, weights: weights };
      });
    }
    return entry.decoded;
  }
  function oneEditApart(a, b) {  // substitution, insertion, deletion or swap of two neighbours
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a.charAt(i) === b.charAt(i)) i++;
    var restA = a.slice(i + 1), restB = b.slice(i + 1);
    return restA === restB || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) ||
      (a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2));
  }
  function edits(word) {  // every word one deletion, swap, insertion or substitution (a–z) away
    var out = [], letters = "abcdefghijklmnopqrstuvwxyz";
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i), tail = word.slice(i);
      if (tail) out.push(head + tail.slice(1));
      if (tail.length > 1) out.push(head + tail.charAt(1) + tail.charAt(0) + tail.slice(2));
      for (var c = 0; c < letters.length; c++) {
        out.push(head + letters.charAt(c) + tail);
        if (tail) out.push(head + letters.charAt(c) + tail.slice(1));
      }
    }
    return out;
  }
  var MAX_EXPANSIONS = 12;
  function best(entries, factor) {
    return entries.sort(function (x, y) { return y.df - x.df; }).slice(0, MAX_EXPANSIONS)
      .map(function (entry) { return { entry: entry, factor: factor }; });
  }
  // The terms one query word stands for: [{entry, factor}], factor 1 exact, 0.7 a prefix, 0.5 a typo.
  function matches(index, q) {
    return dictionary(index, shardKey(q.stem)).then(function (dict) {
      if (q.run) {
        var lone = Array.from(q.stem).length === 1;
        return dict.terms.filter(function (t) { return lone ? t.startsWith(q.stem) : t === q.stem; })
          .map(function (t) { return { entry: dict.entries[t], factor: 1 }; });
      }
      var exact = [q.stem, q.word].filter(function (t) { return dict.entries[t]; });
      if (exact.length) return exact.map(function (t) { return { entry: dict.entries[t], factor: 1 }; });
      var prefixed = q.stem.length < 2 ? [] : dict.terms.filter(function (t) {
        return t.startsWith(q.stem) || t.startsWith(q.word);
      });
      if (prefixed.length) return best(prefixed.map(function (t) { return dict.entries[t]; }), 0.7);
      if (q.word.length < 5) return [];
      var ending = own(index.endings, q.stem.slice(-2));
      return Promise.resolve(ending.length ? load(ending) : []).then(function (endingTerms) {
        var stemmedEdits = {};  // a typo near the end changes the stem: "hypertensoin" is not "hypertens"
        edits(q.word).forEach(function (w) { stemmedEdits[analyzer.stem(w)] = true; });
        var near = dict.terms.filter(function (t) { return stemmedEdits[t] || oneEditApart(t, q.stem); })
          .concat(endingTerms.filter(function (t) { return oneEditApart(t, q.stem) || oneEditApart(t, q.word); }));
        return Promise.all(near.map(function (t) {
          return dictionary(index, t.slice(0, 2)).then(function (d) { return d.entries[t]; });
        }));
      }).then(function (entries) { return best(entries.filter(Boolean), 0.5); });
    });
  }
  // The query's terms [{word, stem, group: the query word it comes from, run: of unspaced script}].
  function parse(query) {
    var seen = {}, qs = [];
    words(query).forEach(function (w, group) {
      if (isUnspaced(w)) {
        bigrams(w).forEach(function (pair) { qs.push({ word: pair, stem: pair, group: group, run: true }); });
      } else if (!analyzer.stopWords[w]) {
        qs.push({ word: w, stem: analyzer.stem(w), group: group });
      }
    });
    return qs.filter(function (q) { return seen[q.stem] ? false : (seen[q.stem] = true); });
  }
  // Resolves to {ids: document ids best first, terms: {matched term: true}, words: query words}.
  function find(query) {
    var qs = parse(query);
    if (!qs.length || !manifest) return Promise.resolve({ ids: [], terms: {}, words: [] });
    return manifest.then(function (index) {
      return Promise.all(qs.map(function (q) { return matches(index, q); })).then(function (perWord) {
        var terms = {};
        return Promise.all(perWord.map(function (found) {
          return Promise.all(found.map(function (m) {
            terms[m.entry.term] = true;
            return postings(m.entry).then(function (p) {
              var idf = Math.log(1 + (index.count - m.entry.df + 0.5) / (m.entry.df + 0.5));
              return { p: p, scale: idf * m.factor };
            });
          })).then(function (lists) {  // a word's best score in each document (scores are all above 0)
            var scores = new Float64Array(index.count), ids = [];
            lists.forEach(function (list) {
              for (var i = 0; i < list.p.ids.length; i++) {
                var id = list.p.ids[i], score = list.p.weights[i] * list.scale;
                if (scores[id] === 0) ids.push(id);
                if (score > scores[id]) scores[id] = score;
              }
            });
            return { scores: scores, ids: ids };
          });
        })).then(function (perWord) {
          return { ids: rank(perWord, qs, index.count), terms: terms, words: qs.map(function (q) { return q.word; }) };
        });
      });
    });
  }
  // Documents with every term; if there are none, with any query word, a run of unspaced script counting
  // only where a document has most of its character pairs (not one common pair of a long query).
  function rank(perWord, qs, count) {
    var total = new Float64Array(count), hits = new Uint16Array(count), found = [], groups = {};
    perWord.forEach(function (word, i) {
      var group = groups[qs[i].group] || (groups[qs[i].group] = { size: 0, hits: new Uint16Array(count) });
      group.size += 1;
      word.ids.forEach(function (id) {
        if (hits[id] === 0) found.push(id);
        total[id] += word.scores[id];
        hits[id] += 1;
        group.hits[id] += 1;
      });
    });
    var all = [], any = [], partial = Object.keys(groups).map(function (g) { return groups[g]; });
    found.forEach(function (id) {
      if (hits[id] === perWord.length) all.push(id);
      else if (partial.some(function (group) { return group.hits[id] * 2 > group.size; })) any.push(id);
    });
    var ids = all.length ? all : any;
    return ids.sort(function (x, y) { return total[y] - total[x] || x - y; });
  }
  function documents(index, ids) {
    return Promise.all(ids.map(function (id) {
      return load("c" + Math.floor(id / index.chunk)).then(function (chunk) {
        var d = chunk[id % index.chunk];
        return { url: d[0], title: d[1], page: d[2], kind: d[3], text: d[4] };
      });
    }));
  }

  /* ---- Snippets: the text around the first matching word, every matching word marked ------------ */
  /* A character of unspaced script is marked where it and a neighbour form a pair of the query (or it is a
     one-character query); marks that touch are one. */
  function isHit(token, found) {
    return words(token).some(function (w) {
      return found.terms[analyzer.stem(w)] || found.words.some(function (q) { return q.length > 1 && w.startsWith(q); });
    });
  }
  var TOKEN = new RegExp("[" + UNSPACED + "]\\p{M}*|(?:(?![" + UNSPACED + "])[\\p{L}\\p{N}\\p{M}'’])+", "gu");
  function isCharacterHit(tokens, i, found) {
    var own = fold(tokens[i].text), pairs = [own];
    [[tokens[i - 1], tokens[i]], [tokens[i], tokens[i + 1]]].forEach(function (two) {
      if (two[0] && two[1] && two[0].run && two[1].run && two[0].end === two[1].start) {
        pairs.push(fold(two[0].text) + fold(two[1].text));
      }
    });
    return pairs.some(function (pair) { return found.words.indexOf(pair) >= 0; });
  }
  function snippet(element, text, found) {
    var match, tokens = [], pieces = [], first = -1;
    while ((match = TOKEN.exec(text))) {
      tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length,
                    run: isUnspaced(match[0]) });
    }
    tokens.forEach(function (token, i) {
      if (!(token.run ? isCharacterHit(tokens, i, found) : isHit(token.text, found))) return;
      var last = pieces[pieces.length - 1];
      if (last && last[1] === token.start) last[1] = token.end;
      else pieces.push([token.start, token.end]);
      if (first < 0) first = token.start;
    });
    var start = Math.max(0, first - 60), end = Math.min(text.length, Math.max(first, 0) + 160);
    var space = text.indexOf(" ", start), lastSpace = text.lastIndexOf(" ", end);
    if (start > 0 && space >= 0 && space < first) start = space + 1;
    if (end < text.length && lastSpace > (first < 0 ? start : pieces[0][1])) end = lastSpace;
    var at = start;
    element.appendChild(document.createTextNode(start > 0 ? "…" : ""));
    pieces.forEach(function (piece) {
      if (piece[0] < at || piece[1] > end) return;
      element.appendChild(document.createTextNode(text.slice(at, piece[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(piece[0], piece[1]);
      element.appendChild(mark);
      at = piece[1];
    });
    element.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? "…" : "")));
  }

  window.StrataSearch = { fold: fold, words: words, bigrams: bigrams, shardKey: shardKey, find: find,
                          analyzer: analyzer };
  if (window.Strata) window.Strata.register("search", start);

  /* ---- The page (data-module="search"): results ten at a time, a button for more ------------------------ */
  function start(root) {
  var form = root.querySelector(".search-form");
  if (!form || !manifest) return;

  var PAGE = 10;
  // Messages come from the page, in its language (search.html); a plural one by Intl.PluralRules.
  var messages = JSON.parse(form.getAttribute("data-search-messages"));
  var plurals = new Intl.PluralRules(document.documentElement.lang || undefined);
  function message(name, values, count) {
    var text = messages[name];
    if (typeof text !== "string") text = text[plurals.select(count)] || text.other;
    return text.replace(/%\((\w+)\)s/g, function (all, key) { return String(values[key]); });
  }
  var input = form.querySelector("input[type=search]");
  var status = root.querySelector("#search-status");
  var list = root.querySelector("#search-results");
  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.textContent = message("more");
  more.hidden = true;
  list.after(more);
  var current = null;
  root.querySelector("[data-search-nojs]").hidden = true;

  function render(found, docs) {
    var links = docs.map(function (doc) {
      var item = document.createElement("li"), link = document.createElement("a");
      var meta = document.createElement("p"), text = document.createElement("p");
      link.href = indexScript.getAttribute("src").split("search/index.js")[0] + doc.url;
      link.className = "search-result__title";
      link.textContent = doc.title;
      meta.className = "search-result__meta";
      meta.textContent = doc.kind === doc.page ? doc.kind : doc.page + messages.separator + doc.kind;
      text.className = "search-result__snippet";
      snippet(text, doc.text, found);
      item.append(link, meta, text);
      list.appendChild(item);
      return link;
    });
    more.hidden = list.children.length >= found.ids.length;
    return links;
  }
  function showPage(search) {  // the next ten results of ``search`` (the first ten replace what was shown)
    var ids = search.found.ids.slice(search.shown, search.shown + PAGE);
    return manifest.then(function (index) { return documents(index, ids); }).then(function (docs) {
      if (search !== current) return [];
      if (!search.shown) list.textContent = "";
      search.shown += docs.length;
      return render(search.found, docs);
    });
  }
  function show(query) {
    var search = current = { query: query, shown: 0 };
    return find(query).then(function (found) {
      if (search !== current) return;
      search.found = found;
      return showPage(search).then(function () {
        var n = found.ids.length;
        list.hidden = n === 0;
        status.textContent = !found.words.length ? "" :
          n ? message("results", { count: n, query: query }, n) : message("none", { query: query });
        window.StrataSearch.shownAt = performance.now();
      });
    }).catch(function () {
      if (search === current) status.textContent = message("failed");
    });
  }
  window.StrataSearch.show = show;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// may refuse */ }
  });
  more.addEventListener("click", function () {
    if (current && current.found) showPage(current).then(function (links) { if (links.length) links[0].focus(); });
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; show(initial); }
  }
})();
