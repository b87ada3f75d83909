/*
  Progressive enhancement for the HTML edition (inlined by teiedition.render).
  The page is complete without it.  It (1) stretches each margin mark to the
  full height of the span it marks, (2) opens note popovers beside their
  reference, (3) falls back to the list of notes where popovers are not
  supported, (4) adds a "Copy citation" button, (5) keeps the diplomatic view
  in the address (?view=diplomatic).  No network, no storage.
*/
(function () {
  "use strict";

  function placeMarks() {
    var marks = document.querySelectorAll(".margin-mark[data-target]");
    for (var i = 0; i < marks.length; i++) {
      var mark = marks[i];
      var target = document.getElementById(mark.getAttribute("data-target"));
      var box = mark.offsetParent;
      if (!target || !box) { continue; }
      var rects = target.getClientRects();
      if (!rects.length) { continue; }
      var top = Infinity, bottom = -Infinity;
      for (var j = 0; j < rects.length; j++) {
        if (rects[j].height === 0) { continue; }
        top = Math.min(top, rects[j].top);
        bottom = Math.max(bottom, rects[j].bottom);
      }
      if (top === Infinity) { continue; }
      var origin = box.getBoundingClientRect().top + box.clientTop;
      mark.style.top = (top - origin) + "px";
      mark.style.height = (bottom - top) + "px";
    }
  }

  function placePopover(popover) {
    var invoker = document.querySelector('.noteref[popovertarget="' + popover.id + '"]');
    if (!invoker) { return; }
    var r = invoker.getBoundingClientRect();
    var width = Math.min(popover.offsetWidth, window.innerWidth - 16);
    var left = Math.max(8, Math.min(r.left - 24, window.innerWidth - width - 8));
    var below = r.bottom + 6;
    var top = below + popover.offsetHeight > window.innerHeight - 8
      ? Math.max(8, r.top - popover.offsetHeight - 6) : below;
    popover.style.margin = "0";
    popover.style.left = left + "px";
    popover.style.top = top + "px";
  }

  function setUpNotes() {
    var supported = typeof HTMLElement !== "undefined" &&
      Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover");
    var popovers = document.querySelectorAll(".note-popover");
    var open = null;
    for (var i = 0; i < popovers.length; i++) {
      if (supported) {
        popovers[i].addEventListener("toggle", function (event) {
          if (event.newState === "open") { open = event.target; placePopover(open); }
          else if (open === event.target) { open = null; }
        });
      }
    }
    // An open note follows its reference when the page scrolls or resizes.
    function follow() { if (open) { placePopover(open); } }
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", follow);
    if (!supported) {
      var refs = document.querySelectorAll(".noteref[data-note]");
      for (var k = 0; k < refs.length; k++) {
        refs[k].addEventListener("click", function (event) {
          window.location.hash = event.currentTarget.getAttribute("data-note");
        });
      }
    }
  }

  function addCopyButton() {
    var text = document.getElementById("citation-text");
    if (!text || !navigator.clipboard) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-citation";
    button.textContent = "Copy citation";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text.textContent).then(function () {
        button.textContent = "Copied";
      }, function () {
        button.textContent = "Select the text above to copy it";
      });
    });
    text.parentNode.appendChild(button);
  }

  // The witness switch: ?wit=ID shows, in every apparatus entry, the reading of that witness
  // (the hidden copy beside the lemma) instead of the lemma; an entry without one keeps the lemma.
  function showWitness() {
    var links = document.querySelectorAll(".witness-switch a[data-wit]");
    if (!links.length) { return; }
    var wit = new URLSearchParams(window.location.search).get("wit") || "";
    var known = false;
    for (var i = 0; i < links.length; i++) {
      var here = links[i].getAttribute("data-wit") === wit;
      known = known || (here && wit !== "");
      if (here) { links[i].setAttribute("aria-current", "page"); } else { links[i].removeAttribute("aria-current"); }
    }
    if (!known) { wit = ""; links[0].setAttribute("aria-current", "page"); }
    var apps = document.querySelectorAll(".tei-app");
    for (var k = 0; k < apps.length; k++) {
      var shown = null;
      var readings = apps[k].querySelectorAll(":scope > .reading, :scope > .lemma");
      for (var r = 0; r < readings.length && wit; r++) {
        if ((" " + readings[r].getAttribute("data-wit") + " ").indexOf(" " + wit + " ") >= 0) { shown = readings[r]; break; }
      }
      for (var j = 0; j < readings.length; j++) {
        var isLemma = readings[j].classList.contains("lemma");
        readings[j].hidden = shown ? readings[j] !== shown : !isLemma;
      }
    }
    document.documentElement.setAttribute("data-witness", wit);
  }

  // Text read from a region of a page image (data-zone) lights that region while pointed at or focused.
  function linkZones() {
    var texts = document.querySelectorAll("[data-zone]");
    function light(el, on) {
      var ids = el.getAttribute("data-zone").split(" ");
      el.classList.toggle("lit", on);
      for (var i = 0; i < ids.length; i++) {
        var boxes = document.querySelectorAll('.facs-zone[data-zone="' + ids[i].replace(/"/g, "") + '"]');
        for (var j = 0; j < boxes.length; j++) { boxes[j].classList.toggle("lit", on); }
      }
    }
    for (var k = 0; k < texts.length; k++) {
      if (texts[k].classList.contains("facs-zone")) { continue; }
      (function (el) {
        el.addEventListener("mouseenter", function () { light(el, true); });
        el.addEventListener("mouseleave", function () { light(el, false); });
        el.addEventListener("focusin", function () { light(el, true); });
        el.addEventListener("focusout", function () { light(el, false); });
      })(texts[k]);
    }
  }

  function start() {
    showWitness();
    linkZones();
    placeMarks();
    setUpNotes();
    addCopyButton();
    window.addEventListener("resize", placeMarks);
    // The reading view is kept in the address (?view=diplomatic), so a link or a reload shows the same view.
    var toggle = document.getElementById("diplomatic-view");
    if (toggle) {
      var params = new URLSearchParams(window.location.search);
      if (params.get("view") === "diplomatic") { toggle.checked = true; }
      toggle.addEventListener("change", function () {
        var p = new URLSearchParams(window.location.search);
        if (toggle.checked) { p.set("view", "diplomatic"); } else { p.delete("view"); }
        var query = p.toString();
        try {
          history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
        } catch (e) { /* file:// in some browsers: the view just is not kept */ }
        placeMarks();
      });
    }
    if (document.fonts && document.fonts.ready) { document.fonts.ready.then(placeMarks); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
