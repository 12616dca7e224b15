/* components/quiz: check answers, GOV.UK-style error summary, saved progress. Root: form.quiz[data-module=quiz].
   Classic script: no modules, no fetch, nothing leaves the browser; works from file://.
   Without it the form still works: answers are chosen natively and revealed by each <details>.
   Every message comes from the page, in its language: the root's data-quiz-messages (JSON; a plural
   message is {CLDR category: text}, chosen with Intl.PluralRules), see quiz.html. */
(function () {
  "use strict";

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  // localStorage may be missing, blocked or full: the quiz then works without saving, silently.
  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function store(key, value) {
    try {
      if (value) window.localStorage.setItem(key, JSON.stringify(value));
      else window.localStorage.removeItem(key);
    } catch (e) { /* not saved; nothing to tell the reader */ }
  }

  // Text and icon together: the result never rests on colour alone.
  function say(element, right, text) {
    var icon = document.createElement("span");
    icon.className = "quiz__icon quiz__icon--" + (right ? "right" : "wrong");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = right ? "✓" : "✗";
    element.textContent = "";
    element.append(icon, " " + text);
    element.hidden = false;
  }

  function setup(form) {
    var messages = JSON.parse(form.getAttribute("data-quiz-messages"));
    var lang = (form.closest("[lang]") || document.documentElement).lang;
    var plurals = new Intl.PluralRules(lang || undefined);
    // A message with %(name)s placeholders filled in; a plural one in the form that ``count`` takes.
    function text(name, values, count) {
      var message = messages[name];
      if (typeof message !== "string") message = message[plurals.select(count)] || message.other;
      return message.replace(/%\((\w+)\)s/g, function (all, key) { return String(values[key]); });
    }
    var key = "strata-quiz:" + form.getAttribute("data-quiz-key");
    var questions = all(form, ".quiz__question");
    var summary = form.querySelector(".quiz__errors");
    var status = form.querySelector(".quiz__score");
    var saved = form.querySelector(".quiz__saved");
    var retry = form.querySelector("[data-quiz-action=retry]");
    var state = load(key);

    function inputs(question) { return all(question, "input"); }
    function part(question, name) { return document.getElementById(question.id + "-" + name); }
    function answered(question) { return inputs(question).some(function (i) { return i.checked; }); }

    function save(score) {
      var answers = {};
      questions.forEach(function (q) {
        answers[q.id] = inputs(q).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      });
      state = { answers: answers, score: score === undefined ? state.score : score };
      store(key, state);
    }

    function unmark() {
      summary.hidden = true;
      all(summary, "li").forEach(function (li) { li.hidden = true; });
      questions.forEach(function (q) {
        q.classList.remove("is-right", "is-wrong", "has-error");
        q.setAttribute("aria-describedby", q.id + "-hint");
        part(q, "error").hidden = true;
        part(q, "result").hidden = true;
        inputs(q).forEach(function (input) {
          input.removeAttribute("aria-describedby");
          document.getElementById(input.id + "-feedback").hidden = true;
        });
      });
      status.textContent = "";
    }

    function mark(q) {
      var right = true;
      inputs(q).forEach(function (input) {
        var correct = input.hasAttribute("data-correct");
        var feedback = document.getElementById(input.id + "-feedback");
        if (input.checked !== correct) right = false;
        if (!input.checked && !correct) return;
        say(feedback.querySelector(".quiz__mark"), correct,
          text(input.checked ? (correct ? "yours_right" : "yours_wrong") : "right_not_chosen"));
        feedback.hidden = false;
        input.setAttribute("aria-describedby", feedback.id);
      });
      say(part(q, "result"), right, text(right ? "correct" : "incorrect"));
      q.classList.add(right ? "is-right" : "is-wrong");
      q.setAttribute("aria-describedby", q.id + "-hint " + q.id + "-result");
      q.querySelector("details").open = true;
      return right;
    }

    function check() {
      unmark();
      var missing = questions.filter(function (q) { return !answered(q); });
      if (missing.length) {
        missing.forEach(function (q) {
          q.classList.add("has-error");
          part(q, "error").hidden = false;
          q.setAttribute("aria-describedby", q.id + "-hint " + q.id + "-error");
          summary.querySelector("[data-quiz-error-for='" + q.id + "']").hidden = false;
        });
        summary.hidden = false;
        summary.focus();  // a named group, not an alert: focus alone announces it, once
        return;
      }
      var score = questions.filter(mark).length;
      status.textContent = text("score", { score: score, total: questions.length }, score);
      retry.hidden = false;
      save(score);
    }

    function reset() {
      unmark();
      questions.forEach(function (q) {
        inputs(q).forEach(function (input) { input.checked = false; });
        q.querySelector("details").open = false;
      });
      retry.hidden = true;
      saved.hidden = true;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check();
    });
    form.addEventListener("change", function () { save(); });
    form.addEventListener("click", function (event) {
      var target = event.target.closest("a, button");
      if (!target) return;
      var action = target.getAttribute("data-quiz-action");
      if (target.tagName === "A" && summary.contains(target)) {
        // GOV.UK error summary: show the question, then put the focus on its first answer.
        var input = document.getElementById(target.hash.slice(1));
        event.preventDefault();
        input.closest("fieldset").scrollIntoView();
        input.focus({ preventScroll: true });
      } else if (action === "retry") {
        reset();
        save();
        inputs(questions[0])[0].focus();
      } else if (action === "clear") {
        reset();
        state = {};
        store(key, null);
        status.textContent = text("cleared");
      }
    });

    // Restore the last visit: answers as they were, and the last score as plain text (not announced).
    questions.forEach(function (q) {
      var values = (state.answers || {})[q.id] || [];
      inputs(q).forEach(function (input) { input.checked = values.indexOf(input.value) >= 0; });
    });
    if (typeof state.score === "number") {
      saved.textContent = text("saved", { score: state.score, total: questions.length }, state.score);
      saved.hidden = false;
    }
    all(form, "[data-quiz-js]").forEach(function (element) { element.hidden = false; });
  }

  Strata.register("quiz", setup);
})();
