package pdf

import (
	"math"
	"slices"
	"strconv"

	"github.com/go-pdf/fpdf"

	"github.com/ncskit/ncskit/strategy"
)

// rowChart is the frame of the bar and timeline charts: a label column
// and a plot, an axis on top that repeats on every page.
type rowChart struct {
	labelW       float64
	plotX, plotW float64
	top          float64 // the scale's top
	axis         func(top float64)
	axisH        float64
}

// rowChartRow starts a new page with the title and axis when h does not
// fit.
func (e *encoder) rowChartRow(c strategy.Chart, rc *rowChart, h float64) {
	if e.y+h > e.bottom+0.01 {
		e.newPage()
		e.chartTitle(c.Title, true)
		rc.axis(e.y)
		e.y += rc.axisH
	}
}

// bars draws horizontal bars, one group per label with a bar per series.
func (e *encoder) bars(c strategy.Chart) {
	rc := &rowChart{top: chartMax(c), axisH: 5}
	lh := lineHeight(chartLabel)
	labels := make([][]string, len(c.Labels))
	rc.labelW = 10.0
	for _, l := range c.Labels {
		rc.labelW = max(rc.labelW, width(oneLine(l), chartLabel)+2)
	}
	rc.labelW = min(rc.labelW, e.textWidth()*0.35)
	for i, l := range c.Labels {
		labels[i] = clip(oneLine(l), rc.labelW-2, chartLabel, 3)
	}
	rc.plotX = e.left + rc.labelW + 1
	rc.plotW = e.right - rc.plotX - 9
	marks := ticks(rc.top)
	grid := func(top, h float64) {
		e.draw(rule)
		e.f.SetLineWidth(0.15)
		for _, v := range marks {
			x := rc.plotX + rc.plotW*v/rc.top
			e.f.Line(x, top, x, top+h)
		}
	}
	rc.axis = func(top float64) {
		for _, v := range marks {
			e.textCenter(rc.plotX+rc.plotW*v/rc.top, top, 4, e.formatValue(v), chartTick)
		}
		grid(top+4, 1)
	}
	const barH = 3.2
	e.y += 2
	e.ensure(e.chartStart(c))
	e.chartTitle(c.Title, false)
	rc.axis(e.y)
	e.y += rc.axisH
	for i := range c.Labels {
		h := max(float64(max(len(c.Series), 1))*barH, float64(len(labels[i]))*lh) + 2.4
		e.rowChartRow(c, rc, h)
		top := e.y
		grid(top, h)
		inner := float64(len(c.Series)) * barH
		for k, s := range labels[i] {
			e.text(e.left, top+(h-float64(len(labels[i]))*lh)/2+float64(k)*lh, lh, s, chartLabel)
		}
		y := top + (h-inner)/2
		for k, s := range c.Series {
			v := value(s, i, rc.top)
			w := rc.plotW * v / rc.top
			e.barFill(k, rc.plotX, y, w, barH-0.5)
			label := e.formatValue(v)
			e.fill(white)
			e.f.Rect(rc.plotX+w+0.6, y+0.2, width(label, chartTick)+0.8, barH-0.9, "F")
			e.text(rc.plotX+w+1, y-0.25, barH, label, chartTick)
			y += barH
		}
		e.y = top + h
	}
	e.draw(muted)
	e.f.SetLineWidth(0.3)
	e.f.Line(rc.plotX, e.y, rc.plotX+rc.plotW, e.y)
	e.y += 1.5
	if len(c.Series) > 1 || len(c.Series) == 1 && c.Series[0].Name != "" {
		e.ensure(6)
		e.legend(c.Series, true)
	}
	e.chartCaption(c.Caption)
	e.y += paraGap
}

// spanGroup is the spans of one horizon, in the order they start.
type spanGroup struct {
	name  string
	first int // the earliest start
	spans []strategy.Span
}

// groupSpans groups the spans by horizon, ordering the groups by their
// earliest start (then by first appearance) and the spans of a group by
// start and end.
func groupSpans(spans []strategy.Span) []spanGroup {
	var groups []spanGroup
	index := map[string]int{}
	for _, s := range spans {
		i, ok := index[s.Group]
		if !ok {
			i = len(groups)
			index[s.Group] = i
			groups = append(groups, spanGroup{name: s.Group, first: s.Start})
		}
		g := &groups[i]
		g.first = min(g.first, s.Start)
		g.spans = append(g.spans, s)
	}
	slices.SortStableFunc(groups, func(a, b spanGroup) int { return a.first - b.first })
	for _, g := range groups {
		slices.SortStableFunc(g.spans, func(a, b strategy.Span) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return a.End - b.End
		})
	}
	return groups
}

