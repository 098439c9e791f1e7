package region

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// EncodeHTML writes r as one self-contained HTML page: styles inline, no
// script, no external resource, a Content-Security-Policy that allows
// nothing else, every text escaped.
func EncodeHTML(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	title := r.l("h.title")
	p("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", esc(r.Language))
	p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
	p("<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(title), pageCSS)
	p("<header>\n")
	if r.Anonymised {
		p("<p class=\"marking public\">%s</p>\n", esc(r.Marking()))
	} else {
		p("<p class=\"marking\">%s</p>\n", esc(r.Marking()))
	}
	p("<h1>%s</h1>\n<p class=\"subtitle\">%s</p>\n</header>\n<main>\n", esc(title), esc(r.subtitle()))
	for i, t := range r.tables() {
		p("<section id=\"t%d\">\n", i+1)
		if i > 0 {
			p("<h2>%s</h2>\n", esc(t.title))
		}
		if t.note != "" {
			p("<p class=\"note\">%s</p>\n", esc(t.note))
		}
		writeHTMLTable(bw, t, i == 0)
		p("</section>\n")
	}
	p("</main>\n</body>\n</html>\n")
	return bw.Flush()
}

func writeHTMLTable(w *bufio.Writer, t table, kv bool) {
	class := strings.TrimPrefix(t.key, "s.")
	fmt.Fprintf(w, "<div class=\"wrap\">\n<table class=\"%s\">\n", esc(class))
	if !kv {
		w.WriteString("<thead><tr>")
		for _, h := range t.head {
			fmt.Fprintf(w, "<th>%s</th>", esc(h))
		}
		w.WriteString("</tr></thead>\n")
	}
	w.WriteString("<tbody>\n")
	for _, row := range t.rows {
		w.WriteString("<tr>")
		for i, c := range row {
			tag := "td"
			if kv && i == 0 {
				tag = "th"
			}
			attr := ""
			switch {
			case c.shade == -2:
				attr = ` class="hn"`
			case c.shade >= 0:
				attr = fmt.Sprintf(` class="h%d"`, c.shade)
			case c.num != nil:
				attr = ` class="n"`
			}
			fmt.Fprintf(w, "<%s%s>%s</%s>", tag, attr, strings.ReplaceAll(esc(c.text), "\n", "<br>"), tag)
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n</div>\n")
}

// esc escapes text for HTML element content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// pageCSS is the page's style sheet. The heat shades step from white to
// dark so that they stay apart in greyscale.
const pageCSS = `:root { --ink: #1b1b1b; --muted: #555; --rule: #cfcfcf; --accent: #1f3a5f; --tint: #eef2f7; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); line-height: 1.45; margin: 0; font-size: 10.5pt; }
header, main { max-width: 90rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 2rem; border-bottom: 4px solid var(--accent); }
.marking { font-weight: bold; letter-spacing: .06em; color: #a00; text-transform: uppercase; }
.marking.public { color: var(--accent); }
h1 { font-size: 2rem; margin: .2rem 0; color: var(--accent); }
.subtitle { font-size: 1.1rem; color: var(--muted); }
h2 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; font-size: 1.4rem; }
p.note { font-size: .9rem; color: var(--muted); }
.wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .4rem; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { background: var(--tint); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.heat td:not(:first-child), table.summary td[class^=h] { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.heat { font-size: .72rem; }
table.heat th, table.heat td { padding: .2rem .25rem; }
td.h0 { background: #ffffff; }
td.h1 { background: #f6dcc4; }
td.h2 { background: #e9a86f; }
td.h3 { background: #b85c1e; color: #fff; }
td.h4 { background: #6b2c05; color: #fff; }
td.hn { background: repeating-linear-gradient(45deg, #eee, #eee 4px, #fff 4px, #fff 8px); }
table.programmes td:last-child, table.evidence td:last-child { min-width: 28rem; }
table.programmes td:nth-child(3) { min-width: 16rem; }
table.programmes td:nth-child(4), table.programmes td:nth-child(5) { min-width: 9rem; }
table.programmes td:nth-child(6) { min-width: 12rem; }
@media print {
  body { font-size: 9pt; }
  section { page-break-inside: auto; }
  h2 { page-break-after: avoid; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
  .wrap { overflow: visible; }
}
`
