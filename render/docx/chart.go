package docx

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"

	"github.com/ncskit/ncskit/internal/locale"
	"github.com/ncskit/ncskit/strategy"
)

// Chart colours: the first series solid and dark, the second dashed and
// grey, so that they stay apart in greyscale print (as in the PDF and
// HTML drafts).
var (
	inkC    = color.RGBA{0x22, 0x22, 0x22, 0xff}
	mutedC  = color.RGBA{0x66, 0x66, 0x66, 0xff}
	ringC   = color.RGBA{0xcc, 0xcc, 0xcc, 0xff}
	axisC   = color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
	seriesC = []color.RGBA{{0x1f, 0x3a, 0x5f, 0xff}, {0x7a, 0x7a, 0x7a, 0xff}, {0x5b, 0x7f, 0xa6, 0xff}}
	areaC   = color.RGBA{0x1f, 0x3a, 0x5f, 0x40}
	shadeC  = []color.RGBA{{0x1f, 0x3a, 0x5f, 0xff}, {0x5b, 0x7f, 0xa6, 0xff}, {0xa7, 0xbc, 0xd3, 0xff}}
)

// picture is a chart drawn as a PNG image.
type picture struct {
	png  []byte
	w, h int // pixels
}

// keyOf is what a chart draws for the label s at index i: s itself when
// the bitmap font can draw it and it is short, else its first word when
// that can be drawn, else its number. The chart's data table gives every
// label in full, as text.
func keyOf(s string, i int) string {
	s = strings.TrimSpace(s)
	if drawable(s) && len(s) <= 14 {
		return s
	}
	if f := strings.Fields(s); len(f) > 0 && drawable(f[0]) && len(f[0]) <= 14 {
		return f[0]
	}
	return strconv.Itoa(i + 1)
}

// draw draws the chart c as a PNG image.
func draw(c strategy.Chart, loc locale.Locale) (picture, error) {
	var cv *canvas
	switch c.Type {
	case "radar":
		cv = radar(c)
	case "timeline":
		cv = timeline(c)
	default:
		cv = bars(c, loc)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, cv.paletted()); err != nil {
		return picture{}, err
	}
	b := cv.img.Bounds()
	return picture{buf.Bytes(), b.Dx(), b.Dy()}, nil
}

// finite is v, or 0 when v is not a finite number.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// radar draws one axis per label, a ring per level and a polygon per
// series; a series with missing values is drawn as the lines between
// neighbouring axes that both have one, and an axis where the first
// series has no value gets an open circle.
func radar(c strategy.Chart) *canvas {
	const size, cx, cy, r = 1000.0, 500.0, 470.0, 330.0
	cv := newCanvas(int(size), 1000)
	n := len(c.Labels)
	top := finite(c.Max)
	if n < 3 || top <= 0 {
		return cv
	}
	pt := func(i int, v float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		v = math.Max(0, math.Min(finite(v), top))
		return cx + r*v/top*math.Cos(a), cy + r*v/top*math.Sin(a)
	}
	for lv := 1; lv <= int(top) && lv <= 20; lv++ {
		var ring [][2]float64
		for i := range n {
			x, y := pt(i, float64(lv))
			ring = append(ring, [2]float64{x, y})
		}
		cv.polygon(ring, 2, ringC, 0)
		x, y := pt(0, float64(lv))
		cv.text(x+8, y-12, strconv.Itoa(lv), 0, mutedC)
	}
	for i, l := range c.Labels {
		x, y := pt(i, top)
		cv.line(cx, cy, x, y, 2, axisC, 0)
		lx, ly := cx+(x-cx)*1.12, cy+(y-cy)*1.12
		anchor := 1
		if lx < cx-10 {
			anchor = 2
		} else if lx > cx+10 {
			anchor = 0
		}
		cv.text(lx, ly, keyOf(l, i), anchor, inkC)
		if len(c.Series) > 0 && c.Series[0].IsMissing(i) {
			for k := range 24 { // an open circle on the axis
				a0, a1 := 2*math.Pi*float64(k)/24, 2*math.Pi*float64(k+1)/24
				cv.line(x+10*math.Cos(a0), y+10*math.Sin(a0), x+10*math.Cos(a1), y+10*math.Sin(a1), 3, mutedC, 0)
			}
		}
	}
	for si, s := range c.Series {
		var pts [][2]float64
		for i := 0; i < n && i < len(s.Values); i++ {
			x, y := pt(i, s.Values[i])
			pts = append(pts, [2]float64{x, y})
		}
		col, dash := seriesC[si%len(seriesC)], 0.0
		if si%2 == 1 {
			dash = 18
		}
		if len(s.Missing) == 0 || len(pts) < n {
			if si == 0 {
				cv.fill(pts, areaC)
			}
			cv.polygon(pts, 4, col, dash)
			continue
		}
		for i := range n {
			if next := (i + 1) % n; !s.IsMissing(i) && !s.IsMissing(next) {
				cv.line(pts[i][0], pts[i][1], pts[next][0], pts[next][1], 4, col, dash)
			}
		}
	}
	legend(cv, c.Series, 40, 960)
	return cv
}

