package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// summary writes the first sheet: document control, the scores per pillar
// and area, a radar chart of current against target progress by area, the
// top priorities, the progress of the action plan (formulas over its
// status column) and the data of the chart.
func (e *encoder) summary() {
	sh := e.name["summary"]
	s := e.st
	m := e.d.Meta
	widths := []float64{26, 48, 12, 12, 12, 12, 14, 14}
	for i, w := range widths {
		e.colWidth(sh, i+1, i+1, w)
	}
	const lastCol = 8
	wide := func(r, style int, text string) {
		e.check(e.f.MergeCell(sh, cell(1, r), cell(lastCol, r)))
		e.plain(sh, 1, r, text)
		e.style(sh, 1, r, lastCol, r, style)
	}
	wide(1, s.title, m.Title)
	e.check(e.f.SetRowHeight(sh, 1, 26))
	wide(2, s.subtitle, m.Subtitle)
	e.check(e.f.SetRowHeight(sh, 2, 30))

	// Document control in two blocks side by side: label in A, value in
	// B; label in C:D, value in E:G.
	left := [][2]string{
		{"dc.country", m.Country},
		{"dc.period", m.Period},
		{"dc.version", m.Version},
		{"dc.status", m.Status},
		{"dc.classification", m.Classification},
	}
	right := [][2]string{
		{"dc.date", locale.For(m.Language).Date(m.Date)},
		{"dc.nextReview", locale.For(m.Language).Date(m.NextReview)},
		{"dc.owner", m.Author},
		{"dc.generator", m.Generator},
		{"dc.evidence", evidenceText(m)},
	}
	for i := range left {
		r := 4 + i
		e.fixed(sh, 1, r, e.l(left[i][0]))
		e.style(sh, 1, r, 1, r, s.label)
		e.fixed(sh, 2, r, left[i][1])
		e.style(sh, 2, r, 2, r, s.value)
		e.check(e.f.MergeCell(sh, cell(3, r), cell(4, r)))
		e.check(e.f.MergeCell(sh, cell(5, r), cell(lastCol, r)))
		if right[i][0] != "" {
			e.plain(sh, 3, r, e.l(right[i][0]))
			e.grow(sh, r, e.l(right[i][0]), e.span(sh, 3, 4), true)
			e.plain(sh, 5, r, right[i][1])
			e.grow(sh, r, right[i][1], e.span(sh, 5, lastCol), false)
		}
		e.style(sh, 3, r, 4, r, s.label)
		e.style(sh, 5, r, lastCol, r, s.value)
	}
	r := 4 + len(left) + 1
	scoresHead := e.scores(sh, r)
	r = scoresHead + len(e.d.Scores) + 2
	chartRow := r
	for i := 1; i <= chartRows; i++ {
		e.check(e.f.SetRowHeight(sh, chartRow+i, lineHeight))
	}
	r += chartRows + 1
	r = e.topPriorities(sh, r) + 1
	// Printed: document control and scores; the chart and the top
	// priorities; the progress of the plan and the chart data.
	e.check(e.f.InsertPageBreak(sh, cell(1, chartRow)))
	e.check(e.f.InsertPageBreak(sh, cell(1, r)))
	r = e.planProgress(sh, r) + 1
	dataHead := r + 1
	e.chartData(sh, r)
	e.radar(sh, chartRow, dataHead)
	e.frame(sh, layout{freeze: "A3", filter: "A" + itoa(scoresHead) + ":" + cell(lastCol, scoresHead+len(e.d.Scores))})
}

// evidenceText is the document control's evidence base: the draft's note
// on partial evidence, or the coverage when the evidence is sufficient.
func evidenceText(m strategy.Meta) string {
	if m.EvidenceNote != "" {
		return m.EvidenceNote
	}
	return fmt.Sprintf("%d%%", m.Coverage)
}

// chartRows is the number of rows of 15 points kept free for the radar
// chart. excelize anchors a chart chartHeight pixels high counting 18
// pixels to a row of 15 points, while Excel and LibreOffice draw such a
// row 20 pixels high: the chart ends up a tenth taller than asked, and the
// rows kept free follow excelize's count.
const (
	chartHeight = 330
	chartRows   = (chartHeight+4)/18 + 2
)

// section writes a section title at row r.
func (e *encoder) section(sh string, r int, text string) {
	e.plain(sh, 1, r, text)
	e.style(sh, 1, r, 8, r, e.st.section)
}

// heads writes a row of column heads at row r from column 1.
func (e *encoder) heads(sh string, r int, keys ...string) {
	for i, k := range keys {
		e.head(sh, i+1, r, e.l(k))
	}
	e.style(sh, 1, r, len(keys), r, e.st.header)
}

