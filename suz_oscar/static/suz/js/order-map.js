/* The order card's delivery point: a Leaflet map with one marker (or the city's centre). */
(function () {
    "use strict";
    var el = document.getElementById("suz-order-map");
    if (!el || typeof L === "undefined") { return; }
    var point = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
    var map = L.map(el).setView(point, parseInt(el.dataset.zoom, 10) || 12);
    L.tileLayer(el.dataset.tiles, {attribution: el.dataset.attribution, maxZoom: 19}).addTo(map);
    if (el.dataset.exact === "1") { L.marker(point).addTo(map); } else { L.circle(point, {radius: 1500}).addTo(map); }
})();
