// Injected before </body> by BrowserLayoutTests: measures element boxes after layout and writes them into the DOM
// (<pre id="layout-probe">JSON</pre>), which `chromium --headless --dump-dom` then prints.
(function () {
  function contentHeight(td) {
    var range = document.createRange();
    range.selectNodeContents(td);
    var style = getComputedStyle(td);
    var pad = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
        // Text boxes are shorter than line boxes: round the text height up to whole lines.
    var line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
    var lines = Math.max(1, Math.ceil(range.getBoundingClientRect().height / line - 0.25));
    return lines * line + pad;
  }
  var tables = [];
  document.querySelectorAll('table.nmt-table').forEach(function (table, i) {
    var wrap = table.closest('.table-wrap') || table.parentElement;
    var column = table.closest('section') || document.body;
    var worst = { excess: 0, height: 0 };
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var cells = Array.prototype.slice.call(tr.children);
      var stacked = getComputedStyle(cells[0]).display !== 'table-cell';
      var natural = stacked
        ? cells.reduce(function (s, td) { return s + Math.max(contentHeight(td), td.getBoundingClientRect().height > 0 ? 0 : 0); }, 0)
          + parseFloat(getComputedStyle(tr).borderTopWidth) + parseFloat(getComputedStyle(tr).borderBottomWidth)
        : Math.max.apply(null, cells.map(contentHeight));
      var h = tr.getBoundingClientRect().height;
      if (h - natural > worst.excess || h > worst.height) {
        worst = { excess: Math.max(worst.excess, h - natural), height: Math.max(worst.height, h), stacked: stacked };
      }
    });
    var t = table.getBoundingClientRect(), c = column.getBoundingClientRect();
    tables.push({
      index: i, caption: table.caption ? table.caption.textContent : '',
      tableLeft: t.left, tableRight: t.right, columnLeft: c.left, columnRight: c.right,
      wrapScroll: wrap.scrollWidth - wrap.clientWidth, rowExcess: worst.excess, rowHeight: worst.height, stacked: !!worst.stacked
    });
  });
  var figures = [];
  document.querySelectorAll('figure svg, figure img').forEach(function (el, i) {
    var r = el.getBoundingClientRect(), c = (el.closest('section') || document.body).getBoundingClientRect();
    figures.push({ index: i, left: r.left, right: r.right, width: r.width, height: r.height, columnLeft: c.left, columnRight: c.right });
  });
  var pre = document.createElement('pre');
  pre.id = 'layout-probe';
  var json = JSON.stringify({ width: window.innerWidth, docScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth, tables: tables, figures: figures });
  pre.textContent = json;
  document.body.appendChild(pre);
  if (window.parent !== window) { window.parent.postMessage(json, '*'); }
})();
