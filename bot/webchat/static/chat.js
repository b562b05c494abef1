// The web chat page: sends messages, shows the conversation, and refreshes when a reply is delivered.
(function () {
  "use strict";
  var log, status, text, shown = {};

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function render(messages) {
    messages.forEach(function (m) {
      if (shown[m.id]) { return; }
      shown[m.id] = true;
      var item = document.createElement("li");
      item.className = m.direction;
      item.setAttribute("dir", "auto");
      item.textContent = m.text;  // text only: nothing anyone writes is ever interpreted as markup
      log.appendChild(item);
    });
    if (messages.length) { log.lastElementChild.scrollIntoView({ block: "end" }); }
  }

  function refresh() {
    return fetch("/chat/messages", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (data) { render(data.messages || []); })
      .catch(function () { status.textContent = "Connection lost. Your messages are kept; retrying…"; });
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

  function send(payload) {
    payload.client_id = newId();
    status.textContent = "Sending…";
    return post(payload, 0).then(function (r) {
      status.textContent = r.ok ? "" : "Not sent. Please try again.";
      return refresh();
    }).catch(function () { status.textContent = "Not sent: no connection. Please try again."; });
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
      button.addEventListener("click", function () { send({ button: button.getAttribute("data-button") }); });
    });
    refresh();
    listen();
  });
})();
