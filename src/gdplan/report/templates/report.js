/* gdplan report: the unit filter, matrix sorting, expand/collapse. No network, no libraries. */
(function () {
  "use strict";
  var filter = document.getElementById("filter");
  var countOut = document.getElementById("filter-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.item"));
  var total = items.length;
  var entries = null; // built on first use: each item's units, chips, headings and document

  function prepare() {
    entries = items.map(function (li) {
      var headings = [];
      for (var node = li.parentElement; node; node = node.parentElement) {
        if (node.tagName === "LI" && node.classList.contains("heading")) headings.push(node);
      }
      var chips = Array.prototype.slice.call(li.querySelectorAll("button.chip"));
      return {
        li: li,
        chips: chips,
        units: chips.map(function (chip) { return chip.textContent + "\n" + (chip.getAttribute("data-group") || ""); }),
        headings: headings,
        doc: li.closest("details.document")
      };
    });
  }

  function matches(names, q) {
    for (var i = 0; i < names.length; i++) {
      if (names[i].indexOf(q) !== -1) return true;
    }
    return false;
  }

  function show(element, visible) {
    if (element.hidden === visible) element.hidden = !visible;
  }

  function applyFilter() {
    if (entries === null) prepare();
    var q = filter.value.trim();
    var shown = 0;
    var perDoc = new Map();
    var liveHeadings = new Set();
    entries.forEach(function (e) {
      var ok = !q || matches(e.units, q);
      show(e.li, ok);
      e.chips.forEach(function (chip) {
        var hit = !!q && chip.textContent.indexOf(q) !== -1;
        if (chip.classList.contains("hit") !== hit) chip.classList.toggle("hit", hit);
      });
      if (!ok) return;
      shown++;
      e.headings.forEach(function (h) { liveHeadings.add(h); });
      if (e.doc) perDoc.set(e.doc, (perDoc.get(e.doc) || 0) + 1);
    });
    // A heading stays when something below it stays; while filtering, open what matched.
    document.querySelectorAll("li.heading").forEach(function (h) {
      var any = liveHeadings.has(h);
      show(h, any);
      if (q && any && !h.firstElementChild.open) h.firstElementChild.open = true;
    });
    document.querySelectorAll("details.document").forEach(function (doc) {
      var n = perDoc.get(doc) || 0;
      show(doc, !q || n > 0);
      if (q && n > 0 && !doc.open) doc.open = true;
      var row = document.querySelector('#documents tr[data-doc="' + doc.id + '"]');
      if (row) {
        show(row, !q || n > 0);
        row.querySelector(".match").textContent = String(n);
      }
    });
    // While filtering, the matrix keeps only the columns of the items that remain.
    document.querySelectorAll("table.matrix col[data-item]").forEach(function (col) {
      var li = document.getElementById(col.getAttribute("data-item"));
      var collapse = !!q && (!li || li.hidden);
      var want = collapse ? "collapse" : "";
      if (col.style.visibility !== want) col.style.visibility = want;
    });
    document.querySelectorAll("table.matrix tbody tr").forEach(function (tr) {
      show(tr, !q || tr.getAttribute("data-name").indexOf(q) !== -1);
    });
    document.querySelectorAll("svg.chart g.bar").forEach(function (g) {
      var dim = !!q && g.getAttribute("data-name").indexOf(q) === -1;
      if (g.classList.contains("dim") !== dim) g.classList.toggle("dim", dim);
    });
    countOut.textContent = q ? "匹配 " + shown + " / " + total + " 项任务" : "共 " + total + " 项任务";
  }

  var pending = 0;
  filter.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(applyFilter, total > 2000 ? 120 : 0);
  });

  // A unit chip sets the filter to that unit.
  document.addEventListener("click", function (event) {
    var chip = event.target.closest("li.item button.chip");
    if (!chip) return;
    event.preventDefault();
    filter.value = chip.textContent;
    applyFilter();
    filter.focus();
  });

  document.querySelectorAll(".toolbar button[data-action]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("data-action") === "expand";
      document.querySelectorAll("main details").forEach(function (d) {
        if (!d.closest("[hidden]")) d.open = open;
      });
    });
  });

  // The matrix's item cells, built from each row's data-marks when the matrix is first shown.
  var markRoles = JSON.parse(document.querySelector("main").getAttribute("data-mark-roles") || "{}");
  function buildMatrix(table) {
    if (table.hasAttribute("data-built")) return;
    table.setAttribute("data-built", "");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      var marks = tr.getAttribute("data-marks") || "";
      var cells = document.createDocumentFragment();
      for (var i = 0; i < marks.length; i++) {
        var td = document.createElement("td");
        var role = markRoles[marks[i]];
        if (role) {
          td.className = "m " + role;
          td.textContent = marks[i];
        }
        cells.appendChild(td);
      }
      tr.appendChild(cells);
    });
  }
  document.querySelectorAll("table.matrix").forEach(function (table) {
    var fold = table.closest("details.fold");
    if (!fold || fold.open) buildMatrix(table);
    else fold.addEventListener("toggle", function () { if (fold.open) buildMatrix(table); });
  });

  // Sorting the matrix: by a count (largest first) or by name; a second click reverses.
  var collator = new Intl.Collator("zh-CN");
  document.querySelectorAll("table.matrix").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("th.sortable").forEach(function (th) {
      th.addEventListener("click", function () {
        var key = th.getAttribute("data-sort");
        var byName = key === "name";
        var current = th.getAttribute("aria-sort");
        var descending = byName ? current === "ascending" : current !== "descending";
        table.querySelectorAll("th.sortable").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var d = byName
            ? collator.compare(a.getAttribute("data-name"), b.getAttribute("data-name"))
            : Number(a.getAttribute("data-" + key)) - Number(b.getAttribute("data-" + key));
          if (d === 0) d = collator.compare(a.getAttribute("data-name"), b.getAttribute("data-name")) * (descending ? -1 : 1);
          return descending ? -d : d;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // Following a link into a closed document or heading opens it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) reveal();
})();
