/* The atlas's own map controls, loaded once by the map's iframe (st_folium's js_links)
 * instead of being sent with the map's script on every rerun.
 * atlasMap.controls(map, options) is called by atlas.mapping.MapControls; every text in
 * `options` arrives escaped for HTML (atlas.escape.escape_text). */
(function () {
    "use strict";

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

    // A legend of colours that folds; `html` is built and escaped on the server. Bottom
    // left: the south-west of China's frame holds no pilot, unlike the east and south coasts.
    // Folded at first on narrow maps (phones), where it would cover much of the map.
    function legend(map, title, html, font, attribution) {
        var control = L.control({position: "bottomleft"});
        control.onAdd = function () {
            var box = L.DomUtil.create("details", "atlas-legend");
            box.open = map.getContainer().clientWidth >= 500;
            box.style.cssText = "background:rgba(255,255,255,.92);padding:4px 6px;"
                + "max-width:220px;font-size:11px;line-height:1.35;color:#222;"
                + "font-family:" + font + ";border-radius:4px;"
                + "box-shadow:0 1px 3px rgba(0,0,0,.3)";
            var summary = L.DomUtil.create("summary", "", box);
            summary.style.cssText = "cursor:pointer;font-weight:600";
            summary.innerHTML = title;  // escaped on the server, like `html`
            var list = L.DomUtil.create("div", "", box);
            list.setAttribute("role", "list");
            // Twelve programmes in families: scroll inside rather than cover the map.
            list.style.cssText = "max-height:24vh;overflow-y:auto";
            list.setAttribute("aria-label", title);
            list.tabIndex = 0;  // a list that scrolls must be reachable by keys to scroll it
            list.innerHTML = html;
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        };
        control.addTo(map);
        var css = document.createElement("style");
        css.textContent = ".atlas-tooltip{font-size:13px;font-family:" + font + "}";
        document.head.appendChild(css);
        map.attributionControl.addAttribution(attribution);
    }

    // The attribution (bottom right) keeps to the width beside the bottom-left corner (the
    // legend and the scale bar) and wraps there, right-aligned, instead of running under
    // them: on a narrow map the tile and outline credits are longer than the free width.
    function attributionBesideLeftCorner(map) {
        var box = map.getContainer();
        var left = box.querySelector(".leaflet-bottom.leaflet-left");
        var credits = map.attributionControl && map.attributionControl.getContainer();
        if (!left || !credits) { return; }
        credits.style.textAlign = "right";
        credits.style.whiteSpace = "normal";
        credits.style.boxSizing = "border-box";  // the width below includes its padding
        function fit() {
            // On a narrow map the legend takes at most half the width, so the credits
            // beside it have room to stay clear of it.
            var legend = left.querySelector(".atlas-legend");
            if (legend) {
                legend.style.maxWidth = Math.min(220, Math.round(box.clientWidth / 2)) + "px";
            }
            var room = box.clientWidth - left.offsetWidth - 6;
            credits.style.maxWidth = Math.max(room, 0) + "px";
        }
        if (window.ResizeObserver) {
            var watch = new ResizeObserver(fit);
            watch.observe(left);  // the legend folds and unfolds
            watch.observe(box);
        }
        map.on("resize", fit);
        fit();
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


    // A circle marker drawn a fixed number of pixels from its point at every zoom: a park or
    // town placed at its city's point sits beside the city instead of on top of it.
    var OffsetMarker = L.CircleMarker.extend({
        _project: function () {
            this._point = this._map.latLngToLayerPoint(this._latlng);
            var o = this.options.offset;
            if (o) { this._point = this._point.add(L.point(o[0], o[1])); }
            this._updateBounds();
        }
    });

    // The point layers of the current run; their markers draw but do not catch the pointer.
    // A click or tap goes to the marker whose centre is nearest (within its radius and a
    // margin), not to whichever circle happens to be drawn on top: neighbours that overlap at
    // a low zoom (a phone's first view) each open where they are drawn.
    var pickable = [];
    var MARGIN = 4, TOUCH_MARGIN = 14;  // pixels beyond a marker's radius that still pick it

    // Markers whose centre is within their radius and `margin` of `at`, nearest first.
    function candidates(map, at, margin) {
        var found = [];
        pickable = pickable.filter(function (group) { return map.hasLayer(group); });
        pickable.forEach(function (group) {
            group.eachLayer(function (marker) {
                if (!marker._point) { return; }
                var d = map.layerPointToContainerPoint(marker._point).distanceTo(at);
                if (d <= marker.options.radius + margin) { found.push([d, marker]); }
            });
        });
        found.sort(function (a, b) { return a[0] - b[0]; });
        return found.map(function (pair) { return pair[1]; });
    }

    function points(group) { pickable.push(group); return group; }

    function isTouch(event) {
        return Boolean(event && (event.pointerType === "touch"
            || (event.sourceCapabilities && event.sourceCapabilities.firesTouchEvents)));
    }

    // Fired like Leaflet's own click on the marker (st_folium listens to that), after any
    // region under the pointer: the point then wins over its province.
    function open(marker, event) {
        marker.fire("click", {latlng: marker.getLatLng(), layer: marker, originalEvent: event},
                    true);
    }

    // A finger covers several markers at a low zoom: list them and let the person choose.
    function chooser(map, markers, latlng, title, event) {
        var box = L.DomUtil.create("div", "atlas-chooser");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", title);
        L.DomUtil.create("strong", "", box).textContent = title;
        markers.slice(0, 8).forEach(function (marker) {
            var button = L.DomUtil.create("button", "", box);
            button.type = "button";
            button.style.cssText = "display:block;width:100%;margin-top:6px;padding:8px 6px;"
                + "font-size:14px;text-align:left;background:#fff;border:1px solid #999;"
                + "border-radius:4px;color:#111";
            button.innerHTML = marker.feature.properties.label;  // escaped on the server
            L.DomEvent.on(button, "click", function (e) {
                L.DomEvent.stop(e);
                map.closePopup();
                open(marker, event);
            });
        });
        L.popup({closeButton: true, autoPan: true, maxWidth: 260})
            .setLatLng(latlng).setContent(box).openOn(map);
    }

    function picking(map, title) {
        var tip = L.tooltip({className: "atlas-tooltip", direction: "top", offset: [0, -8]});
        // A tap that covers several markers only offers the list. It is caught before Leaflet
        // sees it (capture phase on the map's box): Leaflet would first give it to the region
        // drawn under the finger, and the province would open while the person still chooses.
        map.getContainer().addEventListener("click", function (event) {
            if (!isTouch(event) || event.target.closest(".leaflet-control, .leaflet-popup")) {
                return;
            }
            var at = map.mouseEventToContainerPoint(event);
            var found = candidates(map, at, TOUCH_MARGIN);
            if (found.length > 1) {
                event.stopPropagation();
                chooser(map, found, map.containerPointToLatLng(at), title, event);
            }
        }, true);
        // Any other click or tap (a touch on several markers never gets here) opens the nearest.
        map.on("click", function (e) {
            var touch = isTouch(e.originalEvent);
            var found = candidates(map, e.containerPoint, touch ? TOUCH_MARGIN : MARGIN);
            if (found.length) { open(found[0], e.originalEvent); }
        });
        map.on("mousemove", function (e) {
            var marker = candidates(map, e.containerPoint, MARGIN)[0];
            map.getContainer().style.cursor = marker ? "pointer" : "";
            if (!marker) { map.closeTooltip(tip); return; }
            map.eachLayer(function (layer) {  // a region's tooltip would show beside it
                if (layer !== tip && layer.closeTooltip && layer.getTooltip()) {
                    layer.closeTooltip();
                }
            });
            tip.setContent(marker.feature.properties.label);
            tip.setLatLng(map.layerPointToLatLng(marker._point));
            map.openTooltip(tip);
        });
        map.on("mouseout", function () { map.closeTooltip(tip); });
    }

    // The frame's language and Leaflet's own English texts: zoom button titles, and the
    // scale bar's miles (Leaflet draws metric and imperial lines; the second is imperial).
    function interfaceLanguage(map, lang, zoomTitles) {
        document.documentElement.lang = lang;
        // Leaflet's credit without its English link title.
        map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
        var box = map.getContainer();
        [[".leaflet-control-zoom-in", zoomTitles[0]], [".leaflet-control-zoom-out", zoomTitles[1]]]
            .forEach(function (pair) {
                var button = box.querySelector(pair[0]);
                if (button) {
                    button.title = pair[1];
                    button.setAttribute("aria-label", pair[1]);
                }
            });
        var lines = box.querySelectorAll(".leaflet-control-scale-line");
        if (lines.length > 1) { lines[1].style.display = "none"; }
    }

    function outOfTabOrder(layer) {
        if (layer._path) { layer._path.setAttribute("tabindex", "-1"); }
    }

    window.atlasMap = {
        OffsetMarker: OffsetMarker,
        points: points,
        controls: function (map, o) {
            // China, whatever the width of the column. Not animated: st_folium applies a
            // linked view (zoom, centre) right after this script, and the end of a running
            // zoom animation would put this fit back over it.
            map.fitBounds(o.bounds, {animate: false});
            if (o.outlines) { outlines(map, o.outlines.url, o.outlines.style); }
            legend(map, o.legend.title, o.legend.html, o.font, o.attribution);
            picking(map, o.choose);
            buttons(map, o.buttons.fullscreen, o.buttons.reset, o.bounds);
            interfaceLanguage(map, o.lang, o.zoom);
            // Region shapes take clicks, and Chromium would also make each one a nameless
            // tab stop: keyboard users choose places with "Open a place" under the map.
            map.on("layeradd", function (e) { outOfTabOrder(e.layer); });
            map.eachLayer(outOfTabOrder);
            attributionBesideLeftCorner(map);
        }
    };
})();
