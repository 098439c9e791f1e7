package html

import (
	"fmt"
	"math"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// Series styles: a solid dark line for the first series (current), a
// dashed lighter one for the second (target), so that they stay apart in
// greyscale print.
var seriesStyle = []string{
	`stroke="#1f3a5f" fill="#1f3a5f" fill-opacity="0.25" stroke-width="2"`,
	`stroke="#7a7a7a" fill="none" stroke-width="2" stroke-dasharray="6 4"`,
}

// seriesLine are the series styles without a fill, for a series drawn
// as separate lines.
var seriesLine = []string{
	`stroke="#1f3a5f" fill="none" stroke-width="2"`,
	`stroke="#7a7a7a" fill="none" stroke-width="2" stroke-dasharray="6 4"`,
}

func f(x float64) string { return fmt.Sprintf("%.1f", x) }

// radarSVG draws one axis per label, rings for each level and one polygon
// per series. A series with missing values is drawn as the lines between
// neighbouring axes that both have one, unfilled, and an axis where the
// first series has no value is marked with notAssessed.
func radarSVG(c strategy.Chart, notAssessed string) (string, float64, float64) {
	const size, cx, cy, r = 520.0, 260.0, 250.0, 185.0
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %s 540" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">`, f(size), esc(c.Title))
	n := len(c.Labels)
	if n < 3 || c.Max <= 0 {
		b.WriteString("</svg>\n")
		return b.String(), size, 540
	}
	pt := func(i int, v float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*v/c.Max*math.Cos(a), cy + r*v/c.Max*math.Sin(a)
	}
	for lv := 1; lv <= int(c.Max); lv++ {
		var pts []string
		for i := 0; i < n; i++ {
			x, y := pt(i, float64(lv))
			pts = append(pts, f(x)+","+f(y))
		}
		fmt.Fprintf(&b, `<polygon points="%s" fill="none" stroke="#ccc"/>`, strings.Join(pts, " "))
		x, y := pt(0, float64(lv))
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="10" fill="#666">%d</text>`, f(x+3), f(y-2), lv)
	}
	for i, l := range c.Labels {
		x, y := pt(i, c.Max)
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#ddd"/>`, f(cx), f(cy), f(x), f(y))
		lx, ly := pt(i, c.Max*1.13)
		anchor := "middle"
		if lx < cx-10 {
			anchor = "end"
		} else if lx > cx+10 {
			anchor = "start"
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="11" text-anchor="%s" dominant-baseline="middle">%s</text>`, f(lx), f(ly), anchor, esc(l))
		if len(c.Series) > 0 && c.Series[0].IsMissing(i) {
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="9" font-style="italic" fill="#555" text-anchor="%s" dominant-baseline="middle">%s</text>`, f(lx), f(ly+11), anchor, esc(notAssessed))
		}
	}
	for si, s := range c.Series {
		var pts []string
		for i := 0; i < n && i < len(s.Values); i++ {
			x, y := pt(i, math.Max(0, s.Values[i]))
			pts = append(pts, f(x)+","+f(y))
		}
		if len(s.Missing) == 0 || len(pts) < n {
			fmt.Fprintf(&b, `<polygon points="%s" %s/>`, strings.Join(pts, " "), seriesStyle[si%len(seriesStyle)])
			continue
		}
		var d []string
		for i := range n {
			if next := (i + 1) % n; !s.IsMissing(i) && !s.IsMissing(next) {
				d = append(d, "M"+pts[i]+" L"+pts[next])
			}
		}
		if len(d) > 0 {
			fmt.Fprintf(&b, `<path d="%s" %s stroke-linecap="round"/>`, strings.Join(d, " "), seriesLine[si%len(seriesLine)])
		}
	}
	legend(&b, c.Series, 20, 520)
	b.WriteString("</svg>\n")
	return b.String(), size, 540
}

