/* Start-up for every component script (classic script, first in each page's bundle).
   A component's root element carries data-module="<name>"; the component's script calls
   Strata.register("<name>", init). When the page is parsed, init(root) runs for each root;
   Strata.init(name, root) runs it at most once per root, so starting twice changes nothing. */
(function () {
  "use strict";
  var modules = {};

  function init(name, root) {
    var started = root.strataModules || (root.strataModules = {});
    if (!modules[name] || started[name]) return;
    started[name] = true;
    modules[name](root);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-module]"), function (root) {
      init(root.getAttribute("data-module"), root);
    });
  }

  window.Strata = { register: function (name, setup) { modules[name] = setup; }, init: init, start: start };
  // A deferred script runs before DOMContentLoaded: the components after this file register first.
  if (document.readyState === "complete") setTimeout(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