// timeline draws the spans as a Gantt chart grouped by horizon, with the
// years of the period across the top; recurrent work goes on after its
// bar as a dashed line with an arrow to the end of the period.
func (e *encoder) timeline(c strategy.Chart) {
	rc := &rowChart{top: chartMax(c), axisH: 5.5}
	label := style{size: 6.8, color: ink}
	lh := lineHeight(label) * 0.95
	rc.labelW = e.textWidth() * 0.44
	rc.plotX = e.left + rc.labelW + 1
	rc.plotW = e.right - rc.plotX
	years := int(math.Ceil(rc.top / 12))
	if years > 40 {
		years = 0 // no year bands on a scale this long
	}
	start := e.d.Meta.StartYear
	xAt := func(m float64) float64 { return rc.plotX + rc.plotW*min(max(m, 0), rc.top)/rc.top }
	bands := func(top, h float64) {
		for y := 0; y < years; y += 2 {
			x0, x1 := xAt(float64(12*y)), xAt(float64(12*y+12))
			e.fill(paleTint)
			e.f.Rect(x0, top, x1-x0, h, "F")
		}
		e.draw(rule)
		e.f.SetLineWidth(0.15)
		for y := 0; y <= years; y++ {
			x := xAt(float64(12 * y))
			e.f.Line(x, top, x, top+h)
		}
	}
	rc.axis = func(top float64) {
		st := style{bold: true, size: 7, color: muted}
		for y := 0; y < years; y++ {
			name := "+" + strconv.Itoa(12*y)
			if start > 0 {
				name = strconv.Itoa(start + y)
			}
			x0, x1 := xAt(float64(12*y)), xAt(float64(12*y+12))
			e.textCenter((x0+x1)/2, top, 4.5, ellipsize(name, x1-x0, st), st)
		}
		e.draw(muted)
		e.f.SetLineWidth(0.3)
		e.f.Line(rc.plotX, top+rc.axisH-0.5, rc.plotX+rc.plotW, top+rc.axisH-0.5)
	}
	e.y += 2
	e.ensure(e.chartStart(c))
	e.chartTitle(c.Title, false)
	rc.axis(e.y)
	e.y += rc.axisH
	groupSt := style{bold: true, size: 7.5, color: accent}
	for g, grp := range groupSpans(c.Spans) {
		const gh = 5.5
		e.rowChartRow(c, rc, gh+5) // keep a group's name with its first bar
		e.fill(tint)
		e.f.Rect(e.left, e.y, e.textWidth(), gh, "F")
		e.text(e.left+1.5, e.y, gh, ellipsize(grp.name, e.textWidth()-3, groupSt), groupSt)
		e.y += gh
		for _, s := range grp.spans {
			lines := clip(oneLine(s.Label), rc.labelW-3, label, 2)
			h := max(float64(len(lines))*lh+1.4, 4.6)
			e.rowChartRow(c, rc, h)
			top := e.y
			bands(top, h)
			for k, l := range lines {
				e.text(e.left+1.5, top+(h-float64(len(lines))*lh)/2+float64(k)*lh, lh, l, label)
			}
			a, b := float64(min(s.Start, s.End)), float64(max(s.Start, s.End))
			x0, x1 := xAt(a), xAt(b)
			e.barFill([]int{0, 2, 1}[g%3], x0, top+(h-2.8)/2, max(x1-x0, 0.8), 2.8)
			if s.Ongoing && b < rc.top {
				e.ongoing(x1, xAt(rc.top), top+h/2)
			}
			e.draw(rule)
			e.f.SetLineWidth(0.1)
			e.f.Line(e.left, top+h, e.right, top+h)
			e.y = top + h
		}
	}
	e.chartCaption(c.Caption)
	e.y += paraGap
}

// ongoing draws recurrent work that goes on from x0 to the end of the
// period at x1: a dashed line ending in an arrow, open at the end.
func (e *encoder) ongoing(x0, x1, y float64) {
	e.draw(accent)
	e.f.SetLineWidth(0.5)
	e.f.SetDashPattern([]float64{1.2, 0.8}, 0)
	e.f.Line(x0, y, x1-1.4, y)
	e.f.SetDashPattern([]float64{}, 0)
	e.fill(accent)
	e.f.Polygon([]fpdf.PointType{{X: x1 - 1.6, Y: y - 1}, {X: x1, Y: y}, {X: x1 - 1.6, Y: y + 1}}, "F")
}
