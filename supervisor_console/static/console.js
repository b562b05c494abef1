// Live updates for the console: server-sent events tell the page what changed; htmx re-fetches it.
(function () {
  "use strict";
  var baseTitle = document.title;
  var unseen = 0;

  function fire(name) { document.body.dispatchEvent(new CustomEvent(name, { bubbles: true })); }

  function updateTitle() {
    document.title = unseen > 0 ? "(" + unseen + ") " + baseTitle : baseTitle;
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { unseen = 0; updateTitle(); }
  });

  function connect() {
    if (!document.querySelector("[data-live]")) { return; }
    var source = new EventSource("/console/events");
    var hadError = false;
    source.onopen = function () {
      // After a reconnect the page may have missed events: fetch its whole state again.
      if (hadError) { fire("ld:refresh"); hadError = false; }
    };
    source.onerror = function () { hadError = true; };
    source.onmessage = function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (err) { return; }
      fire("ld:refresh");
      if (event.conversation_id) { fire("ld:conversation-" + event.conversation_id); }
      if (document.hidden && event.type === "message.new") { unseen += 1; updateTitle(); }
    };
  }

  document.addEventListener("DOMContentLoaded", connect);
})();
