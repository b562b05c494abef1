// The web chat page: sends messages, shows the conversation, its buttons and the person's data export.
(function () {
  "use strict";
  var log, status, text, words, lang, shown = {}, hasConversation = false;

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function clearButtons() {
    Array.prototype.forEach.call(log.querySelectorAll(".choices"), function (row) { row.remove(); });
  }

  function buttonsFor(rows) {
    var box = document.createElement("div");
    box.className = "choices";
    rows.forEach(function (row) {
      var line = document.createElement("div");
      line.className = "choice-row";
      row.forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = b.label;
        button.setAttribute("data-payload", b.data);
        button.addEventListener("click", function () { press(b.data, b.label); });
        line.appendChild(button);
      });
      box.appendChild(line);
    });
    return box;
  }

  function documentFor() {
    // The export is read from the server only when asked for, and shown as plain text.
    var box = document.createElement("div");
    box.className = "document";
    var show = document.createElement("button");
    show.type = "button";
    show.className = "show-document";
    show.textContent = words.showDocument;
    var link = document.createElement("a");
    link.href = "/chat/mydata?download=1&lang=" + encodeURIComponent(lang);
    link.className = "download";
    link.textContent = words.download;
    var pre = document.createElement("pre");
    pre.className = "export";
    pre.setAttribute("dir", "auto");
    pre.hidden = true;
    show.addEventListener("click", function () {
      fetch("/chat/mydata?lang=" + encodeURIComponent(lang), { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (body) { pre.textContent = body; pre.hidden = false; });
    });
    box.appendChild(show);
    box.appendChild(link);
    box.appendChild(pre);
    return box;
  }

  var leaving = false;
  // One way to reload the page in another language, once: a second call would abort the first load.
  function switchTo(code) {
    if (leaving) { return; }
    leaving = true;
    window.location.replace("/chat?lang=" + encodeURIComponent(code));
  }

  function render(data) {
    var messages = data.messages || [];
    if (data.language && data.language !== lang) {
      switchTo(data.language);
      return;
    }
    hasConversation = messages.length > 0;
    clearButtons();
    messages.forEach(function (m) {
      var item = shown[m.id];
      if (!item) {
        item = document.createElement("li");
        item.className = m.direction;
        item.setAttribute("dir", "auto");
        var body = document.createElement("div");
        body.className = "text";
        body.textContent = m.text;  // text only: nothing anyone writes is ever interpreted as markup
        item.appendChild(body);
        if (m.document) { item.appendChild(documentFor()); }
        log.appendChild(item);
        shown[m.id] = item;
      }
      if (m.buttons && m.buttons.length) { item.appendChild(buttonsFor(m.buttons)); }
    });
    if (messages.length) { log.lastElementChild.scrollIntoView({ block: "end" }); }
  }

  function refresh() {
    return fetch("/chat/messages?lang=" + encodeURIComponent(lang), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(render)
      .catch(function () { status.textContent = words.connectionLost; });
  }

  function post(body, attempt) {
    return fetch("/chat/messages", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (r) {
      if (!r.ok && r.status >= 500 && attempt < 5) {
        // The same client_id makes a retry safe: the server stores the message once.
        return new Promise(function (ok) { setTimeout(ok, 1000 * (attempt + 1)); }).then(function () { return post(body, attempt + 1); });
      }
      return r;
    });
  }

  function farewell(message) {
    // Everything was erased: the page forgets it too, and shows only the confirmation.
    log.textContent = "";
    shown = {};
    var item = document.createElement("li");
    item.className = "out farewell";
    item.setAttribute("dir", "auto");
    item.textContent = message;
    log.appendChild(item);
    status.textContent = words.freshStart;
  }

  function send(payload) {
    payload.client_id = newId();
    payload.lang = lang;
    status.textContent = words.sending;
    return post(payload, 0).then(function (r) {
      status.textContent = r.ok ? "" : words.notSent;
      return r.ok ? r.json() : {};
    }).then(function (data) {
      if (data && data.farewell) { farewell(data.farewell); return null; }
      return refresh();
    }).catch(function () { status.textContent = words.offline; });
  }

  // The label travels with the payload, so the conversation shows the words the person tapped, not a code.
  function press(data, label) { return send({ button: data, text: label || "" }); }

  function chooseLanguage(code) {
    if (!hasConversation) { switchTo(code); return; }
    send({ button: "lang:" + code }).then(function () { switchTo(code); });
  }

  function listen() {
    var source = new EventSource("/chat/events");
    source.onmessage = refresh;
    source.onopen = refresh;
  }

  document.addEventListener("DOMContentLoaded", function () {
    log = document.getElementById("log");
    status = document.getElementById("status");
    text = document.getElementById("text");
    lang = document.documentElement.lang;
    var d = document.body.dataset;
    words = {
      sending: d.sending, notSent: d.notSent, offline: d.offline, connectionLost: d.connectionLost,
      showDocument: d.showDocument, download: d.download, freshStart: d.freshStart
    };
    document.getElementById("composer").addEventListener("submit", function (event) {
      event.preventDefault();
      var value = text.value;
      if (!value.trim()) { return; }
      text.value = "";
      send({ text: value });
    });
    text.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        document.getElementById("composer").requestSubmit();
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-button]"), function (button) {
      button.addEventListener("click", function () { press(button.getAttribute("data-button"), button.textContent.trim()); });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (button) {
      button.addEventListener("click", function () { chooseLanguage(button.getAttribute("data-lang")); });
    });
    refresh();
    listen();
  });
})();
