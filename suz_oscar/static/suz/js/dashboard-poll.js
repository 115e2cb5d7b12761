/* The dashboard asks every few seconds what is new (no reload): the unread notifications badge, the inbox
   badge, and on the inbox page its table of orders available to take. Stops while the tab is hidden. */
(function () {
    "use strict";
    var script = document.currentScript;
    var url = script.getAttribute("data-url");
    var every = (parseInt(script.getAttribute("data-seconds"), 10) || 5) * 1000;
    var table = script.getAttribute("data-table");  // id of a table to refresh when the inbox changes
    var lastInbox = null, lastUnread = null;

    function badge(selector, linkSelector, count) {
        var el = document.querySelector(selector);
        if (!el) {
            var link = document.querySelector(linkSelector);
            if (!link || !count) { return; }
            el = document.createElement("span");
            el.className = "badge badge-warning " + selector.slice(1);
            link.appendChild(document.createTextNode(" "));
            link.appendChild(el);
        }
        el.textContent = count >= 100 ? "99+" : String(count);
        el.classList.toggle("d-none", !count);
    }

    function refreshTable() {
        if (!table || !document.getElementById(table)) { return; }
        fetch(window.location.href, {credentials: "same-origin"}).then(function (r) { return r.text(); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(table);
                var current = document.getElementById(table);
                if (fresh && current) { current.replaceWith(fresh); }
            }).catch(function () {});
    }

    function poll() {
        if (document.hidden) { return; }
        fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) {
                if (!data) { return; }
                badge(".suz-notifications-badge", "a[href$='/dashboard/notifications/']", data.unread);
                if (data.inbox !== null) {
                    badge(".suz-inbox-badge", "a[href$='/dashboard/inbox/']", data.inbox);
                    if (lastInbox !== null && data.inbox !== lastInbox) { refreshTable(); }
                    lastInbox = data.inbox;
                }
                if (lastUnread !== null && data.unread > lastUnread && data.latest) {
                    document.title = "(" + data.unread + ") " + document.title.replace(/^\(\d+\) /, "");
                }
                lastUnread = data.unread;
            }).catch(function () {});
    }

    poll();
    window.setInterval(poll, every);
}());
