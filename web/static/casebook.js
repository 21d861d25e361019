// casebook: the little script there is. Pages work without it; it only
// turns a text selection in a report into the byte offsets of a new event.
(function () {
  "use strict";
  var text = document.getElementById("report-text");
  var form = document.getElementById("add-event-form");
  if (!text || !form) return;
  var start = document.getElementById("add-start");
  var end = document.getElementById("add-end");
  var quote = document.getElementById("add-quote");
  var help = document.getElementById("selection-help");
  var details = document.getElementById("add-event");
  var enc = new TextEncoder();

  // Spans are byte offsets into the UTF-8 text; the browser counts UTF-16
  // units, so measure the text before the selection in bytes.
  function bytes(s) { return enc.encode(s).length; }

  function capture() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var r = sel.getRangeAt(0);
    if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return;
    var before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(r.startContainer, r.startOffset);
    var words = r.toString();
    if (!words.trim()) return;
    var a = bytes(before.toString());
    start.value = String(a);
    end.value = String(a + bytes(words));
    quote.value = words;
    if (details) details.open = true;
    if (help) help.textContent = "Selected " + words.length + " characters; choose the type and save.";
  }
  text.addEventListener("mouseup", capture);
  text.addEventListener("keyup", capture);
  // Typing in the box means the words are no longer the selection.
  quote.addEventListener("input", function () { start.value = ""; end.value = ""; });
})();