// legend draws a line sample and the key of each series.
func legend(cv *canvas, series []strategy.Series, x, y float64) {
	for i, s := range series {
		dash := 0.0
		if i%2 == 1 {
			dash = 18
		}
		cv.line(x, y, x+56, y, 4, seriesC[i%len(seriesC)], dash)
		k := keyOf(s.Name, i)
		cv.text(x+68, y, k, 0, inkC)
		x += 68 + textWidth(k) + 48
	}
}

// bars draws grouped horizontal bars: one group per label, one bar per
// series, with the value at the end of each bar.
func bars(c strategy.Chart, loc locale.Locale) *canvas {
	const w, left, barH = 1200.0, 220.0, 30.0
	ns := max(1, len(c.Series))
	groupH := barH*float64(ns) + 24
	h := groupH*float64(len(c.Labels)) + 90
	cv := newCanvas(int(w), int(math.Min(h, 4000)))
	top := finite(c.Max)
	for _, s := range c.Series {
		for _, v := range s.Values {
			top = math.Max(top, finite(v))
		}
	}
	if top <= 0 {
		top = 1
	}
	scale := (w - left - 100) / top
	for v := 0.0; v <= top && v <= 20; v++ { // a grid line per unit
		x := left + v*scale
		cv.line(x, 10, x, h-70, 2, axisC, 0)
		cv.text(x, h-55, strconv.Itoa(int(v)), 1, mutedC)
	}
	for i, l := range c.Labels {
		y := 10 + groupH*float64(i)
		cv.text(left-12, y+barH*float64(ns)/2, keyOf(l, i), 2, inkC)
		for si, s := range c.Series {
			if i >= len(s.Values) || s.IsMissing(i) {
				continue
			}
			v := math.Max(0, finite(s.Values[i]))
			by := y + barH*float64(si)
			cv.rect(left, by, left+v*scale, by+barH-6, seriesC[si%len(seriesC)])
			cv.text(left+v*scale+10, by+(barH-6)/2, loc.Decimal(v, 1), 0, inkC)
		}
	}
	x := left
	for si, s := range c.Series {
		cv.rect(x, h-30, x+28, h-10, seriesC[si%len(seriesC)])
		k := keyOf(s.Name, si)
		cv.text(x+38, h-20, k, 0, inkC)
		x += 38 + textWidth(k) + 48
	}
	return cv
}

// timeline draws a bar per span across the period, shaded by group, with
// a grid line per year labelled +0, +1, ….
func timeline(c strategy.Chart) *canvas {
	const w, left, rowH = 1200.0, 190.0, 32.0
	months := finite(c.Max)
	if months <= 0 {
		months = 60
	}
	spans := c.Spans[:min(len(c.Spans), 400)]
	h := rowH*float64(len(spans)) + 100
	cv := newCanvas(int(w), int(h))
	scale := (w - left - 20) / months
	for m := 0.0; m <= months && m <= 12*50; m += 12 {
		x := left + m*scale
		cv.line(x, 30, x, h-60, 2, axisC, 0)
		if m < months {
			cv.text(x+6, 15, "+"+strconv.Itoa(int(m/12)), 0, mutedC)
		}
	}
	var groups []string
	shade := func(g string) color.RGBA {
		for i, k := range groups {
			if k == g {
				return shadeC[i%len(shadeC)]
			}
		}
		groups = append(groups, g)
		return shadeC[(len(groups)-1)%len(shadeC)]
	}
	for i, s := range spans {
		y := 34 + rowH*float64(i)
		cv.text(left-10, y+rowH/2-2, keyOf(s.Label, i), 2, inkC)
		x0 := left + math.Max(0, math.Min(float64(s.Start), months))*scale
		x1 := left + math.Max(0, math.Min(float64(s.End), months))*scale
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		cv.rect(x0, y, math.Max(x1, x0+4), y+rowH-6, shade(s.Group))
	}
	x := left
	for i, g := range groups {
		cv.rect(x, h-36, x+28, h-16, shadeC[i%len(shadeC)])
		k := keyOf(g, i)
		cv.text(x+38, h-26, k, 0, inkC)
		x += 38 + textWidth(k) + 48
	}
	return cv
}
