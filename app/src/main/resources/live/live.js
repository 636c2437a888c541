// LIVE Room: keeps the board current without a reload. The server's event stream
// (/live/{region}/events) says when the figures change; the page then fetches itself again and
// swaps its <main> in place, so the figures have one renderer (the server's). Where the stream is
// not available (an old browser, a proxy that refuses it, a node at its stream limit) the page
// polls every 30 seconds instead.
(function () {
  'use strict';
  var EVERY_MS = 30000;
  var polling = null;

  function refresh() {
    fetch(window.location.pathname, { cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
        var current = document.querySelector('main');
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
          document.body.classList.remove('stale');
        }
      })
      .catch(function () { document.body.classList.add('stale'); });
  }

  function poll() {
    if (polling === null) {
      polling = setInterval(refresh, EVERY_MS);
    }
  }

  var main = document.querySelector('main[data-region]');
  if (main && window.EventSource) {
    var stream = new EventSource(window.location.pathname.replace(/\/$/, '') + '/events');
    stream.addEventListener('board', function (event) {
      // Figures this page does not show yet (the first board is usually the page's own).
      var shown = document.querySelector('main[data-region]');
      var board = JSON.parse(event.data);
      if (!shown || shown.dataset.generated !== String(board.generatedAt)) {
        refresh();
      }
      document.body.classList.remove('stale');
      document.body.dataset.live = 'stream';
    });
    stream.addEventListener('error', function () {
      if (stream.readyState === EventSource.CLOSED) {
        // Refused (e.g. 503 at the node's stream limit): the browser will not retry; poll.
        document.body.dataset.live = 'polling';
        poll();
      } else {
        // Reconnecting on its own; what it missed comes with its first board.
        document.body.classList.add('stale');
      }
    });
  } else if (main) {
    document.body.dataset.live = 'polling';
    poll();
  }
  // A kiosk's own tooling (and the browser test) may ask for the figures now.
  window.kanalLive = { refresh: refresh };
}());
