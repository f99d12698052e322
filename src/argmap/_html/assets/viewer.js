/* argmap HTML map: show and hide claims on Graphviz's fixed layout, pan, zoom, search, open
   a claim, list findings. No library, no network. Every string from the map enters the page
   through text() (a text node): this file never builds markup from strings. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var viewport = document.getElementById("viewport");
  var statusLine = document.getElementById("status");
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  var panelEmpty = document.getElementById("panel-empty");
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var findingsBox = document.getElementById("findings");
  var findingsToggle = document.getElementById("findings-toggle");

  // --- the one way text enters the document ------------------------------------------------
  function text(value) {
    return document.createTextNode(value === undefined || value === null ? "" : String(value));
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "object" ? child : text(child));
    });
    return node;
  }
  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  // --- the map's structure -----------------------------------------------------------------
  var claims = {};
  data.claims.forEach(function (c) { claims[c.id] = c; });
  var relations = {};
  data.relations.forEach(function (r) { relations[r.id] = r; });
  var below = {};  // claim -> relations that support, attack or undercut an argument for it
  var above = {};  // claim -> relations it is a premise of
  function push(table, key, value) { (table[key] = table[key] || []).push(value); }
  data.relations.forEach(function (r) {
    var target = r.to;
    if (r.type === "undercuts") {
      target = relations[r.to] ? relations[r.to].to : null;
    }
    if (target !== null && claims[target]) { push(below, target, r); }
    r.from.forEach(function (p) { push(above, p, r); });
  });
  function childrenOf(id) {
    var out = [];
    (below[id] || []).forEach(function (r) {
      r.from.forEach(function (p) { if (claims[p] && out.indexOf(p) < 0) { out.push(p); } });
    });
    return out;
  }

  // --- pictures: the overview (when there is one) and the whole map -------------------------
  var frames = {};
  Array.prototype.forEach.call(viewport.querySelectorAll(".frame"), function (frame) {
    var svg = frame.querySelector("svg");
    var nodes = {};
    var edges = [];
    Array.prototype.forEach.call(svg.querySelectorAll("g[data-claim]"), function (g) {
      nodes[g.getAttribute("data-claim")] = g;
    });
    Array.prototype.forEach.call(svg.querySelectorAll("g[data-rel]"), function (g) { edges.push(g); });
    var box = svg.viewBox.baseVal;
    frames[frame.getAttribute("data-frame")] = {
      frame: frame, svg: svg, nodes: nodes, edges: edges,
      view: { x: box.x, y: box.y, w: box.width, h: box.height }
    };
  });
  var MAP = frames.map;
  var current = null;
  var base = {};      // claims shown before any expansion (the overview set)
  var pinned = {};    // claims shown because the reader opened them (search, findings)
  var expanded = {};  // claims whose supports and attacks are shown
  var visible = {};
  var selected = null;

  function resetState() {
    base = {}; pinned = {}; expanded = {};
    data.overview.forEach(function (id) { base[id] = true; });
  }

  function computeVisible() {
    var shown = {};
    Object.keys(base).concat(Object.keys(pinned)).forEach(function (id) {
      if (claims[id]) { shown[id] = true; }
    });
    var changed = true;
    while (changed) {
      changed = false;
      Object.keys(expanded).forEach(function (id) {
        if (!shown[id]) { return; }
        childrenOf(id).forEach(function (c) {
          if (!shown[c]) { shown[c] = true; changed = true; }
        });
      });
    }
    return shown;
  }

  function relationShown(r, shown, memo) {
    if (memo[r.id] !== undefined) { return memo[r.id]; }
    memo[r.id] = false;  // a circle of undercuts is not drawn
    var ok = r.from.every(function (p) { return shown[p]; });
    if (ok && r.type === "undercuts") {
      ok = relations[r.to] ? relationShown(relations[r.to], shown, memo) : false;
    } else if (ok) {
      ok = !!shown[r.to];
    }
    memo[r.id] = ok;
    return ok;
  }

  function apply() {
    if (current !== MAP) { return; }
    visible = computeVisible();
    var count = 0;
    Object.keys(MAP.nodes).forEach(function (id) {
      var g = MAP.nodes[id];
      var on = !!visible[id];
      if (on) { count += 1; }
      g.classList.toggle("off", !on);
      var kids = childrenOf(id);
      var hidden = kids.filter(function (c) { return !visible[c]; }).length;
      g.classList.toggle("has-hidden", on && hidden > 0);
      if (kids.length) {
        g.setAttribute("aria-expanded", hidden === 0 ? "true" : "false");
      }
    });
    var memo = {};
    MAP.edges.forEach(function (g) {
      var r = relations[g.getAttribute("data-rel")];
      g.classList.toggle("off", !(r && relationShown(r, visible, memo)));
    });
    statusLine.textContent = count + " of " + data.claims.length + " claims shown";
  }

  // --- camera: the SVG viewBox ---------------------------------------------------------------
  function setView(frame, view) {
    frame.view = view;
    frame.svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }
  function boxOf(frame, elements) {
    var svg = frame.svg;
    var inverse = svg.getScreenCTM().inverse();
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    elements.forEach(function (g) {
      var b = g.getBBox();
      var m = inverse.multiply(g.getScreenCTM());
      [[b.x, b.y], [b.x + b.width, b.y + b.height]].forEach(function (c) {
        var p = svg.createSVGPoint();
        p.x = c[0]; p.y = c[1];
        p = p.matrixTransform(m);
        x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y);
        x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
      });
    });
    if (x0 === Infinity) { return null; }
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
  function fitTo(frame, box, most) {
    if (!box) { return; }
    var pad = 24;
    var rect = frame.svg.getBoundingClientRect();
    var aspect = rect.width > 0 && rect.height > 0 ? rect.width / rect.height : 1.5;
    var w = box.w + 2 * pad, h = box.h + 2 * pad;
    if (most) {  // not closer than 1 SVG unit per pixel: a lone node stays its own size
      w = Math.max(w, rect.width || w); h = Math.max(h, rect.height || h);
    }
    if (w / h < aspect) { w = h * aspect; } else { h = w / aspect; }
    setView(frame, { x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - h / 2, w: w, h: h });
  }
  function shownNodes(frame) {
    return Object.keys(frame.nodes).filter(function (id) {
      return !frame.nodes[id].classList.contains("off");
    }).map(function (id) { return frame.nodes[id]; });
  }
  function fit() { fitTo(current, boxOf(current, shownNodes(current)), false); }
  function zoom(factor, cx, cy) {
    var v = current.view;
    if (cx === undefined) { cx = v.x + v.w / 2; cy = v.y + v.h / 2; }
    setView(current, { x: cx - (cx - v.x) / factor, y: cy - (cy - v.y) / factor,
                       w: v.w / factor, h: v.h / factor });
  }
  function pan(dx, dy) {
    var v = current.view;
    setView(current, { x: v.x + dx, y: v.y + dy, w: v.w, h: v.h });
  }
  function toSvg(frame, clientX, clientY) {
    var p = frame.svg.createSVGPoint();
    p.x = clientX; p.y = clientY;
    return p.matrixTransform(frame.svg.getScreenCTM().inverse());
  }
  function centreOn(id) {
    // the claim with the shown claims it links to, no closer than one SVG unit a pixel
    var g = current.nodes[id];
    if (!g) { return; }
    var near = [id].concat(childrenOf(id), (above[id] || []).map(function (r) { return r.to; }));
    var shown = near.filter(function (k) {
      return current.nodes[k] && !current.nodes[k].classList.contains("off");
    }).map(function (k) { return current.nodes[k]; });
    var box = boxOf(current, shown);
    var rect = current.svg.getBoundingClientRect();
    if (box.w > 3 * (rect.width || box.w) || box.h > 3 * (rect.height || box.h)) {
      box = boxOf(current, [g]);  // too spread out to read: the claim alone
    }
    fitTo(current, box, true);
  }

  function show(name) {
    var frame = frames[name] || MAP;
    Object.keys(frames).forEach(function (key) {
      frames[key].frame.hidden = frames[key] !== frame;
    });
    current = frame;
    document.body.setAttribute("data-picture", name in frames ? name : "map");
    if (frame === MAP) { apply(); } else {
      statusLine.textContent = "overview: " + Object.keys(frame.nodes).length + " of " +
        data.claims.length + " claims";
    }
    markSelected();
  }

  // --- opening a claim -----------------------------------------------------------------------
  function severityOf(list) {
    var order = ["error", "warning", "info"];
    var worst = "";
    list.forEach(function (n) {
      var s = data.findings[n].severity;
      if (worst === "" || order.indexOf(s) < order.indexOf(worst)) { worst = s; }
    });
    return worst;
  }
  function claimButton(id) {
    var c = claims[id];
    var b = el("button", { type: "button", "class": "claim-link", "data-open": id },
               [id + (c ? " (" + c.kind + ")" : "")]);
    b.addEventListener("click", function () { openClaim(id, true); });
    return b;
  }
  function section(title, children) {
    return el("section", {}, [el("h3", {}, [title])].concat(children));
  }
  function describeSource(source) {
    if (!source || !source.id) { return ""; }
    var parts = [source.cite];
    if (source.title) { parts.push(source.title); }
    if (source.container) { parts.push(source.container); }
    if (source.url) { parts.push(source.url); }
    return parts.join(" — ") + " [" + source.id + "]";
  }
  function evidenceItem(id) {
    var e = data.evidence[id];
    if (!e) { return el("li", {}, [id + ": no such evidence item"]); }
    var items = [el("p", { "class": "cite" }, [
      el("strong", {}, [id]), " ", describeSource(e.source),
      e.locator ? ", " + e.locator : "",
      e.via && e.via.id ? " (quoted in " + describeSource(e.via) + ")" : ""
    ])];
    if (e.quote) {
      items.push(el("blockquote", { "class": "quote" }, [e.quote]));
      var a = e.anchor || {};
      if (a.span !== undefined) {
        items.push(el("p", { "class": "anchor" }, [
          "found in the snapshot of " + a.snapshot + " (" + a.status +
          (a.status === "fuzzy" ? ", " + Math.round(a.similarity * 100) + "% similar" : "") +
          ", characters " + a.start + "–" + a.end + "):"
        ]));
        items.push(el("p", { "class": "context" }, [
          (a.cut_before ? "…" : "") + a.before,
          el("mark", { "class": "quote-span" }, [a.span]),
          a.after + (a.cut_after ? "…" : "")
        ]));
      } else {
        items.push(el("p", { "class": "anchor not-found" }, [
          "not found in a snapshot: " + (a.status || "unchecked") +
          (a.reason ? " — " + a.reason : "")
        ]));
      }
    }
    if (e.note) { items.push(el("p", { "class": "note" }, ["note: " + e.note])); }
    return el("li", { "class": "evidence", "data-evidence": id }, items);
  }
  function findingItem(n, withNode) {
    var f = data.findings[n];
    var words = [el("span", { "class": "sev sev-" + f.severity }, [f.severity]), " ",
                 el("code", {}, [f.code]), " ",
                 f.where ? el("span", { "class": "where" }, [f.where]) : null, " ",
                 f.message];
    if (f.hint) { words.push(el("span", { "class": "hint" }, [" hint: " + f.hint])); }
    if (f.suppressed) { words.push(" (suppressed: " + f.suppressed + ")"); }
    if (!withNode) { return el("li", { "class": "finding" }, words); }
    var target = findingClaim(n);
    var button = el("button", { type: "button", "class": "finding-jump", "data-finding": String(n) },
                    words);
    if (target) {
      button.addEventListener("click", function () { openClaim(target, true); });
    } else {
      button.disabled = true;
      button.setAttribute("title", "this finding is about the map, not one claim");
    }
    return el("li", { "class": "finding", "data-severity": f.severity, "data-code": f.code },
              [button]);
  }
  var findingClaims = {};
  data.claims.forEach(function (c) {
    c.findings.forEach(function (n) { if (findingClaims[n] === undefined) { findingClaims[n] = c.id; } });
  });
  function findingClaim(n) { return findingClaims[n]; }

  function renderPanel(c) {
    clear(panelBody);
    panelEmpty.hidden = true;
    var kids = childrenOf(c.id);
    var shownKids = kids.filter(function (k) { return visible[k]; }).length;
    var status = c.status;
    var head = [
      el("h2", { id: "panel-title" }, [c.id + " · " + c.kind]),
      c.title ? el("p", { "class": "title" }, [c.title]) : null,
      el("p", { "class": "claim-text" }, [c.text]),
      el("p", { "class": "meta" }, [
        c.section ? "section: " + c.section : "",
        c.tags.length ? (c.section ? "; " : "") + "tags: " + c.tags.join(", ") : "",
        c.period ? "; period: " + c.period : ""
      ]),
      el("p", { "class": "grounded" }, [
        "grounded status: ", el("span", { "class": "label label-" + status.label }, [status.label]),
        status.reason ? " — " + status.reason : (status.label === "in" ? " — no argument against it stands" : "")
      ])
    ];
    var expand = el("button", { type: "button", id: "expand", "aria-pressed": shownKids === kids.length && kids.length ? "true" : "false" },
      [kids.length === 0 ? "No supports or attacks" :
       (shownKids === kids.length && current === MAP ? "Hide" : "Show") + " its supports and attacks (" + kids.length + ")"]);
    expand.disabled = kids.length === 0;
    expand.addEventListener("click", function () { toggleExpand(c.id); });
    head.push(el("p", {}, [expand]));
    var links = [];
    (below[c.id] || []).forEach(function (r) {
      links.push(el("li", {}, [r.id + ": "].concat(r.from.map(claimButton)).concat([" " + r.type + (r.type === "undercuts" ? " " + r.to : "") + (r.label ? " (" + r.label + ")" : "")])));
    });
    (above[c.id] || []).forEach(function (r) {
      links.push(el("li", {}, [r.id + ": " + r.type + " ", relations[r.to] && r.type === "undercuts" ? r.to : claimButton(r.to)]));
    });
    if (links.length) { head.push(section("Relations", [el("ul", { "class": "relations" }, links)])); }
    if (c.figures.length) {
      head.push(section("Figures as read", [el("table", { "class": "figures" }, [
        el("thead", {}, [el("tr", {}, [el("th", {}, ["figure"]), el("th", {}, ["as written"]),
                                       el("th", {}, ["read as"]), el("th", {}, ["period"])])]),
        el("tbody", {}, c.figures.map(function (q) {
          return el("tr", {}, [el("td", {}, [q.id]), el("td", {}, [q.text]),
                               el("td", {}, [q.value]), el("td", {}, [q.period])]);
        }))
      ])]));
    }
    if (c.evidence.length) {
      head.push(section("Evidence (" + c.evidence.length + ")",
                        [el("ol", { "class": "evidence-list" }, c.evidence.map(evidenceItem))]));
    }
    if (c.findings.length) {
      head.push(section("Findings (" + c.findings.length + ")",
                        [el("ul", { "class": "claim-findings" },
                            c.findings.map(function (n) { return findingItem(n, false); }))]));
    }
    if (c.note) { head.push(el("p", { "class": "note" }, ["note: " + c.note])); }
    head.forEach(function (node) { if (node) { panelBody.appendChild(node); } });
  }

  function markSelected() {
    Object.keys(frames).forEach(function (key) {
      var nodes = frames[key].nodes;
      Object.keys(nodes).forEach(function (id) { nodes[id].classList.toggle("selected", id === selected); });
    });
  }

  function openClaim(id, move) {
    var c = claims[id];
    if (!c) { return; }
    if (!current.nodes[id]) { show("map"); }
    if (current === MAP && !visible[id]) { pinned[id] = true; apply(); }
    selected = id;
    markSelected();
    renderPanel(c);
    document.body.classList.add("panel-open");  // first: the picture's size changes
    if (move && current.nodes[id]) {  // a section's page lists claims it does not draw
      centreOn(id);
      current.nodes[id].focus({ preventScroll: true });
    }
  }

  function toggleExpand(id) {
    var kids = childrenOf(id);
    if (!kids.length) { return; }
    var leaving = current !== MAP;
    if (leaving) { show("map"); }
    var allShown = kids.every(function (k) { return visible[k]; });
    if (allShown && !leaving) {
      delete expanded[id];
      kids.forEach(function (k) { delete pinned[k]; });
    } else {
      expanded[id] = true;
      if (!visible[id]) { pinned[id] = true; }
    }
    apply();
    if (leaving || !allShown) {
      fitTo(MAP, boxOf(MAP, [id].concat(kids).filter(function (k) { return visible[k]; })
        .map(function (k) { return MAP.nodes[k]; }).filter(Boolean)), true);
    }
    if (selected === id) { renderPanel(claims[id]); }
    var g = MAP.nodes[id];
    if (g) { g.focus({ preventScroll: true }); }
  }

  // --- wiring: nodes, keyboard, pan and zoom ---------------------------------------------------
  var drag = null;
  var moved = false;
  Object.keys(frames).forEach(function (key) {
    var frame = frames[key];
    Object.keys(frame.nodes).forEach(function (id) {
      var g = frame.nodes[id];
      g.addEventListener("click", function () {
        if (moved) { return; }
        openClaim(id, false);
      });
      g.addEventListener("dblclick", function () { toggleExpand(id); });
      g.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); openClaim(id, false); }
        else if (event.key === "e" || event.key === "E" || event.key === " ") {
          event.preventDefault(); toggleExpand(id);
        }
      });
      g.addEventListener("focus", function () {
        var box = boxOf(frame, [g]);
        var v = frame.view;
        if (box && (box.x < v.x || box.y < v.y || box.x + box.w > v.x + v.w ||
                    box.y + box.h > v.y + v.h)) {
          setView(frame, { x: box.x + box.w / 2 - v.w / 2, y: box.y + box.h / 2 - v.h / 2,
                           w: v.w, h: v.h });
        }
      });
    });
    frame.svg.addEventListener("pointerdown", function (event) {
      drag = { x: event.clientX, y: event.clientY, id: event.pointerId };
      moved = false;
    });
    frame.svg.addEventListener("pointermove", function (event) {
      if (!drag || drag.id !== event.pointerId) { return; }
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
      if (!moved) { frame.svg.setPointerCapture(event.pointerId); }
      moved = true;
      var scale = frame.view.w / (frame.svg.getBoundingClientRect().width || 1);
      var aspectScale = Math.max(scale, frame.view.h / (frame.svg.getBoundingClientRect().height || 1));
      pan(-dx * aspectScale, -dy * aspectScale);
      drag.x = event.clientX; drag.y = event.clientY;
    });
    frame.svg.addEventListener("pointerup", function () { drag = null; });
    frame.svg.addEventListener("pointercancel", function () { drag = null; moved = false; });
    frame.svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = toSvg(frame, event.clientX, event.clientY);
      zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, p.x, p.y);
    }, { passive: false });
  });
  viewport.addEventListener("keydown", function (event) {
    var v = current.view;
    var step = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] }[event.key];
    if (step) { event.preventDefault(); pan(step[0] * v.w, step[1] * v.h); }
    else if (event.key === "+" || event.key === "=") { event.preventDefault(); zoom(1.25); }
    else if (event.key === "-" || event.key === "_") { event.preventDefault(); zoom(1 / 1.25); }
    else if (event.key === "0") { event.preventDefault(); fit(); }
  });

  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 1.25); });
  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("show-all").addEventListener("click", function () {
    show("map");
    data.claims.forEach(function (c) { base[c.id] = true; });
    apply(); fit();
  });
  document.getElementById("show-overview").addEventListener("click", function () {
    resetState();
    show(frames.overview ? "overview" : "map");
    fit();
  });

  // --- search ---------------------------------------------------------------------------------
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var exact = [], rest = [];
    data.claims.forEach(function (c) {
      if (c.id.toLowerCase() === q) { exact.push(c); return; }
      var hay = (c.id + " " + c.title + " " + c.text).toLowerCase();
      if (hay.indexOf(q) >= 0) { rest.push(c); }
    });
    return exact.concat(rest);
  }
  function runSearch() {
    var found = matches(search.value);
    clear(results);
    var ids = {};
    found.forEach(function (c) { ids[c.id] = true; });
    Object.keys(frames).forEach(function (key) {
      var nodes = frames[key].nodes;
      Object.keys(nodes).forEach(function (id) { nodes[id].classList.toggle("match", !!ids[id]); });
    });
    results.hidden = search.value.trim() === "";
    if (!found.length) {
      results.appendChild(el("li", { "class": "none" }, ["no claim matches"]));
      return found;
    }
    found.slice(0, 30).forEach(function (c) {
      var words = c.title || c.text;
      var b = el("button", { type: "button", "class": "result", "data-open": c.id },
                 [el("strong", {}, [c.id]), " " + (words.length > 90 ? words.slice(0, 89) + "…" : words)]);
      b.addEventListener("click", function () { results.hidden = true; openClaim(c.id, true); });
      results.appendChild(el("li", {}, [b]));
    });
    if (found.length > 30) { results.appendChild(el("li", { "class": "none" }, ["and " + (found.length - 30) + " more"])); }
    return found;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      var found = runSearch();
      if (found.length) { results.hidden = true; openClaim(found[0].id, true); }
    } else if (event.key === "Escape") {
      search.value = ""; runSearch();
    }
  });

  // --- findings panel -------------------------------------------------------------------------
  var severityBox = document.getElementById("severity-filter");
  var ruleFilter = document.getElementById("rule-filter");
  var findingsList = document.getElementById("findings-list");
  var severities = ["error", "warning", "info"];
  var wanted = { error: true, warning: true, info: true };
  severities.forEach(function (s) {
    var n = data.findings.filter(function (f) { return f.severity === s; }).length;
    var box = el("input", { type: "checkbox", id: "sev-" + s, value: s });
    box.checked = true;
    box.addEventListener("change", function () { wanted[s] = box.checked; fillFindings(); });
    severityBox.appendChild(el("label", { "for": "sev-" + s }, [box, " " + s + " (" + n + ")"]));
  });
  var codes = {};
  data.findings.forEach(function (f) { codes[f.code] = f.rule; });
  ruleFilter.appendChild(el("option", { value: "" }, ["every rule"]));
  Object.keys(codes).sort().forEach(function (code) {
    ruleFilter.appendChild(el("option", { value: code }, [code + " " + codes[code]]));
  });
  ruleFilter.addEventListener("change", fillFindings);
  function fillFindings() {
    clear(findingsList);
    var shown = 0;
    data.findings.forEach(function (f, n) {
      if (!wanted[f.severity] || (ruleFilter.value && ruleFilter.value !== f.code)) { return; }
      findingsList.appendChild(findingItem(n, true));
      shown += 1;
    });
    if (!shown) { findingsList.appendChild(el("li", { "class": "none" }, ["no findings"])); }
  }
  findingsToggle.textContent = "Findings (" + data.findings.length + ")";
  findingsToggle.addEventListener("click", function () {
    var open = findingsBox.hidden;
    findingsBox.hidden = !open;
    findingsToggle.setAttribute("aria-expanded", open ? "true" : "false");
    document.body.classList.toggle("findings-open", open);
    if (open) { fillFindings(); }
  });

  // --- print: the whole of what is shown, fitted ---------------------------------------------
  window.addEventListener("beforeprint", function () {
    fillFindings();
    fit();
  });

  // --- start on the overview -----------------------------------------------------------------
  Object.keys(MAP.nodes).forEach(function (id) {
    var c = claims[id];
    if (c && c.findings.length) { MAP.nodes[id].setAttribute("data-severity", severityOf(c.findings)); }
  });
  resetState();
  show(frames.overview ? "overview" : "map");
  fit();
  document.body.classList.add("ready");
  if (window.performance && performance.mark) { performance.mark("argmap-ready"); }
}());
