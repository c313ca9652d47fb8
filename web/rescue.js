// Rescue helpers in plain JavaScript. They must keep working when the wasm module has died
// (after a panic), so they never call into it. The Rust panic hook builds the banner and marks
// its buttons with data-cchc-rescue="copy" | "download"; one delegated listener here handles them.
(function () {
  "use strict";
  var PREFIX = "cchc:";

  // Every key of ours, raw, as saved. Errors are recorded instead of thrown: half a rescue beats none.
  function collect() {
    var keys = {};
    var error = null;
    try {
      var store = window.localStorage;
      for (var i = 0; i < store.length; i++) {
        var key = store.key(i);
        if (key !== null && key.indexOf(PREFIX) === 0) keys[key] = store.getItem(key);
      }
    } catch (e) {
      error = String(e);
    }
    return { format: "cchc-rescue", savedAt: new Date().toISOString(), error: error, keys: keys };
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function download() {
    var blob = new Blob([JSON.stringify(collect(), null, 2)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = "cchc-du-lieu-" + today() + ".json";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 10000);
  }

  function details() {
    var pre = document.getElementById("cchc-panic-details");
    return pre ? pre.textContent : "";
  }

  // The clipboard API needs a secure context and permission; selecting the text is the fallback.
  function copy() {
    var text = details();
    function select() {
      var pre = document.getElementById("cchc-panic-details");
      if (!pre) return;
      var range = document.createRange();
      range.selectNodeContents(pre);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { document.execCommand("copy"); } catch (e) { /* text stays selected for Ctrl+C */ }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {}, select);
    } else {
      select();
    }
  }

  // Shown when the wasm cannot even start (old browser without DecompressionStream, bad file).
  function loadFailed(error) {
    // A panic during start-up already shows its own banner.
    if (document.getElementById("cchc-panic")) return;
    var box = document.getElementById("cchc-load-error");
    var pre = document.getElementById("cchc-load-error-details");
    if (pre) pre.textContent = String(error && error.stack ? error.stack : error);
    if (box) box.hidden = false;
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("[data-cchc-rescue]") : null;
    if (!button) return;
    event.preventDefault();
    if (button.getAttribute("data-cchc-rescue") === "copy") copy();
    else download();
  });

  window.cchcRescue = { collect: collect, download: download, copy: copy, loadFailed: loadFailed };
})();
