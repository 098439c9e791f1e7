package html

// css is the page's only style sheet: readable on screen, printable on A4
// or Letter, and legible in greyscale.
const css = `:root { --ink: #1b1b1b; --muted: #555; --rule: #cfcfcf; --accent: #1f3a5f; --tint: #eef2f7; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); line-height: 1.5; margin: 0; font-size: 11pt; }
main, .cover, .toc { max-width: 60rem; margin: 0 auto; padding: 0 1.5rem; }
.cover { padding-top: 4rem; padding-bottom: 3rem; border-bottom: 4px solid var(--accent); }
.cover .marking { font-weight: bold; letter-spacing: .08em; color: #a00; text-transform: uppercase; }
.cover .country { font-size: 1.4rem; margin: 2rem 0 0; color: var(--muted); }
.cover h1 { font-size: 2.2rem; margin: .2rem 0 .6rem; color: var(--accent); line-height: 1.2; }
.cover .subtitle { font-size: 1.1rem; }
.toc li.part { font-weight: bold; margin-top: .6rem; list-style: none; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin-top: 2rem; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
.cover .evidence { margin-top: 1.5rem; padding: .6rem .9rem; border-left: 5px solid #8a5a00; background: #fbf3e4; font-weight: bold; }
.toc ul { columns: 2; padding-left: 0; list-style: none; }
h2 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.5rem; font-size: 1.5rem; }
h3 { color: var(--accent); margin-top: 1.6rem; font-size: 1.15rem; }
.num { color: var(--muted); margin-right: .3rem; }
p.lead { font-size: 1.05em; font-weight: 600; border-left: 4px solid var(--accent); padding-left: .7rem; }
p.small { font-size: .85rem; color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
.table-wrap:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
caption { text-align: left; font-style: italic; color: var(--muted); padding-bottom: .3rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; vertical-align: top; text-align: left; overflow-wrap: break-word; hyphens: auto; }
th { background: var(--tint); }
tbody tr:nth-child(even) td { background: #fafafa; }
.t-raci td { text-align: center; font-weight: bold; }
.t-raci td:first-child { text-align: left; }
td.raci-a { background: #1f3a5f !important; color: #fff; }
td.raci-r { background: #5b7fa6 !important; color: #fff; }
td.raci-c { background: #c9d6e5 !important; }
td.raci-i { background: #eef2f7 !important; }
.callout { border-left: 5px solid var(--accent); background: var(--tint); padding: .6rem .9rem; margin: 1rem 0; }
.callout.warning { border-left-color: #8a5a00; background: #fbf3e4; }
.callout.note { border-left-color: #777; background: #f3f3f3; }
figure.chart { margin: 1.5rem 0; }
figure.chart img { width: 100%; height: auto; max-height: 40rem; }
figcaption { font-size: .85rem; color: var(--muted); }
@media print {
  body { font-size: 10pt; }
  .cover { page-break-after: always; border: 0; }
  .toc { page-break-after: always; }
  section { page-break-before: always; }
  h2, h3 { page-break-after: avoid; }
  tr, .callout, figure { page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .pagebreak { page-break-after: always; }
}
`
