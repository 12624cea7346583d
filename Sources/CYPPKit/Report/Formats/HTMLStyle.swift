/// The report's one stylesheet, inlined so the file stands alone. Screen: a readable column.
/// Print: A4, each outcome on a new page, BRAG colours kept, rows never split.
enum HTMLStyle {
    static let css = """
        :root {
          --blue: #1f5fbf; --red: #c62828; --amber: #f2a900; --green: #2e7d32; --grey: #9e9e9e;
          --ink: #1d2330; --muted: #5b6472; --line: #d8dde5; --wash: #f4f6f9;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 15px/1.45 "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif; }
        .page { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
        header.masthead { border-bottom: 4px solid var(--blue); padding-bottom: 14px; margin-bottom: 18px; }
        .kicker { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: .04em; text-transform: uppercase; }
        h1 { margin: 4px 0 8px; font-size: 28px; line-height: 1.2; }
        h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        .meta { margin: 0; color: var(--muted); }
        .meta b { color: var(--ink); font-weight: 600; }
        nav.toc { margin: 10px 0 0; font-size: 13px; }
        nav.toc a { color: var(--blue); margin-right: 14px; text-decoration: none; }
        nav.toc a:hover { text-decoration: underline; }
        .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin: 6px 0 18px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--wash); }
        .card .num { display: block; font-size: 30px; font-weight: 700; line-height: 1.1; }
        .card .lbl { display: block; font-size: 13px; color: var(--muted); }
        .card .sub { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }
        .card.alert { border-color: var(--red); background: #fdf1f1; }
        .card.alert .num { color: var(--red); }
        .card.good .num { color: var(--blue); }
        .bars { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
        figure { margin: 0; }
        figcaption { font-weight: 600; font-size: 13px; margin-bottom: 4px; }
        svg.bar { display: block; width: 100%; height: auto; border-radius: 4px; }
        svg.bar.compact { width: 200px; max-width: 100%; border-radius: 3px; }
        td.barcell { width: 210px; min-width: 150px; }
        .seg.blue { fill: var(--blue); } .seg.red { fill: var(--red); } .seg.amber { fill: var(--amber); }
        .seg.green { fill: var(--green); } .seg.grey { fill: var(--grey); }
        .seg.unrated { fill: #fff; stroke: #8a93a0; stroke-width: 1; stroke-dasharray: 4 3; }
        svg text.lbl { font: 600 13px "Segoe UI", system-ui, Arial, sans-serif; text-anchor: middle; dominant-baseline: central; }
        svg.compact text.lbl { font-size: 12px; }
        svg text.light { fill: #fff; } svg text.dark { fill: #1d2330; }
        ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 0; margin: 6px 0 0; font-size: 13px; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
        .swatch.blue { background: var(--blue); } .swatch.red { background: var(--red); } .swatch.amber { background: var(--amber); }
        .swatch.green { background: var(--green); } .swatch.grey { background: var(--grey); }
        .swatch.unrated { background: #fff; border: 1px dashed #8a93a0; }
        .pct { color: var(--muted); }
        dl.key { margin: 6px 0 10px; font-size: 13px; }
        dl.key dt { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); margin-bottom: 4px; }
        dl.key dd { margin: 0 0 5px; } dl.key .chip { margin-right: 6px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 6px 0 10px; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
        th { background: var(--wash); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
        table.ratings { margin-top: 14px; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.ref { white-space: nowrap; font-weight: 600; }
        td.due { min-width: 6.5em; max-width: 11em; }
        .narr { display: block; color: var(--muted); font-size: 13px; margin-top: 3px; white-space: pre-line; }
        .owner-cells { color: var(--muted); font-size: 12px; }
        .chip { display: inline-block; min-width: 4.6em; text-align: center; padding: 1px 7px; border-radius: 10px;
          font-size: 12px; font-weight: 600; border: 1px solid transparent; white-space: nowrap; }
        .chip.blue { background: var(--blue); color: #fff; } .chip.red { background: var(--red); color: #fff; }
        .chip.amber { background: var(--amber); color: #2b2100; } .chip.green { background: var(--green); color: #fff; }
        .chip.grey { background: var(--grey); color: #1d2330; } .chip.unrated { background: #fff; color: var(--muted); border: 1px dashed #8a93a0; }
        .why { display: inline-block; margin: 0 4px 3px 0; padding: 1px 6px; border-radius: 4px; font-size: 12px;
          border: 1px solid var(--line); background: #fff; white-space: nowrap; }
        .why.severe { border-color: var(--red); color: var(--red); font-weight: 600; }
        .why.warn { border-color: #b07b00; color: #7a5500; }
        .status { white-space: nowrap; font-size: 13px; }
        .status.overdue { color: var(--red); font-weight: 600; }
        .status.due-soon { color: #7a5500; font-weight: 600; }
        .status.complete { color: var(--blue); }
        .travel { white-space: nowrap; font-weight: 600; }
        .travel.up { color: var(--green); } .travel.down { color: var(--red); } .travel.aside { color: var(--muted); }
        .note { color: var(--muted); }
        td a { color: var(--blue); text-decoration: none; } td a:hover { text-decoration: underline; }
        .empty { color: var(--muted); font-style: italic; }
        section.outcome h2 .plan { color: var(--muted); font-weight: 400; }
        .outcome-summary { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; align-items: center; }
        footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media (max-width: 800px) {
          .cards { grid-template-columns: repeat(3, 1fr); } .bars, .outcome-summary { grid-template-columns: 1fr; }
          .page { padding: 16px; }
        }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { font-size: 9.5pt; }
          .page { max-width: none; padding: 0; }
          nav.toc { display: none; }
          h1 { font-size: 20pt; } h2 { font-size: 13pt; margin-top: 16pt; }
          table { font-size: 8.5pt; } th { font-size: 7.5pt; } .narr { font-size: 8pt; }
          .card .num { font-size: 18pt; }
          .cards { grid-template-columns: repeat(6, 1fr); gap: 6px; }
          section.outcome { break-before: page; page-break-before: always; }
          tr, figure, .card, .outcome-summary { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
