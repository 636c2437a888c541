// LIVE Room: fetches this same page every 30 seconds and swaps its <main> in place, so a wall
// screen stays current without a reload (and without a second renderer of the figures).
(function () {
  'use strict';
  var EVERY_MS = 30000;
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
  setInterval(refresh, EVERY_MS);
  // A kiosk's own tooling (and the browser test) may ask for the figures now.
  window.kanalLive = { refresh: refresh };
}());
