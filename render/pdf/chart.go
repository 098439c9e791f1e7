package pdf

import (
	"math"

	"github.com/go-pdf/fpdf"
	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// Charts are drawn as vectors. Series differ by line style and lightness,
// not by hue alone, so that they stay apart in greyscale.

var (
	chartTitle = style{bold: true, size: 9.5, color: ink}
	chartLabel = style{size: 7, color: ink}
	chartTick  = style{size: 6.5, color: muted}
)

func (e *encoder) chart(c strategy.Chart) {
	switch {
	case c.Type == "radar" && len(c.Labels) >= 3:
		e.radar(c)
	case c.Type == "timeline":
		e.timeline(c)
	default: // bars, and a radar with too few axes to draw
		e.bars(c)
	}
}

func (e *encoder) chartStart(c strategy.Chart) float64 {
	switch {
	case c.Type == "radar" && len(c.Labels) >= 3:
		return min(e.radarHeight(c), e.bottom-e.top)
	case c.Type == "timeline":
		return e.chartTitleHeight(c.Title) + 6 + 3*5.5
	}
	return e.chartTitleHeight(c.Title) + 6 + 3*8
}

func (e *encoder) chartTitleHeight(s string) float64 {
	if s == "" {
		return 0
	}
	return float64(len(wrap(s, e.textWidth(), chartTitle)))*lineHeight(chartTitle) + 1.5
}

func (e *encoder) chartTitle(s string, continued bool) { e.label(s, continued, chartTitle, 1.5) }

func (e *encoder) chartCaption(s string) {
	if s == "" {
		return
	}
	e.y += 1.5
	e.drawLines(wrap(s, e.textWidth(), small), e.left, lineHeight(small), small)
}

// seriesStyle sets the line of series i: solid dark, dashed black,
// dotted middle tone, then dash-dot.
func (e *encoder) seriesStyle(i int) {
	e.f.SetLineCapStyle("butt")
	switch i % 4 {
	case 0:
		e.draw(accent)
		e.f.SetLineWidth(0.6)
		e.f.SetDashPattern(nil, 0)
	case 1:
		e.draw(black)
		e.f.SetLineWidth(0.45)
		e.f.SetDashPattern([]float64{1.6, 1.0}, 0)
	case 2:
		e.draw(accent2)
		e.f.SetLineWidth(0.5)
		e.f.SetDashPattern([]float64{0.5, 0.8}, 0)
	default:
		e.draw(muted)
		e.f.SetLineWidth(0.45)
		e.f.SetDashPattern([]float64{2.2, 0.8, 0.5, 0.8}, 0)
	}
}

func (e *encoder) plainLine() {
	e.f.SetDashPattern(nil, 0)
	e.f.SetLineCapStyle("butt")
}

// chartMax is the top of the scale: the chart's own, else the largest
// value rounded up.
func chartMax(c strategy.Chart) float64 {
	if m := finite(c.Max); m > 0 {
		return m
	}
	m := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			m = max(m, finite(v))
		}
	}
	for _, s := range c.Spans {
		m = max(m, float64(s.End), float64(s.Start))
	}
	if m <= 0 {
		return 1
	}
	return niceCeil(m)
}

// niceCeil rounds up to 1, 2 or 5 times a power of ten.
func niceCeil(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*p >= v {
			return f * p
		}
	}
	return 10 * p
}

// ticks returns the scale marks from 0 to top: whole steps when the
// scale is small, else five.
func ticks(top float64) []float64 {
	n := 5
	if top == math.Trunc(top) && top <= 10 {
		n = int(top)
	}
	out := make([]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		out = append(out, top*float64(i)/float64(n))
	}
	return out
}

// formatValue writes a chart's value or tick as the draft's language
// writes numbers: whole, else with one decimal.
func (e *encoder) formatValue(v float64) string {
	loc := locale.For(e.d.Meta.Language)
	if v == math.Trunc(v) && math.Abs(v) < 1e9 {
		return loc.Int(int64(v))
	}
	return loc.Decimal(v, 1)
}

// value returns series s's value i, clamped to the scale.
func value(s strategy.Series, i int, top float64) float64 {
	if i >= len(s.Values) {
		return 0
	}
	return min(max(finite(s.Values[i]), 0), top)
}

const radarR = 43.0

func (e *encoder) radarHeight(c strategy.Chart) float64 {
	h := e.chartTitleHeight(c.Title) + 2*radarR + 22 + 8
	if c.Caption != "" {
		h += 1.5 + float64(len(wrap(c.Caption, e.textWidth(), small)))*lineHeight(small)
	}
	return h
}

