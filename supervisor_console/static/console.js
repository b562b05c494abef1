// Liaison Desk console: live updates (server-sent events + htmx re-fetch), the tab-title count, keyboard
// shortcuts and the canned-reply picker. Everything from the server is shown with textContent, never as HTML.
(function () {
  "use strict";
  var baseTitle = document.title;

  function fire(name) { document.body.dispatchEvent(new CustomEvent(name, { bubbles: true })); }

  // ---- Tab title: "(3) Queue · Liaison Desk" while people wait or have written since your last reply.
  function updateTitle() {
    var total = 0;
    document.querySelectorAll("[data-attention]").forEach(function (el) {
      total += parseInt(el.getAttribute("data-attention"), 10) || 0;
    });
    document.title = total > 0 ? "(" + total + ") " + baseTitle : baseTitle;
  }
  document.addEventListener("htmx:afterSwap", updateTitle);

  // ---- Live updates. Events carry kinds and ids only; each page re-fetches what it may see.
  function connect() {
    if (!document.querySelector("[data-live], #counts")) { return; }
    var source = new EventSource("/console/events");
    source.onopen = function () {
      // Events published between rendering this page and subscribing, or while disconnected, were missed:
      // fetch the page's state again each time the stream (re)opens.
      fire("ld:refresh");
      fire("ld:conversation-" + currentConversation());
    };
    source.onmessage = function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (err) { return; }
      fire("ld:refresh");
      if (event.conversation_id) { fire("ld:conversation-" + event.conversation_id); }
    };
  }

  function currentConversation() {
    var el = document.querySelector("[data-conversation-id]");
    return el ? el.getAttribute("data-conversation-id") : "none";
  }

  // ---- Keyboard shortcuts. None fire while typing, except Ctrl+Enter inside a composer.
  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function conversationLinks() {
    return Array.prototype.slice.call(document.querySelectorAll("a[data-conversation-link]"));
  }

  function step(direction) {
    var onPage = document.querySelector('a[data-shortcut="' + (direction > 0 ? "next" : "prev") + '"]');
    if (onPage) { window.location.assign(onPage.href); return; }
    var links = conversationLinks();
    if (!links.length) { return; }
    var index = links.indexOf(document.activeElement);
    var next = index < 0 ? (direction > 0 ? 0 : links.length - 1) : index + direction;
    if (next >= 0 && next < links.length) { links[next].focus(); }
  }

  function showShortcuts() {
    var dialog = document.getElementById("shortcuts");
    if (dialog && !dialog.open) { dialog.showModal(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented) { return; }
    var target = event.target;
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && target && target.hasAttribute &&
        target.hasAttribute("data-submit-on-ctrl-enter")) {
      event.preventDefault();
      if (target.form && target.value.trim()) { target.form.requestSubmit(); }
      return;
    }
    if (typing(target)) { return; }
    if (event.altKey && !event.ctrlKey && !event.metaKey) {
      var key = (event.code || "").replace("Key", "").toLowerCase();
      if (key === "j") { event.preventDefault(); step(1); }
      else if (key === "k") { event.preventDefault(); step(-1); }
      return;
    }
    if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      showShortcuts();
    }
  });

  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-shortcuts-open]");
    if (opener) { showShortcuts(); }
  });

  // ---- Canned replies: "/" at the start of the reply opens the picker; arrows move, Enter inserts, Esc closes.
  function cannedPicker(form) {
    var textarea = form.querySelector("textarea[name=text]");
    var picker = document.getElementById("canned-picker");
    var list = document.getElementById("canned-list");
    var previewText = document.getElementById("canned-text");
    var warnings = document.getElementById("canned-warnings");
    var url = form.getAttribute("data-canned-url");
    var replies = null;
    var shown = [];
    var active = 0;
    var previews = {};

    function load() {
      if (replies) { return Promise.resolve(replies); }
      return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { replies: [] }; })
        .then(function (data) { replies = data.replies || []; return replies; });
    }

    function preview(key) {
      if (previews[key]) { return Promise.resolve(previews[key]); }
      return fetch(url + "/" + encodeURIComponent(key), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data) { previews[key] = data; } return data; });
    }

    function close() { picker.hidden = true; shown = []; }

    function showPreview() {
      var item = shown[active];
      warnings.textContent = "";
      previewText.textContent = "";
      if (!item) { return; }
      preview(item.key).then(function (data) {
        if (!data || shown[active] !== item) { return; }
        previewText.textContent = data.text;
        (data.warnings || []).forEach(function (text) {
          var li = document.createElement("li");
          li.textContent = text;
          warnings.appendChild(li);
        });
      });
    }

    function render() {
      list.textContent = "";
      shown.forEach(function (item, index) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.setAttribute("data-key", item.key);
        li.setAttribute("aria-selected", index === active ? "true" : "false");
        li.textContent = item.title;
        var key = document.createElement("span");
        key.className = "meta";
        key.textContent = " /" + item.key;
        li.appendChild(key);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); active = index; choose(); });
        list.appendChild(li);
      });
      picker.hidden = shown.length === 0;
      showPreview();
    }

    function choose() {
      var item = shown[active];
      if (!item) { return; }
      preview(item.key).then(function (data) {
        if (!data) { return; }
        textarea.value = data.text;
        close();
        // Keep the warnings visible after inserting: an empty variable needs filling in before sending.
        if ((data.warnings || []).length) {
          picker.hidden = false;
          list.textContent = "";
          previewText.textContent = "";
          warnings.textContent = "";
          data.warnings.forEach(function (text) {
            var li = document.createElement("li");
            li.textContent = text;
            warnings.appendChild(li);
          });
        }
        textarea.focus();
      });
    }

    textarea.addEventListener("input", function () {
      var value = textarea.value;
      if (value.charAt(0) !== "/" || value.indexOf("\n") >= 0) { close(); return; }
      var query = value.slice(1).toLowerCase();
      load().then(function (all) {
        shown = all.filter(function (item) {
          return item.key.indexOf(query) >= 0 || item.title.toLowerCase().indexOf(query) >= 0;
        });
        active = 0;
        render();
      });
    });

    textarea.addEventListener("keydown", function (event) {
      if (picker.hidden || !shown.length) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); active = (active + 1) % shown.length; render(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); active = (active - 1 + shown.length) % shown.length; render(); }
      else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) { event.preventDefault(); choose(); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    connect();
    var composer = document.querySelector("form[data-canned-url]");
    if (composer) { cannedPicker(composer); }
  });
})();
