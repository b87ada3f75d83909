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

  function start() {
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