// radar draws one polygon per series over a web of level rings, an axis
// per label.
func (e *encoder) radar(c strategy.Chart) {
	e.y += 2
	e.ensure(min(e.radarHeight(c), e.bottom-e.top))
	e.chartTitle(c.Title, false)
	top := chartMax(c)
	n := len(c.Labels)
	cx, cy := (e.left+e.right)/2, e.y+radarR+11
	at := func(i int, v float64) fpdf.PointType {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		r := radarR * v / top
		return fpdf.PointType{X: cx + r*math.Cos(a), Y: cy + r*math.Sin(a)}
	}
	polygon := func(s strategy.Series) []fpdf.PointType {
		pts := make([]fpdf.PointType, n)
		for i := range pts {
			pts[i] = at(i, value(s, i, top))
		}
		return pts
	}
	// A series with missing values is not filled: it claims no area for
	// what nobody assessed.
	if len(c.Series) > 0 && len(c.Series[0].Missing) == 0 {
		e.fill(tint)
		e.f.Polygon(polygon(c.Series[0]), "F")
	}
	// the web
	e.draw(rule)
	e.f.SetLineWidth(0.15)
	marks := ticks(top)
	for _, v := range marks[1:] {
		pts := make([]fpdf.PointType, n)
		for i := range pts {
			pts[i] = at(i, v)
		}
		e.f.Polygon(pts, "D")
	}
	for i := range n {
		p := at(i, top)
		e.f.Line(cx, cy, p.X, p.Y)
	}
	for _, v := range marks[1:] {
		p := at(0, v)
		e.text(p.X+0.8, p.Y-2.6, 2.6, e.formatValue(v), chartTick)
	}
	// the series, last first so that the first is on top
	for k := len(c.Series) - 1; k >= 0; k-- {
		e.seriesStyle(k)
		s := c.Series[k]
		pts := polygon(s)
		if len(s.Missing) == 0 {
			e.f.Polygon(pts, "D")
			continue
		}
		// only the lines between neighbouring axes that both have a value
		for i := range n {
			if next := (i + 1) % n; !s.IsMissing(i) && !s.IsMissing(next) {
				e.f.Line(pts[i].X, pts[i].Y, pts[next].X, pts[next].Y)
			}
		}
	}
	e.plainLine()
	if len(c.Series) > 0 {
		e.fill(accent)
		for i, p := range polygon(c.Series[0]) {
			if !c.Series[0].IsMissing(i) {
				e.f.Circle(p.X, p.Y, 0.55, "F")
			}
		}
	}
	// axis labels around the web
	lh := lineHeight(chartLabel)
	for i, label := range c.Labels {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		cos, sin := math.Cos(a), math.Sin(a)
		p := at(i, top)
		x, y := p.X+2.5*cos, p.Y+2.5*sin
		lines := clip(oneLine(label), 32, chartLabel, 2)
		if len(c.Series) > 0 && c.Series[0].IsMissing(i) {
			lines = append(lines, e.d.Labels.Get("noLevel"))
		}
		h := float64(len(lines)) * lh
		switch {
		case sin < -0.3:
			y -= h
		case sin < 0.3:
			y -= h / 2
		}
		for k, s := range lines {
			w := width(s, chartLabel)
			lx := x - w/2
			if cos > 0.2 {
				lx = x
			} else if cos < -0.2 {
				lx = x - w
			}
			e.text(lx, y+float64(k)*lh, lh, s, chartLabel)
		}
	}
	e.y = cy + radarR + 11
	e.legend(c.Series, false)
	e.chartCaption(c.Caption)
	e.y += paraGap
}

// legend draws a centred row of series samples, as lines or as bars.
func (e *encoder) legend(series []strategy.Series, bars bool) {
	if len(series) == 0 {
		return
	}
	const sample, gap = 7.0, 6.0
	total := 0.0
	names := make([]string, len(series))
	for i, s := range series {
		names[i] = ellipsize(s.Name, 60, chartLabel)
		total += sample + 1.5 + width(names[i], chartLabel) + gap
	}
	x := max((e.left+e.right)/2-(total-gap)/2, e.left)
	top, h := e.y+1, 4.0
	for i, name := range names {
		if bars {
			e.barFill(i, x, top+1, sample, h-2)
		} else {
			e.seriesStyle(i)
			e.f.Line(x, top+h/2, x+sample, top+h/2)
			e.plainLine()
		}
		x += sample + 1.5
		e.text(x, top, h, name, chartLabel)
		x += width(name, chartLabel) + gap
	}
	e.y = top + h + 1
}

// barFill draws a bar of series i: dark, light with an outline, middle,
// white with an outline.
func (e *encoder) barFill(i int, x, y, w, h float64) {
	if w <= 0 {
		return
	}
	e.draw(accent)
	e.f.SetLineWidth(0.2)
	switch i % 4 {
	case 0:
		e.fill(accent)
		e.f.Rect(x, y, w, h, "F")
	case 1:
		e.fill(tint)
		e.f.Rect(x, y, w, h, "FD")
	case 2:
		e.fill(accent2)
		e.f.Rect(x, y, w, h, "F")
	default:
		e.fill(white)
		e.f.Rect(x, y, w, h, "FD")
	}
}

// finite replaces NaN and infinities by zero.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
