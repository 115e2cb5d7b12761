/* Price file upload with a progress bar; the server then checks the rows and redirects. */
(function () {
    "use strict";
    var form = document.getElementById("price-file-form");
    if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
    var box = document.getElementById("upload-progress");
    var bar = box.querySelector(".progress-bar");
    var checking = document.getElementById("upload-checking");
    form.addEventListener("submit", function (event) {
        var input = form.querySelector("input[type=file]");
        if (!input || !input.files.length) { return; }
        event.preventDefault();
        var xhr = new XMLHttpRequest();
        xhr.open("POST", form.action || window.location.href);
        box.classList.remove("d-none");
        xhr.upload.addEventListener("progress", function (e) {
            if (!e.lengthComputable) { return; }
            var pct = Math.round(100 * e.loaded / e.total);
            bar.style.width = pct + "%";
            bar.textContent = pct + "%";
            if (pct === 100) { checking.classList.remove("d-none"); }
        });
        xhr.addEventListener("load", function () {
            if (xhr.responseURL && xhr.responseURL !== window.location.href) {
                window.location.href = xhr.responseURL;
            } else {
                document.open(); document.write(xhr.responseText); document.close();
            }
        });
        xhr.send(new FormData(form));
    });
})();