func legend(b *strings.Builder, series []strategy.Series, x, y float64) {
	for i, s := range series {
		lx := x + float64(i)*160
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>`, f(lx), f(y), f(lx+28), f(y), seriesStyle[i%len(seriesStyle)])
		fmt.Fprintf(b, `<text x="%s" y="%s" font-size="12" dominant-baseline="middle">%s</text>`, f(lx+34), f(y), esc(s.Name))
	}
}

// barsSVG draws grouped horizontal bars: one group per label, one bar per
// series.
func barsSVG(c strategy.Chart, loc locale.Locale) (string, float64, float64) {
	const w, left, barH = 640.0, 170.0, 12.0
	groupH := barH*float64(max(1, len(c.Series))) + 10
	h := groupH*float64(len(c.Labels)) + 50
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %s %s" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">`, f(w), f(h), esc(c.Title))
	maxV := c.Max
	for _, s := range c.Series {
		for _, v := range s.Values {
			maxV = math.Max(maxV, v)
		}
	}
	if maxV <= 0 {
		maxV = 1
	}
	scale := (w - left - 40) / maxV
	fills := []string{"#1f3a5f", "#9a9a9a", "#5b7fa6"}
	for i, l := range c.Labels {
		y := 10 + groupH*float64(i)
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="11" text-anchor="end" dominant-baseline="middle">%s</text>`, f(left-6), f(y+groupH/2-5), esc(l))
		for si, s := range c.Series {
			if i >= len(s.Values) {
				continue
			}
			by := y + barH*float64(si)
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, f(left), f(by), f(s.Values[i]*scale), f(barH-2), fills[si%len(fills)])
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="10" dominant-baseline="middle">%s</text>`, f(left+s.Values[i]*scale+4), f(by+barH/2-1), loc.Decimal(s.Values[i], 1))
		}
	}
	for si, s := range c.Series {
		lx := left + float64(si)*160
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="14" height="10" fill="%s"/><text x="%s" y="%s" font-size="11">%s</text>`,
			f(lx), f(h-22), fills[si%len(fills)], f(lx+18), f(h-13), esc(s.Name))
	}
	b.WriteString("</svg>\n")
	return b.String(), w, h
}

// timelineSVG draws one bar per span across the period, shaded by group,
// with a grid line per year; recurrent work goes on after its bar as a
// dashed line with an arrow to the end of the period.
func timelineSVG(c strategy.Chart) (string, float64, float64) {
	const w, left, rowH = 760.0, 300.0, 14.0
	months := c.Max
	if months <= 0 {
		months = 60
	}
	h := rowH*float64(len(c.Spans)) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %s %s" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">`, f(w), f(h), esc(c.Title))
	scale := (w - left - 10) / months
	for m := 0.0; m <= months; m += 12 {
		x := left + m*scale
		fmt.Fprintf(&b, `<line x1="%s" y1="16" x2="%s" y2="%s" stroke="#ddd"/>`, f(x), f(x), f(h-8))
		if m < months {
			fmt.Fprintf(&b, `<text x="%s" y="11" font-size="10" fill="#555">+%d</text>`, f(x+2), int(m/12))
		}
	}
	shade := map[string]string{}
	palette := []string{"#1f3a5f", "#5b7fa6", "#a7bcd3"}
	for i, s := range c.Spans {
		fill, ok := shade[s.Group]
		if !ok {
			fill = palette[len(shade)%len(palette)]
			shade[s.Group] = fill
		}
		y := 20 + rowH*float64(i)
		label := s.Label
		if r := []rune(label); len(r) > 52 {
			label = string(r[:51]) + "…"
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="10" text-anchor="end" dominant-baseline="middle">%s</text>`, f(left-6), f(y+rowH/2-1), esc(label))
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>`,
			f(left+float64(s.Start)*scale), f(y), f(math.Max(2, float64(s.End-s.Start)*scale)), f(rowH-3), fill, esc(s.Label+" — "+s.Group))
		if s.Ongoing && float64(s.End) < months {
			// Recurrent work goes on to the end of the period: a thin
			// line with an arrow, open at the end.
			x0, x1, mid := left+float64(s.End)*scale, left+months*scale, y+(rowH-3)/2
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="4 2"/>`, f(x0), f(mid), f(x1-4), f(mid), fill)
			fmt.Fprintf(&b, `<path d="M%s %sL%s %sL%s %sZ" fill="%s"/>`, f(x1-5), f(mid-3.5), f(x1), f(mid), f(x1-5), f(mid+3.5), fill)
		}
	}
	b.WriteString("</svg>\n")
	return b.String(), w, h
}
