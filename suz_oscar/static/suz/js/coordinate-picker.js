/* Coordinate picker: a Leaflet map bound to the inputs marked data-suz-map="lat|lon". */
(function () {
    "use strict";
    var el = document.getElementById("suz-map");
    var lat = document.querySelector("[data-suz-map=lat]");
    var lon = document.querySelector("[data-suz-map=lon]");
    if (!el || !lat || !lon || typeof L === "undefined") { return; }
    var c = (el.dataset.center || "55.75,37.62,4").split(",").map(Number);
    var map = L.map(el, {zoomControl: false}).setView([c[0], c[1]], c[2]);
    // Leaflet's own button titles are English: the page gives them in its language.
    L.control.zoom({zoomInTitle: el.dataset.zoomIn || "+", zoomOutTitle: el.dataset.zoomOut || "-"}).addTo(map);
    L.tileLayer(el.dataset.tiles, {attribution: el.dataset.attribution, maxZoom: 19}).addTo(map);
    var marker = null;

    function place(latlng, pan) {
        if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
        if (pan) { map.setView(latlng, Math.max(map.getZoom(), 14)); }
    }
    function fromInputs(pan) {
        var a = parseFloat(lat.value), b = parseFloat(lon.value);
        if (!isNaN(a) && !isNaN(b)) { place([a, b], pan); }
    }
    map.on("click", function (e) {
        lat.value = e.latlng.lat.toFixed(6);
        lon.value = e.latlng.lng.toFixed(6);
        place(e.latlng, false);
    });
    lat.addEventListener("change", function () { fromInputs(true); });
    lon.addEventListener("change", function () { fromInputs(true); });
    fromInputs(true);

    // Choosing a city brings the map there, until the outlet has coordinates.
    var city = document.getElementById("id_city");
    var centersEl = document.getElementById("suz-city-centers");
    var centers = centersEl ? JSON.parse(centersEl.textContent) : {};
    function toCity() {
        var c = centers[city.value];
        if (c && !marker) { map.setView(c, 12); }
    }
    if (city) {
        // select2 announces changes through jQuery only.
        if (window.jQuery) { window.jQuery(city).on("change", toCity); } else { city.addEventListener("change", toCity); }
        toCity();
    }
})();
