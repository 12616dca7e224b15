/* components/search, English (in the bundle before search.js, which uses it on English pages): a line-by-line
   port of plugins/strata/search/stemmer.py, the Porter stemmer, and lunr's English stop words, as
   plugins/strata/search/text.py has them; tests/search/test_text_js.py checks that both give the same stems. */
(function () {
  "use strict";
  var STOP_WORDS = {};
  ("a able about across after all almost also am among an and any are as at be because been but by can " +
   "cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
   "how however i if in into is it its just least let like likely may me might most must my neither no nor " +
   "not of off often on only or other our own rather said say says she should since so some than that the " +
   "their them then there these they this tis to too twas us wants was we were what when where which while " +
   "who whom why will with would yet you your").split(" ").forEach(function (w) { STOP_WORDS[w] = true; });
  var STEP2 = {
    a: [["ational", "ate"], ["tional", "tion"]], c: [["enci", "ence"], ["anci", "ance"]], e: [["izer", "ize"]],
    l: [["bli", "ble"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"]],
    o: [["ization", "ize"], ["ation", "ate"], ["ator", "ate"]],
    s: [["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"]],
    t: [["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"]], g: [["logi", "log"]]
  };
  var STEP3 = { e: [["icate", "ic"], ["ative", ""], ["alize", "al"]], i: [["iciti", "ic"]],
    l: [["ical", "ic"], ["ful", ""]], s: [["ness", ""]] };
  var STEP4 = { a: ["al"], c: ["ance", "ence"], e: ["er"], i: ["ic"], l: ["able", "ible"],
    n: ["ant", "ement", "ment", "ent"], o: ["ion", "ou"], s: ["ism"], t: ["ate", "iti"], u: ["ous"],
    v: ["ive"], z: ["ize"] };
  var own = function (table, key) { return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : []; };

  function consonant(word, i) {
    var c = word.charAt(i);
    if ("aeiou".indexOf(c) >= 0) return false;
    if (c === "y") return i === 0 || !consonant(word, i - 1);
    return true;
  }
  function measure(stem) {
    var m = 0, previousVowel = false;
    for (var i = 0; i < stem.length; i++) {
      var vowel = !consonant(stem, i);
      if (previousVowel && !vowel) m++;
      previousVowel = vowel;
    }
    return m;
  }
  function hasVowel(stem) {
    for (var i = 0; i < stem.length; i++) if (!consonant(stem, i)) return true;
    return false;
  }
  function doubleConsonant(w) {
    return w.length >= 2 && w.charAt(w.length - 1) === w.charAt(w.length - 2) && consonant(w, w.length - 1);
  }
  function cvc(w) {
    var n = w.length;
    return n >= 3 && consonant(w, n - 1) && !consonant(w, n - 2) && consonant(w, n - 3) &&
      "wxy".indexOf(w.charAt(n - 1)) < 0;
  }
  function replace(word, rules, minimum) {
    for (var i = 0; i < rules.length; i++) {
      if (word.endsWith(rules[i][0])) {
        var stem = word.slice(0, word.length - rules[i][0].length);
        return measure(stem) > minimum ? stem + rules[i][1] : word;
      }
    }
    return word;
  }
  function step1ab(word) {
    if (word.endsWith("s")) {
      if (word.endsWith("sses") || word.endsWith("ies")) word = word.slice(0, -2);
      else if (word.charAt(word.length - 2) !== "s") word = word.slice(0, -1);
    }
    if (word.endsWith("eed")) return measure(word.slice(0, -3)) > 0 ? word.slice(0, -1) : word;
    var suffixes = ["ed", "ing"];
    for (var i = 0; i < suffixes.length; i++) {
      var cut = word.slice(0, word.length - suffixes[i].length);
      if (word.endsWith(suffixes[i]) && hasVowel(cut)) {
        if (cut.endsWith("at") || cut.endsWith("bl") || cut.endsWith("iz")) return cut + "e";
        if (doubleConsonant(cut)) return "lsz".indexOf(cut.charAt(cut.length - 1)) >= 0 ? cut : cut.slice(0, -1);
        if (measure(cut) === 1 && cvc(cut)) return cut + "e";
        return cut;
      }
    }
    return word;
  }
  function step4(word) {
    var suffixes = word.length > 1 ? own(STEP4, word.charAt(word.length - 2)) : [];
    for (var i = 0; i < suffixes.length; i++) {
      if (word.endsWith(suffixes[i])) {
        var stem = word.slice(0, word.length - suffixes[i].length);
        if (suffixes[i] === "ion" && !(stem.endsWith("s") || stem.endsWith("t"))) continue;
        return measure(stem) > 1 ? stem : word;
      }
    }
    return word;
  }
  function step5(word) {
    if (word.endsWith("e")) {
      var m = measure(word.slice(0, -1));
      if (m > 1 || (m === 1 && !cvc(word.slice(0, -1)))) word = word.slice(0, -1);
    }
    if (word.endsWith("l") && doubleConsonant(word) && measure(word) > 1) word = word.slice(0, -1);
    return word;
  }
  var stems = {};
  function stem(word) {
    if (word.length <= 2) return word;
    if (Object.prototype.hasOwnProperty.call(stems, word)) return stems[word];
    var w = step1ab(word);
    if (w.endsWith("y") && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + "i";
    w = replace(w, w.length > 1 ? own(STEP2, w.charAt(w.length - 2)) : [], 0);
    w = replace(w, own(STEP3, w.charAt(w.length - 1)), 0);
    return (stems[word] = step5(step4(w)));
  }

  var languages = window.StrataSearchLanguages = window.StrataSearchLanguages || {};
  languages.en = { stem: stem, stopWords: STOP_WORDS };
})();
