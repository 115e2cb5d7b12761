/* «Где купить»: the dealers' outlets on a clustered Leaflet map and the dealers by rating beside it.
 * Every text of a dealer goes on screen with textContent, never as HTML.
 * The JSON is compact (suz_oscar/storefront/dealer_map.py: compact): short keys, outlets as arrays, the
 * cities and opening hours once; unpack() turns it back into readable objects. */
(function () {
    "use strict";

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text) { node.textContent = text; }
        return node;
    }

    function unpack(data) {
        return data.dealers.map(function (d) {
            return {
                id: d.i, slug: d.s, name: d.n, rating: d.r, description: d.d || "", logo: d.l || "",
                website: d.w || "", phone: d.p || "", km: d.k === undefined ? null : d.k,
                price: d.$ === undefined ? null : d.$,
                outlets: d.o.map(function (o) {
                    return {
                        lat: o[0] === undefined ? null : o[0], lon: o[1] === undefined ? null : o[1],
                        city: o[2] >= 0 ? data.places[o[2]] : "", address: o[3] || "",
                        hours: o[4] >= 0 ? data.hours[o[4]] : "", phone: o[5] || "", name: o[6] || ""
                    };
                })
            };
        });
    }

    function money(value) {
        var number = Number(value);
        return number.toLocaleString("ru-RU", {minimumFractionDigits: number % 1 ? 2 : 0, maximumFractionDigits: 2})
            + "\u00a0₽";
    }

    function phoneText(phone) {
        var m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone || "");
        return m ? "+7 " + m[1] + " " + m[2] + "-" + m[3] + "-" + m[4] : (phone || "");
    }

    function safeUrl(url) {
        return /^https?:\/\//i.test(url || "") ? url : "";
    }

    function outletPopup(dealer, outlet, strings, baseUrl) {
        var box = el("div");
        var title = el("strong", "", dealer.name);
        if (baseUrl) {
            var link = el("a");
            link.href = baseUrl + encodeURIComponent(dealer.slug) + "/";
            link.appendChild(title);
            box.appendChild(link);
        } else {
            box.appendChild(title);
        }
        box.appendChild(el("div", "", [outlet.city, outlet.address].filter(Boolean).join(", ")));
        if (outlet.hours) { box.appendChild(el("div", "", strings.hours + ": " + outlet.hours)); }
        if (outlet.phone || dealer.phone) { box.appendChild(el("div", "", phoneText(outlet.phone || dealer.phone))); }
        if (dealer.price) { box.appendChild(el("div", "", strings.price + ": " + money(dealer.price))); }
        return box;
    }

    function dealerItem(dealer, strings, baseUrl) {
        var item = el("li");
        if (dealer.logo) {
            var logo = el("img");
            logo.src = dealer.logo;
            logo.alt = "";
            logo.loading = "lazy";
            item.appendChild(logo);
        }
        var body = el("div");
        var heading = el("h3");
        if (baseUrl) {
            var link = el("a", "", dealer.name);
            link.href = baseUrl + encodeURIComponent(dealer.slug) + "/";
            heading.appendChild(link);
        } else {
            heading.textContent = dealer.name;
        }
        body.appendChild(heading);
        var facts = [strings.rating + ": " + dealer.rating.toLocaleString("ru-RU")];
        if (dealer.km !== null) { facts.push(dealer.km.toLocaleString("ru-RU") + " " + strings.km); }
        body.appendChild(el("p", "text-muted small", facts.join(" · ")));
        if (dealer.price) {
            body.appendChild(el("p", "font-weight-bold", strings.price + ": " + money(dealer.price)));
        }
        if (dealer.description) {
            var text = dealer.description.length > 240 ? dealer.description.slice(0, 240) + "…" : dealer.description;
            body.appendChild(el("p", "", text));
        }
        dealer.outlets.slice(0, 3).forEach(function (outlet) {
            var line = [outlet.city, outlet.address].filter(Boolean).join(", ");
            if (outlet.hours) { line += " · " + outlet.hours; }
            body.appendChild(el("p", "suz-outlet", line));
        });
        var contacts = el("p");
        if (dealer.phone) {
            var phone = el("a", "mr-3", phoneText(dealer.phone));
            phone.href = "tel:" + dealer.phone.replace(/[^+\d]/g, "");
            contacts.appendChild(phone);
        }
        if (safeUrl(dealer.website)) {
            var site = el("a", "", strings.website);
            site.href = safeUrl(dealer.website);
            site.rel = "nofollow noopener";
            site.target = "_blank";
            contacts.appendChild(site);
        }
        body.appendChild(contacts);
        item.appendChild(body);
        return item;
    }

    function start(root) {
        var strings = JSON.parse(root.querySelector("script[type='application/json']").textContent);
        var baseUrl = root.dataset.baseUrl || "";
        var listSize = parseInt(root.dataset.listSize, 10) || 30;
        var list = root.querySelector(".suz-map-list");
        var status = root.querySelector(".suz-map-status");
        var more = root.querySelector(".suz-map-more");
        var map = L.map(root.querySelector(".suz-map-canvas"), {zoomControl: false, preferCanvas: true})
            .setView([61.5, 90], 3);
        L.control.zoom({zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut}).addTo(map);
        L.tileLayer(root.dataset.tiles, {maxZoom: 18, attribution: root.dataset.attribution}).addTo(map);
        map.attributionControl.setPrefix(false);

        var params = new URLSearchParams();
        if (root.dataset.city) { params.set("place", root.dataset.city); }
        if (root.dataset.product) { params.set("product", root.dataset.product); }
        if (root.dataset.promotion) { params.set("promotion", root.dataset.promotion); }
        fetch(root.dataset.url + "?" + params.toString(), {credentials: "omit"})
            .then(function (response) {
                if (!response.ok) { throw new Error(response.status); }
                return response.json();
            })
            .then(function (data) {
                data.dealers = unpack(data);
                var cluster = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false});
                var markers = [];
                data.dealers.forEach(function (dealer) {
                    dealer.outlets.forEach(function (outlet) {
                        if (outlet.lat === null || outlet.lon === null) { return; }
                        var marker = L.marker([outlet.lat, outlet.lon], {title: dealer.name});
                        marker.bindPopup(function () { return outletPopup(dealer, outlet, strings, baseUrl); });
                        markers.push(marker);
                    });
                });
                cluster.addLayers(markers);
                map.addLayer(cluster);
                var hasCentre = data.city && data.city.lat !== null;
                if (markers.length) {
                    // The city's centre and every outlet of its dealers in view (they may be in the region's
                    // other towns), no closer than a city's streets.
                    var bounds = cluster.getBounds();
                    if (hasCentre) { bounds.extend([data.city.lat, data.city.lon]); }
                    map.fitBounds(bounds, {maxZoom: 12, padding: [20, 20]});
                } else if (hasCentre) {
                    map.setView([data.city.lat, data.city.lon], 10);
                }
                var shown = 0;
                function showMore() {
                    data.dealers.slice(shown, shown + listSize).forEach(function (dealer) {
                        list.appendChild(dealerItem(dealer, strings, baseUrl));
                    });
                    shown = Math.min(shown + listSize, data.dealers.length);
                    more.classList.toggle("d-none", shown >= data.dealers.length);
                }
                status.textContent = data.dealers.length ?
                    strings.count.replace("%(n)s", data.dealers.length) : strings.none;
                more.addEventListener("click", showMore);
                showMore();
            })
            .catch(function () { status.textContent = strings.error; });
    }

    function startAll() {
        Array.prototype.forEach.call(document.querySelectorAll(".suz-dealer-map"), start);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", startAll);
    } else {
        startAll();
    }
}());
