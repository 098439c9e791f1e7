package progress

import (
	"encoding/json"
	"html/template"
	"io"
	"strconv"
	"strings"
)

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
	return page.Execute(w, rep)
}

var funcs = template.FuncMap{
	"pct": func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) + "%" },
	"money": func(x float64) string {
		s := strconv.FormatFloat(x, 'f', 0, 64)
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimPrefix(s, "-")
		var b strings.Builder
		for i, r := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		if neg {
			return "-" + b.String()
		}
		return b.String()
	},
	"val": func(p *float64) string {
		if p == nil {
			return "–"
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	},
	"bar": func(x float64) string { return strconv.FormatFloat(min(max(x, 0), 100), 'f', 1, 64) },
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

var page = template.Must(template.New("progress").Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="{{.Language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Progress report{{if .Title}}: {{.Title}}{{end}}</title>
<style>
body{font-family:Calibri,Carlito,"Segoe UI",Arial,sans-serif;margin:2em auto;max-width:60em;color:#1a1a1a;line-height:1.4}
h1{color:#1f3864;font-size:1.6em;margin-bottom:.2em}
h2{color:#1f3864;border-bottom:2px solid #1f3864;font-size:1.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border:1px solid #bfbfbf;padding:.25em .4em;text-align:left;vertical-align:top}
th{background:#1f3864;color:#fff}
td.n{text-align:right;white-space:nowrap}
.bar{background:#e7ecf5;height:.8em;min-width:8em}
.bar span{display:block;height:100%;background:#2f5597}
.onTrack{background:#c6efce}.atRisk{background:#ffd966;font-weight:bold}.offTrack{background:#c00000;color:#fff;font-weight:bold}
.meta{color:#404040}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}}
</style>
</head>
<body>
<h1>Progress report</h1>
<p class="meta">{{if .Country}}{{.Country}} · {{end}}{{if .Title}}{{.Title}}{{end}}{{if .Version}} · version {{.Version}}{{end}}<br>
{{if .AsOf}}As of the reporting period {{.AsOf}}, from {{.Reports}} reports.{{else}}No report has been entered yet.{{end}}
Progress of the whole plan: <strong>{{pct .Overall}}</strong>.</p>

<h2>Progress by pillar</h2>
<table>
<tr><th>Pillar</th><th>Objectives</th><th>Actions</th><th>Objective weights</th><th>Weighted progress</th><th></th></tr>
{{range .Pillars}}<tr><td>{{.Pillar}}</td><td class="n">{{.Objectives}}</td><td class="n">{{.Actions}}</td><td class="n">{{.Weight}}</td><td class="n">{{pct .Progress}}</td><td><div class="bar"><span style="width:{{bar .Progress}}%"></span></div></td></tr>
{{end}}</table>

<h2>Progress by objective</h2>
<table>
<tr><th>ID</th><th>Objective</th><th>Actions</th><th>Weight</th><th>Weighted progress</th></tr>
{{range .Objectives}}<tr><td>{{.ID}}</td><td>{{.Text}}</td><td class="n">{{.Actions}}</td><td class="n">{{.Weight}}</td><td class="n">{{pct .Progress}}</td></tr>
{{end}}</table>

<h2>Late actions</h2>
{{with late .}}<table>
<tr><th>Action</th><th>Title</th><th>End</th><th>Status</th><th>Progress</th><th>Comment</th></tr>
{{range .}}<tr><td>{{.ID}}</td><td>{{.Title}}</td><td>{{.End}}</td><td>{{.Status}}</td><td class="n">{{pct .Progress}}</td><td>{{.Comment}}</td></tr>
{{end}}</table>{{else}}<p>No action is late.</p>{{end}}

<h2>Indicators off track or at risk</h2>
{{$rep := .}}{{with off .}}<table>
<tr><th>KPI</th><th>Indicator</th><th>Unit</th><th>Baseline</th><th>Latest actual</th><th>Target of its year</th><th>Traffic light</th></tr>
{{range .}}<tr><td>{{.ID}}</td><td>{{.Name}}</td><td>{{.Unit}}</td><td class="n">{{val .Baseline}}</td><td class="n">{{val .Latest}}</td><td class="n">{{val (target .)}}</td><td class="{{.Light}}">{{label $rep .Light}}</td></tr>
{{end}}</table>{{else}}<p>No indicator is off track or at risk.</p>{{end}}

<h2>Spending against plan ({{.Currency}}; {{.Rate}} per US$)</h2>
<table>
<tr><th>Year</th><th>Planned</th><th>Secured</th><th>Pledged</th><th>Not yet funded</th><th>Spent</th><th>Planned (US$)</th><th>Spent (US$)</th></tr>
{{range .Spending}}<tr><td>{{.Year}}</td><td class="n">{{money .Planned}}</td><td class="n">{{money .Secured}}</td><td class="n">{{money .Pledged}}</td><td class="n">{{money .Gap}}</td><td class="n">{{money .Spent}}</td><td class="n">{{money .PlannedUSD}}</td><td class="n">{{money .SpentUSD}}</td></tr>
{{end}}</table>
<table>
<tr><th>Funding source</th><th>Planned</th><th>Secured</th><th>Pledged</th><th>Not yet funded</th><th>Spent</th></tr>
{{range .ByFunding}}<tr><td>{{.Funding}}</td><td class="n">{{money .Planned}}</td><td class="n">{{money .Secured}}</td><td class="n">{{money .Pledged}}</td><td class="n">{{money .Gap}}</td><td class="n">{{money .Spent}}</td></tr>
{{end}}</table>

<h2>Latest status of every action</h2>
<table>
<tr><th>Action</th><th>Pillar</th><th>Title</th><th>Period</th><th>Status</th><th>Progress</th><th>Comment</th></tr>
{{range .Actions}}<tr><td>{{.ID}}</td><td>{{.Pillar}}</td><td>{{.Title}}</td><td>{{.Period}}</td><td>{{.Status}}</td><td class="n">{{pct .Progress}}</td><td>{{.Comment}}</td></tr>
{{end}}</table>
</body>
</html>
`))
