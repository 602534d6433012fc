/* Open the folded boilerplate block that holds the linked sentence, so #s4-2 links always land. */
(function () {
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS" && !el.open) {
        el.open = true;
        opened = true;
      }
    }
    if (opened) target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", reveal);
  } else {
    reveal();
  }
})();

/* Handouts: fill the print title block with the page's address, and number the links of the
   page as footnotes listed at its end (both shown only in print, see briefing.css). */
(function () {
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical && canonical.href ? canonical.href : window.location.href.split("#")[0];
  }
  function footnotes() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || article.querySelector(".bf-links")) return;
    var base = pageUrl();
    var slot = article.querySelector(".bf-print-title__url");
    if (slot) slot.textContent = base;
    var numbers = {};
    var targets = [];
    var links = article.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      // Permalinks, sentence citations, tags (a page's kind) and in-page anchors need no footnote.
      if (a.classList.contains("headerlink") || a.classList.contains("cite") || a.classList.contains("md-tag")) continue;
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.closest("svg")) continue;
      var target;
      try { target = new URL(href, base).href; } catch (e) { continue; }
      if (!(target in numbers)) {
        targets.push(target);
        numbers[target] = targets.length;
      }
      var sup = document.createElement("sup");
      sup.className = "bf-fn";
      sup.textContent = "[" + numbers[target] + "]";
      a.insertAdjacentElement("afterend", sup);
    }
    if (!targets.length) return;
    var box = document.createElement("aside");
    box.className = "bf-links";
    box.setAttribute("data-search-exclude", "");
    box.appendChild(document.createTextNode("Links on this page"));
    var list = document.createElement("ol");
    for (var j = 0; j < targets.length; j++) {
      var item = document.createElement("li");
      item.textContent = targets[j];
      list.appendChild(item);
    }
    box.appendChild(list);
    article.appendChild(box);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", footnotes);
  } else {
    footnotes();
  }
})();

/* Material's search dialog has no accessible name (axe: aria-dialog-name): give it the label of its box. */
(function () {
  function nameSearch() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameSearch);
  } else {
    nameSearch();
  }
})();
