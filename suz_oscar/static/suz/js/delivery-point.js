/* Checkout: the customer may click the delivery point on a map; it fills the form's hidden coordinates. */
(function () {
    "use strict";
    var el = document.getElementById("suz-delivery-map");
    var form = document.getElementById("new_shipping_address");
    if (!el || !form || typeof L === "undefined") { return; }
    var lat = form.querySelector("[name=latitude]"), lon = form.querySelector("[name=longitude]");
    if (!lat || !lon) { return; }
    form.parentNode.insertBefore(el.parentNode, form);  // the map above the address form's buttons
    var c = (el.dataset.center || "55.75,37.62,4").split(",").map(Number);
    var map = L.map(el).setView([c[0], c[1]], c[2]);
    el.suzMap = map;  // the page's scripts and a browser's checks reach the map here
    L.tileLayer(el.dataset.tiles, {attribution: el.dataset.attribution, maxZoom: 19}).addTo(map);
    var marker = null;
    function place(latlng) {
        if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
    }
    var a = parseFloat(lat.value), b = parseFloat(lon.value);
    if (!isNaN(a) && !isNaN(b)) { place([a, b]); map.setView([a, b], 15); }
    map.on("click", function (e) {
        lat.value = e.latlng.lat.toFixed(6);
        lon.value = e.latlng.lng.toFixed(6);
        place(e.latlng);
    });
    function clear() {
        lat.value = lon.value = "";
        if (marker) { map.removeLayer(marker); marker = null; }
    }
    document.getElementById("suz-delivery-clear").addEventListener("click", clear);
    // Another city picked: the map moves to its centre; a point set in the former city (farther than 50 km) goes.
    var city = form.querySelector("select[name=city]");
    if (city) {
        city.addEventListener("change", function () {
            var option = city.options[city.selectedIndex];
            var centre = option && option.dataset.center ? option.dataset.center.split(",").map(Number) : null;
            if (!centre || isNaN(centre[0]) || isNaN(centre[1])) { return; }
            if (marker && map.distance(marker.getLatLng(), centre) > 50000) { clear(); }
            map.setView(centre, 12);
        });
    }
})();
