package progress

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
)

// Formats are the formats Encode writes.
var Formats = []string{"json", "html", "pdf"}

// Encode writes the report in format, one of Formats.
func Encode(w io.Writer, rep *Report, format string) error {
	switch format {
	case "json":
		return EncodeJSON(w, rep)
	case "html":
		return EncodeHTML(w, rep)
	case "pdf":
		return EncodePDF(w, rep)
	}
	return fmt.Errorf("progress: format %q: give one of %s", format, strings.Join(Formats, ", "))
}

// EncodeJSON writes the report as indented JSON.
func EncodeJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// EncodeHTML writes the report as one self-contained HTML page: progress
// by pillar and objective, late actions, indicators off track, spending
// against plan and the latest status of every action. Text from the
// workbook is escaped.
//
// The page is written directly rather than through html/template: the
// same engine runs in the browser workbook, where the template packages
// would add about 150 KB to the compressed page for this one report.
func EncodeHTML(w io.Writer, rep *Report) error {
	if _, err := texts(); err != nil {
		return err
	}
	p := &htmlPage{rep: rep, n: numbersIn(rep.Language)}
	p.head()
	p.pillars()
	p.objectives()
	p.late()
	p.offTrack()
	p.spending()
	p.actions()
	p.raw("</body>\n</html>\n")
	_, err := io.WriteString(w, p.b.String())
	return err
}

// htmlPage builds the progress page; every text it did not write itself
// goes through esc.
type htmlPage struct {
	b   strings.Builder
	rep *Report
	n   numbers
}

// htmlEscaper escapes the characters html/template escapes in text and
// in quoted attributes, so the page reads the same in either.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "'", "&#39;", "&", "&amp;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func (p *htmlPage) raw(s ...string) {
	for _, x := range s {
		p.b.WriteString(x)
	}
}

func (p *htmlPage) esc(s string) { htmlEscaper.WriteString(&p.b, s) }

// t writes the report's text for key, escaped.
func (p *htmlPage) t(key string, args ...string) { p.esc(text(p.rep.Language, key, args...)) }

// row writes one table row: the cells alternate class ("" or "n") and
// text, every text escaped.
func (p *htmlPage) row(class string, cells ...string) {
	p.raw("<tr", class, ">")
	for i := 0; i+1 < len(cells); i += 2 {
		if cells[i] == "n" {
			p.raw(`<td class="n">`)
		} else {
			p.raw("<td>")
		}
		p.esc(cells[i+1])
		p.raw("</td>")
	}
	p.raw("</tr>\n")
}

// heading writes a section heading from a text key.
func (p *htmlPage) heading(key string) {
	p.raw("<h2>")
	p.t(key)
	p.raw("</h2>\n")
}

// none writes the paragraph that stands for an empty table.
func (p *htmlPage) none(key string) {
	p.raw("<p>")
	p.t(key)
	p.raw("</p>\n\n")
}

// header writes a table's opening and its header row from text keys.
func (p *htmlPage) header(keys ...string) {
	p.raw("<table>\n<tr>")
	for _, k := range keys {
		p.raw("<th>")
		if k != "" {
			p.t(k)
		}
		p.raw("</th>")
	}
	p.raw("</tr>\n")
}

func (p *htmlPage) head() {
	rep := p.rep
	p.raw("<!DOCTYPE html>\n<html lang=\"")
	p.esc(rep.Language)
	p.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>")
	p.t("title")
	if rep.Title != "" {
		p.raw(": ")
		p.esc(rep.Title)
	}
	p.raw("</title>\n", pageStyle, "</head>\n<body>\n<h1>")
	p.t("title")
	p.raw("</h1>\n<p class=\"meta\">")
	if rep.Country != "" {
		p.esc(rep.Country)
		p.raw(" · ")
	}
	p.esc(rep.Title)
	if rep.Version != "" {
		p.raw(" · ")
		p.t("version")
		p.raw(" ")
		p.esc(rep.Version)
	}
	p.raw("<br>\n")
	if rep.AsOf != "" {
		p.t("asOf", "period", rep.AsOf, "n", strconv.Itoa(rep.Reports))
	} else {
		p.t("none")
	}
	p.raw("\n")
	p.t("overall")
	p.raw(" <strong>")
	p.esc(p.n.pct(rep.Overall))
	p.raw("</strong>.</p>\n\n")
}

func (p *htmlPage) pillars() {
	p.heading("s.pillars")
	p.header("col.pillar", "col.objectives", "col.actions", "col.objectiveWeights", "col.weightedProgress", "")
	for _, x := range p.rep.Pillars {
		p.raw("<tr><td>")
		p.esc(x.Pillar)
		p.raw(`</td><td class="n">`, strconv.Itoa(x.Objectives), `</td><td class="n">`, strconv.Itoa(x.Actions), `</td><td class="n">`)
		p.esc(p.n.num(x.Weight))
		p.raw(`</td><td class="n">`)
		p.esc(p.n.pct(x.Progress))
		p.raw(`</td><td><div class="bar"><span style="width:`, strconv.FormatFloat(min(max(x.Progress, 0), 100), 'f', 1, 64), "%\"></span></div></td></tr>\n")
	}
	p.raw("</table>\n\n")
}

func (p *htmlPage) objectives() {
	p.heading("s.objectives")
	p.header("col.id", "col.objective", "col.actions", "col.weight", "col.weightedProgress")
	for _, o := range p.rep.Objectives {
		class := ""
		if o.Goal {
			class = ` class="goal"`
		}
		p.row(class, "", o.ID, "", o.Text, "n", strconv.Itoa(o.Actions), "n", p.n.num(o.Weight), "n", p.n.pct(o.Progress))
	}
	p.raw("</table>\n\n")
}