// scores writes the scores table and returns the row of its header.
func (e *encoder) scores(sh string, r int) int {
	s := e.st
	e.section(sh, r, e.l("xlsx.summary.scores"))
	r++
	e.heads(sh, r, "col.pillarArea", "xlsx.col.name", "col.achieved", "col.progress", "col.target", "col.gap", "col.assessed", "col.lowConfidence")
	head := r
	for _, sc := range e.d.Scores {
		r++
		e.fixed(sh, 1, r, sc.ID)
		e.fixed(sh, 2, r, sc.Name)
		if sc.Achieved > 0 {
			e.int(sh, 3, r, sc.Achieved)
			e.float(sh, 4, r, sc.Progress)
			e.int(sh, 6, r, sc.Gap)
		}
		e.int(sh, 5, r, sc.Target)
		e.fixed(sh, 7, r, fmt.Sprintf("%d / %d", sc.Assessed, sc.Total))
		if sc.Assessed > 0 {
			e.fixed(sh, 8, r, fmt.Sprintf("%d / %d", sc.LowConfidence, sc.Assessed))
		}
		if sc.Kind == "pillar" {
			e.style(sh, 1, r, 2, r, s.label)
			e.style(sh, 3, r, 3, r, s.intBold)
			e.style(sh, 4, r, 4, r, s.num2Bold)
			e.style(sh, 5, r, 6, r, s.intBold)
			e.style(sh, 7, r, 8, r, s.textBold)
		} else {
			e.style(sh, 1, r, 2, r, s.text)
			e.style(sh, 3, r, 3, r, s.int)
			e.style(sh, 4, r, 4, r, s.num2)
			e.style(sh, 5, r, 6, r, s.int)
			e.style(sh, 7, r, 8, r, s.text)
		}
	}
	return head
}

// topPriorities writes the first ranked priorities and returns the next
// free row.
func (e *encoder) topPriorities(sh string, r int) int {
	s := e.st
	e.section(sh, r, e.l("xlsx.summary.priorities"))
	r++
	e.heads(sh, r, "col.rank", "col.title", "col.indicator", "col.pillar", "col.gap", "col.score", "col.actions")
	for i, p := range e.d.Priorities {
		if i == e.o.Top {
			break
		}
		r++
		e.int(sh, 1, r, p.Rank)
		e.fixed(sh, 2, r, p.Title)
		e.fixed(sh, 3, r, p.Indicator)
		e.fixed(sh, 4, r, p.Pillar)
		e.int(sh, 5, r, p.Gap)
		e.float(sh, 6, r, p.Score)
		e.fixed(sh, 7, r, strings.Join(p.Actions, ", "))
		e.style(sh, 1, r, 1, r, s.int)
		e.style(sh, 2, r, 4, r, s.text)
		e.style(sh, 5, r, 5, r, s.int)
		e.style(sh, 6, r, 6, r, s.general)
		e.style(sh, 7, r, 7, r, s.text)
	}
	return r + 1
}

// planProgress counts the actions of each pillar by status and adds the
// weight of the completed ones, with formulas over the action plan, so the
// table follows the quarterly updates. It returns the next free row.
func (e *encoder) planProgress(sh string, r int) int {
	s := e.st
	e.section(sh, r, e.l("xlsx.summary.progress"))
	r++
	for i, h := range []string{e.l("col.pillar"), e.l("xlsx.col.name"), e.l("col.actions"), e.status(strategy.StatusInProgress),
		e.status(strategy.StatusCompleted), e.status(strategy.StatusDelayed), e.l("xlsx.col.completedWeight")} {
		e.head(sh, i+1, r, h)
	}
	e.style(sh, 1, r, 7, r, s.header)
	pillar := e.planRef("pillar")
	status := e.planRef("status")
	first := r + 1
	for _, sc := range e.d.Scores {
		if sc.Kind != "pillar" {
			continue
		}
		r++
		e.fixed(sh, 1, r, sc.ID)
		e.fixed(sh, 2, r, sc.Name)
		crit := pillar + ",$A" + itoa(r)
		e.formula(sh, 3, r, "COUNTIFS("+crit+","+status+`,"<>"&`+e.list.cancelled+")")
		e.formula(sh, 4, r, "COUNTIFS("+crit+","+status+","+e.list.inProgress+")")
		e.formula(sh, 5, r, "COUNTIFS("+crit+","+status+","+e.list.completed+")")
		e.formula(sh, 6, r, "COUNTIFS("+crit+","+status+","+e.list.delayed+")")
		e.formula(sh, 7, r, "SUMIFS("+e.planRef("weight")+","+crit+","+status+","+e.list.completed+")")
		e.style(sh, 1, r, 2, r, s.text)
		e.style(sh, 3, r, 7, r, s.int)
	}
	r++
	e.fixed(sh, 1, r, e.l("total"))
	for c := 3; c <= 6; c++ {
		e.formula(sh, c, r, "SUM("+cell(c, first)+":"+cell(c, r-1)+")")
	}
	e.style(sh, 1, r, 2, r, s.textBold)
	e.style(sh, 3, r, 7, r, s.intTotal)
	return r + 1
}

