/* City picker: suggestions from the server while the visitor types; choosing one submits. */
(function () {
    "use strict";
    document.querySelectorAll("form.suz-city-picker").forEach(function (form) {
        var input = form.querySelector("input[name=city]");
        var list = document.getElementById(input.getAttribute("list"));
        var initial = input.value;
        var timer = null;
        var names = {};
        input.addEventListener("focus", function () { if (input.value === initial) { input.select(); } });
        input.addEventListener("input", function () {
            if (names[input.value]) { form.submit(); return; }
            clearTimeout(timer);
            timer = setTimeout(function () {
                fetch(form.dataset.searchUrl + "?q=" + encodeURIComponent(input.value))
                    .then(function (r) { return r.json(); })
                    .then(function (data) {
                        list.innerHTML = "";
                        names = {};
                        data.results.forEach(function (c) {
                            var opt = document.createElement("option");
                            opt.value = c.name;
                            opt.label = c.region;
                            names[c.name] = c.slug;
                            list.appendChild(opt);
                        });
                    });
            }, 150);
        });
    });
})();