func (p *htmlPage) late() {
	p.heading("s.late")
	var late []ActionStatus
	for _, a := range p.rep.Actions {
		if a.Late {
			late = append(late, a)
		}
	}
	if len(late) == 0 {
		p.none("noLate")
		return
	}
	p.header("col.action", "col.title", "col.end", "col.status", "col.progress", "col.comment")
	for _, a := range late {
		p.row("", "", a.ID, "", a.Title, "", a.End, "", a.Status, "n", p.n.pct(a.Progress), "", a.Comment)
	}
	p.raw("</table>\n\n")
}

func (p *htmlPage) offTrack() {
	p.heading("s.off")
	var off []IndicatorStatus
	for _, k := range p.rep.Indicators {
		if k.Light == "atRisk" || k.Light == "offTrack" {
			off = append(off, k)
		}
	}
	if len(off) == 0 {
		p.none("noOff")
		return
	}
	p.header("col.kpi", "col.indicator", "col.unit", "col.baseline", "col.latest", "col.target", "col.light")
	for _, k := range off {
		label, ok := p.rep.Labels[k.Light]
		if !ok {
			label = k.Light
		}
		p.raw("<tr><td>")
		p.esc(k.ID)
		p.raw("</td><td>")
		p.esc(k.Name)
		p.raw("</td><td>")
		p.esc(k.Unit)
		p.raw(`</td><td class="n">`)
		p.esc(p.n.val(k.Baseline))
		p.raw(`</td><td class="n">`)
		p.esc(p.n.val(k.Latest))
		p.raw(`</td><td class="n">`)
		p.esc(p.n.val(latestTarget(k)))
		p.raw(`</td><td class="`)
		p.esc(k.Light)
		p.raw(`">`)
		p.esc(label)
		p.raw("</td></tr>\n")
	}
	p.raw("</table>\n\n")
}

// latestTarget is the target of the latest period that has an actual.
func latestTarget(k IndicatorStatus) *float64 {
	for i := len(k.Actuals) - 1; i >= 0; i-- {
		if k.Actuals[i] != nil && i < len(k.Targets) {
			return k.Targets[i]
		}
	}
	return nil
}

func (p *htmlPage) spending() {
	rep, m := p.rep, p.n.money
	p.raw("<h2>")
	p.t("s.spending")
	p.raw(" (")
	p.esc(rep.Currency)
	p.raw("; ")
	p.esc(p.n.num(rep.Rate))
	p.raw(" ")
	p.t("perUSD")
	p.raw(")</h2>\n")
	p.header("col.year", "col.planned", "col.secured", "col.pledged", "col.gap", "col.spent", "col.plannedUSD", "col.spentUSD")
	for _, s := range rep.Spending {
		p.row("", "", strconv.Itoa(s.Year), "n", m(s.Planned), "n", m(s.Secured), "n", m(s.Pledged), "n", m(s.Gap), "n", m(s.Spent), "n", m(s.PlannedUSD), "n", m(s.SpentUSD))
	}
	p.raw("</table>\n")
	p.header("col.funding", "col.planned", "col.secured", "col.pledged", "col.gap", "col.spent")
	for _, f := range rep.ByFunding {
		p.row("", "", f.Funding, "n", m(f.Planned), "n", m(f.Secured), "n", m(f.Pledged), "n", m(f.Gap), "n", m(f.Spent))
	}
	p.raw("</table>\n\n")
}

func (p *htmlPage) actions() {
	p.heading("s.actions")
	p.header("col.action", "col.pillar", "col.title", "col.period", "col.status", "col.progress", "col.comment")
	for _, a := range p.rep.Actions {
		p.row("", "", a.ID, "", a.Pillar, "", a.Title, "", a.Period, "", a.Status, "n", p.n.pct(a.Progress), "", a.Comment)
	}
	p.raw("</table>\n")
}

const pageStyle = `<style>
body{font-family:Calibri,Carlito,"Segoe UI",Arial,sans-serif;margin:2em auto;max-width:60em;color:#1a1a1a;line-height:1.4}
h1{color:#1f3864;font-size:1.6em;margin-bottom:.2em}
h2{color:#1f3864;border-bottom:2px solid #1f3864;font-size:1.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border:1px solid #bfbfbf;padding:.25em .4em;text-align:left;vertical-align:top}
th{background:#1f3864;color:#fff}
td.n{text-align:right;white-space:nowrap}
tr.goal td{font-weight:bold}
.bar{background:#e7ecf5;height:.8em;min-width:8em}
.bar span{display:block;height:100%;background:#2f5597}
.onTrack{background:#c6efce}.atRisk{background:#ffd966;font-weight:bold}.offTrack{background:#c00000;color:#fff;font-weight:bold}
.meta{color:#404040}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}}
</style>
`

// numbers writes the report's numbers as the workbook's language writes
// them: 1,234.5 and 12.5% in English, 1.234,5 and 12,5 % in Spanish.
type numbers struct{ loc locale.Locale }

func numbersIn(lang string) numbers { return numbers{locale.For(lang)} }

// pct writes a percentage with one decimal; languages other than English
// put a no-break space before the sign.
func (n numbers) pct(x float64) string {
	if n.loc.Lang() == "en" {
		return n.loc.Decimal(x, 1) + "%"
	}
	return n.loc.Decimal(x, 1) + "\u00a0%"
}

// num writes a number with the decimals it needs.
func (n numbers) num(x float64) string { return n.loc.Number(x) }

// money writes an amount rounded to a whole unit, its thousands grouped.
func (n numbers) money(x float64) string { return n.loc.Int(int64(math.Round(x))) }

// val writes an indicator's value, or a dash for none.
func (n numbers) val(p *float64) string {
	if p == nil {
		return "–"
	}
	return n.num(*p)
}