// radarData returns the draft's radar chart: areas, current and target.
func (e *encoder) radarData() (labels []string, cur, tgt strategy.Series) {
	for _, b := range e.d.Blocks {
		if c, ok := b.(strategy.Chart); ok && c.Type == "radar" && len(c.Series) >= 2 {
			return c.Labels, c.Series[0], c.Series[1]
		}
	}
	cur = strategy.Series{Name: e.l("current")}
	tgt = strategy.Series{Name: e.l("target")}
	for _, sc := range e.d.Scores {
		if sc.Kind == "area" {
			labels = append(labels, sc.ID)
			cur.Values = append(cur.Values, sc.Progress)
			tgt.Values = append(tgt.Values, float64(sc.Target))
		}
	}
	return labels, cur, tgt
}

// chartData writes the values the radar chart plots from row r, the last
// table of the sheet.
func (e *encoder) chartData(sh string, r int) {
	s := e.st
	labels, cur, tgt := e.radarData()
	name := map[string]string{}
	for _, sc := range e.d.Scores {
		name[sc.ID] = sc.Name
	}
	e.section(sh, r, e.l("xlsx.summary.chartData"))
	r++
	e.heads(sh, r, "col.area", "xlsx.col.name")
	e.head(sh, 3, r, cur.Name)
	e.head(sh, 4, r, tgt.Name)
	e.style(sh, 3, r, 4, r, s.header)
	for i, l := range labels {
		r++
		e.fixed(sh, 1, r, l)
		e.fixed(sh, 2, r, name[l])
		if i < len(cur.Values) {
			e.float(sh, 3, r, cur.Values[i])
		}
		if i < len(tgt.Values) {
			e.float(sh, 4, r, tgt.Values[i])
		}
		e.style(sh, 1, r, 2, r, s.text)
		e.style(sh, 3, r, 4, r, s.num2)
	}
}

// radar anchors the radar chart at row at, plotting the chart data whose
// header is at row head.
func (e *encoder) radar(sh string, at, head int) {
	labels, _, _ := e.radarData()
	if len(labels) == 0 {
		return
	}
	e.section(sh, at, e.l("chart.radar"))
	from, to := itoa(head+1), itoa(head+len(labels))
	lo, hi := 0.0, 5.0
	series := func(col string, colour string) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       ref(sh, "$"+col+"$"+itoa(head)),
			Categories: ref(sh, "$A$"+from+":$A$"+to),
			Values:     ref(sh, "$"+col+"$"+from+":$"+col+"$"+to),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
		}
	}
	e.check(e.f.AddChart(sh, cell(1, at+1), &excelize.Chart{
		Type:      excelize.Radar,
		Series:    []excelize.ChartSeries{series("C", colHeader), series("D", colTarget)},
		Title:     []excelize.RichTextRun{{Text: e.l("chart.radar"), Font: withFamily(excelize.Font{Bold: true})}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 700, Height: chartHeight},
		XAxis:     excelize.ChartAxis{Font: excelize.Font{Color: "404040", Size: 9}},
		YAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: 1, MajorGridLines: true, Font: excelize.Font{Color: "595959", Size: 8}},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4, AltText: e.l("chart.radar")},
	}))
	e.radarLines()
}

// radarLines draws the series of the radar chart as lines that stay apart
// in greyscale: current solid and dark with round markers, target dashed
// and lighter without markers. excelize gives a radar series a fill but no
// line, so the chart part is edited after the fact; should excelize change
// what it writes, the chart keeps its default colours.
func (e *encoder) radarLines() {
	const part = "xl/charts/chart1.xml"
	v, ok := e.f.Pkg.Load(part)
	if !ok {
		return
	}
	x := string(v.([]byte))
	fill := func(c string) string {
		return `<spPr><a:solidFill><a:srgbClr val="` + c + `"></a:srgbClr></a:solidFill></spPr>`
	}
	x = strings.Replace(x, fill(colHeader), `<spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="`+colHeader+
		`"/></a:solidFill><a:round/></a:ln></spPr><marker><symbol val="circle"/><size val="5"/><spPr><a:solidFill><a:srgbClr val="`+colHeader+
		`"/></a:solidFill><a:ln><a:noFill/></a:ln></spPr></marker>`, 1)
	x = strings.Replace(x, fill(colTarget), `<spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="`+colTarget+
		`"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln></spPr><marker><symbol val="none"/></marker>`, 1)
	e.f.Pkg.Store(part, []byte(x))
}
