/* The atlas's own map controls, loaded once by the map's iframe (st_folium's js_links)
 * instead of being sent with the map's script on every rerun.
 * atlasMap.controls(map, options) is called by atlas.mapping.MapControls; every text in
 * `options` arrives escaped for HTML (atlas.escape.escape_text). */
(function () {
    "use strict";

    // GCJ-02 -> WGS-84, one step of the usual inverse (under 2 m off): links store WGS-84.
    function gcjToWgs(lat, lng) {
        var x = lng - 105.0, y = lat - 35.0, PI = Math.PI;
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
            + 0.2 * Math.sqrt(Math.abs(x));
        var dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y
            + 0.1 * Math.sqrt(Math.abs(x));
        var common = (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2 / 3;
        dLat += common + (20.0 * Math.sin(y * PI) + 40.0 * Math.sin(y / 3.0 * PI)) * 2 / 3
            + (160.0 * Math.sin(y / 12.0 * PI) + 320 * Math.sin(y * PI / 30.0)) * 2 / 3;
        dLng += common + (20.0 * Math.sin(x * PI) + 40.0 * Math.sin(x / 3.0 * PI)) * 2 / 3
            + (150.0 * Math.sin(x / 12.0 * PI) + 300.0 * Math.sin(x / 30.0 * PI)) * 2 / 3;
        var a = 6378245.0, ee = 0.00669342162296594323;
        var rad = lat / 180.0 * PI, magic = 1 - ee * Math.sin(rad) * Math.sin(rad);
        var sq = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sq) * PI);
        dLng = (dLng * 180.0) / (a / sq * Math.cos(rad) * PI);
        return [lat - dLat, lng - dLng];
    }

    // Province outlines fetched from the app's static files (cached by the browser), in a
    // pane below the markers that never catches clicks.
    function outlines(map, url, style) {
        var pane = map.createPane("atlasOutlines");
        pane.style.zIndex = 350;
        pane.style.pointerEvents = "none";
        fetch(url)
            .then(function (r) { return r.json(); })
            .then(function (data) {
                L.geoJSON(data, {pane: "atlasOutlines", interactive: false, style: style})
                    .addTo(map);
            });
    }

    // A legend of colours; `html` is built and escaped on the server.
    function legend(map, title, html, font, attribution) {
        var control = L.control({position: "bottomright"});
        control.onAdd = function () {
            var div = L.DomUtil.create("div", "atlas-legend");
            div.setAttribute("role", "list");
            div.setAttribute("aria-label", title);
            div.style.cssText = "background:rgba(255,255,255,.9);padding:4px 6px;"
                + "max-width:210px;font-size:11px;line-height:1.35;"
                + "font-family:" + font + ";border-radius:4px;"
                + "box-shadow:0 1px 3px rgba(0,0,0,.3)";
            div.innerHTML = html;
            return div;
        };
        control.addTo(map);
        var css = document.createElement("style");
        css.textContent = ".atlas-tooltip{font-size:13px;font-family:" + font + "}";
        document.head.appendChild(css);
        map.attributionControl.addAttribution(attribution);
    }

    // Write the map's centre and zoom into the page's address after the user moves it, so the
    // address reopens the same view; moves made by the app itself do not count. Done here,
    // not through Streamlit: returning the view would rerun the app on every pan. (Known bug:
    // the server never sees these, so its share link leaves them out; README, Links.)
    function viewInUrl(map, gcj02) {
        var touched = false;
        ["mousedown", "wheel", "touchstart", "keydown", "dblclick"].forEach(function (e) {
            map.getContainer().addEventListener(e, function () { touched = true; });
        });
        map.on("moveend", function () {
            if (!touched) { return; }
            try {
                var top = window.parent;
                var url = new URL(top.location.href);
                var c = map.getCenter();
                var wgs = gcj02 ? gcjToWgs(c.lat, c.lng) : [c.lat, c.lng];
                url.searchParams.set("lat", wgs[0].toFixed(4));
                url.searchParams.set("lon", wgs[1].toFixed(4));
                url.searchParams.set("zoom", String(Math.round(map.getZoom())));
                top.history.replaceState(top.history.state, "", url.toString());
            } catch (err) { /* a cross-origin embed cannot write the address */ }
        });
    }

    // Full screen (the browser's Fullscreen API, no plugin) and back to all of China.
    function buttons(map, fullscreenTitle, resetTitle, bounds) {
        var Buttons = L.Control.extend({
            options: {position: "topleft"},
            onAdd: function () {
                var bar = L.DomUtil.create("div", "leaflet-bar atlas-buttons");
                function button(text, title, onClick) {
                    var a = L.DomUtil.create("a", "", bar);
                    a.href = "#"; a.role = "button"; a.textContent = text;
                    a.title = title; a.setAttribute("aria-label", title);
                    L.DomEvent.on(a, "click", function (e) {
                        L.DomEvent.preventDefault(e); L.DomEvent.stopPropagation(e); onClick();
                    });
                }
                button("\u2922", fullscreenTitle, function () {
                    var box = map.getContainer();
                    if (document.fullscreenElement) { document.exitFullscreen(); }
                    else if (box.requestFullscreen) { box.requestFullscreen(); }
                });
                button("\u2302", resetTitle, function () { map.fitBounds(bounds); });
                return bar;
            }
        });
        new Buttons().addTo(map);
        document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });
    }

    window.atlasMap = {
        controls: function (map, o) {
            // China, whatever the width of the column. Not animated: st_folium applies a
            // linked view (zoom, centre) right after this script, and the end of a running
            // zoom animation would put this fit back over it.
            map.fitBounds(o.bounds, {animate: false});
            if (o.outlines) { outlines(map, o.outlines.url, o.outlines.style); }
            legend(map, o.legend.title, o.legend.html, o.font, o.attribution);
            viewInUrl(map, o.gcj02);
            buttons(map, o.buttons.fullscreen, o.buttons.reset, o.bounds);
        }
    };
})();
