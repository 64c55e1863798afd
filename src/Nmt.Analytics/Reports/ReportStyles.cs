namespace Nmt.Analytics.Reports;

/// <summary>The report's inlined stylesheet: readable on screen, print-friendly, no web fonts.</summary>
internal static class ReportStyles
{
    /// <summary>The CSS text.</summary>
    public const string Css = """
        :root { --ink: #1d2733; --muted: #5b6775; --accent: #0072B2; --warn: #D55E00; --line: #d9dee4; }
        * { box-sizing: border-box; }
        body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--ink);
               max-width: 1080px; margin: 0 auto; padding: 24px; line-height: 1.5; background: #fff; }
        header h1 { margin-bottom: 4px; }
        .subtitle { color: var(--muted); margin-top: 0; }
        nav ol { columns: 2; padding-left: 20px; color: var(--muted); }
        nav a { color: var(--accent); text-decoration: none; }
        section { border-top: 1px solid var(--line); padding-top: 12px; margin-top: 24px; }
        h2 { color: var(--accent); }
        figure { margin: 16px 0; text-align: center; }
        figure svg, figure img { max-width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: 0.9em; }
        .caveat { border-left: 4px solid var(--warn); background: #fff6ef; padding: 8px 12px; margin: 12px 0; }
        .omitted { color: var(--muted); font-style: italic; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 150px; }
        .card .value { font-size: 1.6em; font-weight: 600; }
        .card .label { color: var(--muted); font-size: 0.9em; }
        .table-wrap { max-width: 100%; overflow-x: auto; }
        table.nmt-table { border-collapse: collapse; font-size: 0.9em; margin: 8px 0; max-width: 100%; }
        table.nmt-table caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
        table.nmt-table th, table.nmt-table td { border-bottom: 1px solid var(--line); padding: 3px 8px; vertical-align: top; }
        table.nmt-table th { text-align: left; background: #f3f5f7; font-weight: 600; hyphens: none; }
        table.nmt-table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.nmt-table td.short { white-space: nowrap; }
        table.nmt-table td.text { min-width: 16em; overflow-wrap: anywhere; }
        .nmt-note { color: var(--muted); font-size: 0.85em; margin: 2px 0; }
        /* Phones: each row becomes a card of "column: value" lines, so no table is wider than the screen. */
        @media (max-width: 700px) {
          body { padding: 12px; }
          nav ol { columns: 1; }
          table.nmt-table, table.nmt-table tbody, table.nmt-table tr, table.nmt-table td { display: block; width: 100%; }
          table.nmt-table caption { display: block; }
          table.nmt-table thead { display: none; }
          table.nmt-table tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 8px; }
          table.nmt-table td, table.nmt-table td.num, table.nmt-table td.short, table.nmt-table td.text {
            display: flex; justify-content: space-between; gap: 12px; text-align: right; white-space: normal; min-width: 0;
            overflow-wrap: anywhere; border-bottom: 1px dotted var(--line); }
          table.nmt-table td::before { content: attr(data-label); color: var(--muted); text-align: left; flex: 0 0 45%; overflow-wrap: anywhere; }
          .cards .card { min-width: 0; flex: 1 1 40%; }
        }
        /* A4 print (chromium --print-to-pdf): each section starts a page; figures, tables and rows are never cut. */
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 9.5pt; }
          nav { display: none; }
          section { break-before: page; border-top: none; margin-top: 0; }
          section:first-of-type { break-before: auto; }
          h2, caption { break-after: avoid; }
          figure, .cards, .caveat, tr, li { break-inside: avoid; }
          figure svg, figure img { max-height: 120mm; width: auto; max-width: 100%; }
          .table-wrap { overflow: visible; }
          table.nmt-table { font-size: 8pt; }
          table.nmt-table thead { display: table-header-group; }
          a { color: inherit; }
        }

        """;
}
