package progress

import (
	"encoding/json"
	"fmt"
	"html/template"
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
func EncodeHTML(w io.Writer, rep *Report) error {
	p, err := page.Clone()
	if err != nil {
		return err
	}
	n := numbersIn(rep.Language)
	p.Funcs(template.FuncMap{"t": func(key string, args ...string) string { return text(rep.Language, key, args...) },
		"pct": n.pct, "num": n.num, "money": n.money, "val": n.val})
	return p.Execute(w, rep)
}

var funcs = template.FuncMap{
	"itoa": strconv.Itoa,
	"bar":  func(x float64) string { return strconv.FormatFloat(min(max(x, 0), 100), 'f', 1, 64) },
	"label": func(rep *Report, k string) string {
		if s, ok := rep.Labels[k]; ok {
			return s
		}
		return k
	},
	"late": func(rep *Report) []ActionStatus {
		var out []ActionStatus
		for _, a := range rep.Actions {
			if a.Late {
				out = append(out, a)
			}
		}
		return out
	},
	"off": func(rep *Report) []IndicatorStatus {
		var out []IndicatorStatus
		for _, k := range rep.Indicators {
			if k.Light == "atRisk" || k.Light == "offTrack" {
				out = append(out, k)
			}
		}
		return out
	},
	"target": func(k IndicatorStatus) *float64 {
		for i := len(k.Actuals) - 1; i >= 0; i-- {
			if k.Actuals[i] != nil && i < len(k.Targets) {
				return k.Targets[i]
			}
		}
		return nil
	},
}

var page = template.Must(template.New("progress").Funcs(funcs).Funcs(numbersIn("en").funcs()).Funcs(template.FuncMap{"t": func(string, ...string) string { return "" }}).Parse(`<!DOCTYPE html>
<html lang="{{.Language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{t "title"}}{{if .Title}}: {{.Title}}{{end}}</title>
<style>
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
</head>
<body>
<h1>{{t "title"}}</h1>
<p class="meta">{{if .Country}}{{.Country}} · {{end}}{{if .Title}}{{.Title}}{{end}}{{if .Version}} · {{t "version"}} {{.Version}}{{end}}<br>
{{if .AsOf}}{{t "asOf" "period" .AsOf "n" (itoa .Reports)}}{{else}}{{t "none"}}{{end}}
{{t "overall"}} <strong>{{pct .Overall}}</strong>.</p>

<h2>{{t "s.pillars"}}</h2>
<table>
<tr><th>{{t "col.pillar"}}</th><th>{{t "col.objectives"}}</th><th>{{t "col.actions"}}</th><th>{{t "col.objectiveWeights"}}</th><th>{{t "col.weightedProgress"}}</th><th></th></tr>
{{range .Pillars}}<tr><td>{{.Pillar}}</td><td class="n">{{.Objectives}}</td><td class="n">{{.Actions}}</td><td class="n">{{num .Weight}}</td><td class="n">{{pct .Progress}}</td><td><div class="bar"><span style="width:{{bar .Progress}}%"></span></div></td></tr>
{{end}}</table>

<h2>{{t "s.objectives"}}</h2>
<table>
<tr><th>{{t "col.id"}}</th><th>{{t "col.objective"}}</th><th>{{t "col.actions"}}</th><th>{{t "col.weight"}}</th><th>{{t "col.weightedProgress"}}</th></tr>
{{range .Objectives}}<tr{{if .Goal}} class="goal"{{end}}><td>{{.ID}}</td><td>{{.Text}}</td><td class="n">{{.Actions}}</td><td class="n">{{num .Weight}}</td><td class="n">{{pct .Progress}}</td></tr>
{{end}}</table>

<h2>{{t "s.late"}}</h2>
{{with late .}}<table>
<tr><th>{{t "col.action"}}</th><th>{{t "col.title"}}</th><th>{{t "col.end"}}</th><th>{{t "col.status"}}</th><th>{{t "col.progress"}}</th><th>{{t "col.comment"}}</th></tr>
{{range .}}<tr><td>{{.ID}}</td><td>{{.Title}}</td><td>{{.End}}</td><td>{{.Status}}</td><td class="n">{{pct .Progress}}</td><td>{{.Comment}}</td></tr>
{{end}}</table>{{else}}<p>{{t "noLate"}}</p>{{end}}

<h2>{{t "s.off"}}</h2>
{{$rep := .}}{{with off .}}<table>
<tr><th>{{t "col.kpi"}}</th><th>{{t "col.indicator"}}</th><th>{{t "col.unit"}}</th><th>{{t "col.baseline"}}</th><th>{{t "col.latest"}}</th><th>{{t "col.target"}}</th><th>{{t "col.light"}}</th></tr>
{{range .}}<tr><td>{{.ID}}</td><td>{{.Name}}</td><td>{{.Unit}}</td><td class="n">{{val .Baseline}}</td><td class="n">{{val .Latest}}</td><td class="n">{{val (target .)}}</td><td class="{{.Light}}">{{label $rep .Light}}</td></tr>
{{end}}</table>{{else}}<p>{{t "noOff"}}</p>{{end}}

<h2>{{t "s.spending"}} ({{.Currency}}; {{num .Rate}} {{t "perUSD"}})</h2>
<table>
<tr><th>{{t "col.year"}}</th><th>{{t "col.planned"}}</th><th>{{t "col.secured"}}</th><th>{{t "col.pledged"}}</th><th>{{t "col.gap"}}</th><th>{{t "col.spent"}}</th><th>{{t "col.plannedUSD"}}</th><th>{{t "col.spentUSD"}}</th></tr>
{{range .Spending}}<tr><td>{{.Year}}</td><td class="n">{{money .Planned}}</td><td class="n">{{money .Secured}}</td><td class="n">{{money .Pledged}}</td><td class="n">{{money .Gap}}</td><td class="n">{{money .Spent}}</td><td class="n">{{money .PlannedUSD}}</td><td class="n">{{money .SpentUSD}}</td></tr>
{{end}}</table>
<table>
<tr><th>{{t "col.funding"}}</th><th>{{t "col.planned"}}</th><th>{{t "col.secured"}}</th><th>{{t "col.pledged"}}</th><th>{{t "col.gap"}}</th><th>{{t "col.spent"}}</th></tr>
{{range .ByFunding}}<tr><td>{{.Funding}}</td><td class="n">{{money .Planned}}</td><td class="n">{{money .Secured}}</td><td class="n">{{money .Pledged}}</td><td class="n">{{money .Gap}}</td><td class="n">{{money .Spent}}</td></tr>
{{end}}</table>

<h2>{{t "s.actions"}}</h2>
<table>
<tr><th>{{t "col.action"}}</th><th>{{t "col.pillar"}}</th><th>{{t "col.title"}}</th><th>{{t "col.period"}}</th><th>{{t "col.status"}}</th><th>{{t "col.progress"}}</th><th>{{t "col.comment"}}</th></tr>
{{range .Actions}}<tr><td>{{.ID}}</td><td>{{.Pillar}}</td><td>{{.Title}}</td><td>{{.Period}}</td><td>{{.Status}}</td><td class="n">{{pct .Progress}}</td><td>{{.Comment}}</td></tr>
{{end}}</table>
</body>
</html>
`))

// numbers writes the report's numbers as the workbook's language writes
// them: 1,234.5 and 12.5% in English, 1.234,5 and 12,5 % in Spanish.
type numbers struct{ loc locale.Locale }

func numbersIn(lang string) numbers { return numbers{locale.For(lang)} }

func (n numbers) funcs() template.FuncMap {
	return template.FuncMap{"pct": n.pct, "num": n.num, "money": n.money, "val": n.val}
}

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
