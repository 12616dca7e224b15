/* components/toggletip: a term (a.term whose aria-describedby names a hidden description) shows that
   description in a pop-up on hover, focus or click; Escape closes it. The pop-up's link goes where the
   term links, labelled by the description's data-tip-link (abbreviations name their list), else by the
   root's (the glossary's, "Glossary entry" in the page's language). Root: any element holding terms,
   with data-module="toggletip". The listeners are installed once, on the document, for every root. */
(function () {
  "use strict";
  var listening = false, tip = document.createElement("span"), term = null, quiet = null, pinned = false, timer;
  tip.className = "term-tip";
  tip.hidden = true;
  tip.innerHTML = '<span></span> <a class="term-tip__link"></a>';

  function inside(n) { return !!(n && term && (term.contains(n) || tip.contains(n))); }
  function termOf(n) { return n.closest && n.closest("a.term"); }

  function hide() {
    clearTimeout(timer);
    if (!term) return;
    tip.hidden = true;
    term.setAttribute("aria-expanded", "false");
    term = null;
    pinned = false;
  }

  function place() {
    if (!term) return;
    var l = term.getClientRects(), a = l[0], z = l[l.length - 1], d = document.documentElement, s = tip.style,
      below = d.clientHeight - z.bottom - 14, above = a.top - 14, room = Math.max(below, above), up, r, start;
    s.maxHeight = "";
    if (tip.offsetHeight > room) s.maxHeight = room + "px";
    up = tip.offsetHeight > below && above > below;
    s.insetBlockStart = (up ? a.top - 6 - tip.offsetHeight : z.bottom + 6) + "px";
    // Line the pop-up up with the start of the term's line: its left edge, or its right one right to left.
    r = up ? a : z;
    start = getComputedStyle(term).direction === "rtl" ? d.clientWidth - r.right : r.left;
    s.insetInlineStart = Math.max(8, Math.min(start, d.clientWidth - tip.offsetWidth - 8)) + "px";
  }

  function show(t, pin) {
    clearTimeout(timer);
    var def = document.getElementById(t.getAttribute("aria-describedby"));
    if (!def) return;
    if (term !== t) {
      hide();
      term = t;
      tip.firstChild.innerHTML = def.innerHTML;
      tip.lastChild.href = t.href;
      // Shown: "Glossary entry"; heard: "Glossary entry: <term>" (a label that starts with the visible words,
      // so speech input finds the link by them; hidden text in the link would be heard with a stray space).
      tip.lastChild.textContent = def.getAttribute("data-tip-link") ||
        (t.closest("[data-tip-link]") || document.querySelector("[data-module=toggletip][data-tip-link]")).getAttribute("data-tip-link");
      tip.lastChild.setAttribute("aria-label", tip.lastChild.textContent + ": " + def.getAttribute("data-term"));
      t.after(tip);
      tip.hidden = false;
      t.setAttribute("aria-expanded", "true");
    }
    pinned = pinned || pin;
    place();
  }

  function listen() {
    var on = addEventListener;
    on("pointerover", function (e) {
      var t = termOf(e.target);
      if (t && e.pointerType !== "touch") show(t, false);
      if (inside(e.target)) clearTimeout(timer);
    });
    on("pointerout", function (e) {
      if (inside(e.target) && !inside(e.relatedTarget)) timer = setTimeout(function () { if (!pinned && !inside(document.activeElement)) hide(); }, 400);
    });
    on("focusin", function (e) {
      var t = termOf(e.target);
      if (t) { if (t !== quiet) show(t, false); } else if (!inside(e.target)) hide();
    });
    on("click", function (e) {
      var t = termOf(e.target);
      if (t && !(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button)) {
        e.preventDefault();
        if (t === term && pinned) hide(); else show(t, true);
      } else if (!inside(e.target)) hide();
    });
    on("keydown", function (e) {
      if (e.key !== "Escape" || !term) return;
      quiet = tip.contains(document.activeElement) && term;
      hide();
      if (quiet) quiet.focus();
      quiet = null;
    });
    on("resize", place);
    on("scroll", place);
  }

  Strata.register("toggletip", function (root) {
    root.querySelectorAll("a.term").forEach(function (a) { a.setAttribute("aria-expanded", "false"); });
    if (!listening) listen();
    listening = true;
  });
})();
