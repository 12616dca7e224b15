/* components/search, Spanish (in the bundle before search.js, which uses it on Spanish pages): a line-by-line port of
   plugins/strata/search/spanish.py, the Snowball Spanish stemmer over accent-folded words, and the same
   stop words; tests/i18n/test_search_languages.py checks that both give the same stems. */
(function () {
  "use strict";
  var VOWELS = "aeiou";
  var PRONOUNS = ["selas", "selos", "sela", "selo", "las", "les", "los", "nos", "me", "se", "la", "le", "lo"];
  var PRONOUN_BEFORE = ["iendo", "ando", "ar", "er", "ir"];
  var STEP1 = [
    [["amientos", "imientos", "amiento", "imiento", "anzas", "ismos", "ables", "ibles", "istas", "anza", "icos",
      "icas", "ismo", "able", "ible", "ista", "osos", "osas", "ico", "ica", "oso", "osa"], "", null],
    [["aciones", "adoras", "adores", "ancias", "acion", "adora", "antes", "ancia", "ador", "ante"], "", "ic"],
    [["logias", "logia"], "log", null],
    [["uciones", "ucion"], "u", null],
    [["encias", "encia"], "ente", null],
    [["amente"], "", "amente"],
    [["mente"], "", "mente"],
    [["idades", "idad"], "", "idad"],
    [["ivas", "ivos", "iva", "ivo"], "", "at"]
  ];
  var STEP2A = ["yeron", "yendo", "yamos", "yais", "yan", "yen", "yas", "yes", "ya", "ye", "yo"];
  var STEP2B_GU = ["emos", "eis", "en", "es"];
  var STEP2B = ("arian arias aran aras ariais aria areis ariamos aremos ara are erian erias eran eras eriais " +
    "eria ereis eriamos eremos era ere irian irias iran iras iriais iria ireis iriamos iremos ira ire aba ada ida " +
    "ia ara iera ad ed id ase iese aste iste an aban ian aran ieran asen iesen aron ieron ado ido ando iendo io ar " +
    "er ir as abas adas idas ias aras ieras ases ieses is ais abais iais arais ierais aseis ieseis asteis isteis " +
    "ados idos amos abamos iamos imos aramos ieramos iesemos asemos").split(" ");
  var STEP3 = ["os", "a", "o", "i"];
  var STOP_WORDS = {};
  ("a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas " +
   "ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estado estan estar estas este " +
   "esto estos estoy fue fueron fui ha haber habia han has hasta hay la las le les lo los mas me mi mis mucho " +
   "muchos muy nada ni no nos nosotros o os otra otras otro otros para pero poco por porque que quien quienes se " +
   "sea ser si sido sin sobre son su sus tambien te tiene tienen todo todos tu tus un una uno unos y ya yo")
    .split(" ").forEach(function (w) { STOP_WORDS[w] = true; });

  function vowel(c) { return VOWELS.indexOf(c) >= 0; }
  function regions(word) {
    var n = word.length;
    function afterVowelConsonant(start) {
      for (var i = start + 1; i < n; i++) if (!vowel(word.charAt(i)) && vowel(word.charAt(i - 1))) return i + 1;
      return n;
    }
    function next(test) {
      for (var i = 2; i < n; i++) if (test(word.charAt(i))) return i + 1;
      return n;
    }
    var r1 = afterVowelConsonant(0), r2 = afterVowelConsonant(r1), rv;
    if (n < 2) rv = n;
    else if (!vowel(word.charAt(1))) rv = next(vowel);
    else if (vowel(word.charAt(0))) rv = next(function (c) { return !vowel(c); });
    else rv = n >= 3 ? 3 : n;
    return [rv, r1, r2];
  }
  function ending(word, suffixes, start) {  // the longest suffix wholly at or after start ("" for none)
    var best = "";
    suffixes.forEach(function (s) {
      if (s.length > best.length && word.endsWith(s) && word.length - s.length >= start) best = s;
    });
    return best;
  }
  function longest(word, suffixes) { return ending(word, suffixes, 0); }
  function cut(word, suffix) { return word.slice(0, word.length - suffix.length); }

  function step0(word, rv) {
    var pronoun = longest(word, PRONOUNS);
    if (pronoun && word.length - pronoun.length >= rv) {
      var stem = cut(word, pronoun);
      if (ending(stem, PRONOUN_BEFORE, rv) ||
          (stem.endsWith("yendo") && stem.length - 5 >= rv && stem.slice(0, -5).endsWith("u"))) return stem;
    }
    return word;
  }
  function step1(word, r1, r2) {  // [word, whether a suffix was removed]
    var suffix = "", group = null;
    STEP1.forEach(function (g) {
      g[0].forEach(function (s) { if (s.length > suffix.length && word.endsWith(s)) { suffix = s; group = g; } });
    });
    if (!group) return [word, false];
    var start = word.length - suffix.length, rule = group[2];
    if (rule === "amente") {
      if (start < r1) return [word, false];
      word = word.slice(0, start);
      if (word.endsWith("iv") && word.length - 2 >= r2) {
        word = word.slice(0, -2);
        if (word.endsWith("at") && word.length - 2 >= r2) word = word.slice(0, -2);
      } else {
        word = cut(word, ending(word, ["os", "ic", "ad"], r2));
      }
      return [word, true];
    }
    if (start < r2) return [word, false];
    word = word.slice(0, start) + group[1];
    if (rule === "ic" && word.endsWith("ic") && word.length - 2 >= r2) word = word.slice(0, -2);
    else if (rule === "mente") word = cut(word, ending(word, ["ante", "able", "ible"], r2));
    else if (rule === "idad") word = cut(word, ending(word, ["abil", "ic", "iv"], r2));
    else if (rule === "at" && word.endsWith("at") && word.length - 2 >= r2) word = word.slice(0, -2);
    return [word, true];
  }
  function step2(word, rv) {
    var suffix = ending(word, STEP2A, rv);
    if (suffix && cut(word, suffix).endsWith("u")) return cut(word, suffix);
    suffix = ending(word, STEP2B.concat(STEP2B_GU), rv);
    if (!suffix) return word;
    word = cut(word, suffix);
    if (STEP2B_GU.indexOf(suffix) >= 0 && word.endsWith("gu")) word = word.slice(0, -1);
    return word;
  }
  function step3(word, rv) {
    var suffix = ending(word, STEP3, rv);
    if (suffix) return cut(word, suffix);
    if (ending(word, ["e"], rv)) {
      word = word.slice(0, -1);
      if (word.endsWith("gu") && word.length - 1 >= rv) word = word.slice(0, -1);
    }
    return word;
  }
  var stems = {};
  function stem(word) {
    if (word.length <= 2) return word;
    if (Object.prototype.hasOwnProperty.call(stems, word)) return stems[word];
    var r = regions(word), w = step0(word, r[0]), done = step1(w, r[1], r[2]);
    w = done[1] ? done[0] : step2(done[0], r[0]);
    return (stems[word] = step3(w, r[0]));
  }

  var languages = window.StrataSearchLanguages = window.StrataSearchLanguages || {};
  languages.es = { stem: stem, stopWords: STOP_WORDS };
})();
