package docx

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"
	"unicode/utf8"

	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// canvas is a small raster for charts: anti-aliased lines, filled
// polygons and rectangles, and a bitmap font for short ASCII keys. It
// keeps the engine small: no vector or font-rasterising library.
type canvas struct {
	img *image.RGBA
}

func newCanvas(w, h int) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h))}
	pix := c.img.Pix
	if len(pix) > 0 { // opaque white: one byte, then copies of what is done
		pix[0] = 0xff
		for n := 1; n < len(pix); n *= 2 {
			copy(pix[n:], pix[:n])
		}
	}
	return c
}

// blend paints colour col over pixel (x, y) with coverage a in [0, 1].
func (c *canvas) blend(x, y int, col color.RGBA, a float64) {
	if a <= 0 || !(image.Point{x, y}.In(c.img.Rect)) {
		return
	}
	// Coverage in steps of 1/16 keeps the colours few enough for a
	// palette (see paletted).
	a = math.Round(math.Min(a, 1)*16) / 16 * float64(col.A) / 255
	i := c.img.PixOffset(x, y)
	p := c.img.Pix[i : i+3 : i+3]
	p[0] = uint8(float64(p[0])*(1-a) + float64(col.R)*a + 0.5)
	p[1] = uint8(float64(p[1])*(1-a) + float64(col.G)*a + 0.5)
	p[2] = uint8(float64(p[2])*(1-a) + float64(col.B)*a + 0.5)
}

// rect fills the rectangle from (x0, y0) to (x1, y1).
func (c *canvas) rect(x0, y0, x1, y1 float64, col color.RGBA) {
	for y := int(math.Round(y0)); y < int(math.Round(y1)); y++ {
		for x := int(math.Round(x0)); x < int(math.Round(x1)); x++ {
			c.blend(x, y, col, 1)
		}
	}
}

// line strokes the segment from (x0, y0) to (x1, y1) with width w; when
// dash > 0 it is dashed, dash pixels on and dash*2/3 off. Each pixel near
// the segment is covered by how far its centre is from it, so that the
// edges are smooth.
func (c *canvas) line(x0, y0, x1, y1, w float64, col color.RGBA, dash float64) {
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	length := math.Sqrt(l2)
	pad := w/2 + 1
	paint := func(x, y int) {
		px, py := float64(x)+0.5, float64(y)+0.5
		t := 0.0
		if l2 > 0 {
			t = math.Max(0, math.Min(1, ((px-x0)*dx+(py-y0)*dy)/l2))
		}
		if dash > 0 && math.Mod(t*length, dash*5/3) > dash {
			return
		}
		d := math.Hypot(px-(x0+t*dx), py-(y0+t*dy))
		c.blend(x, y, col, w/2+0.5-d)
	}
	// Walk along the longer axis and cover, at each step, only the pixels
	// across the line that can be near it.
	if math.Abs(dx) >= math.Abs(dy) {
		if x1 < x0 {
			x0, y0, x1, y1, dx, dy = x1, y1, x0, y0, -dx, -dy
		}
		half := pad * length / math.Max(math.Abs(dx), 1e-9)
		for x := int(math.Floor(x0 - pad)); x <= int(math.Ceil(x1+pad)); x++ {
			yc := y0
			if dx != 0 {
				yc += (math.Max(x0, math.Min(x1, float64(x)+0.5)) - x0) * dy / dx
			}
			for y := int(math.Floor(yc - half)); y <= int(math.Ceil(yc+half)); y++ {
				paint(x, y)
			}
		}
		return
	}
	if y1 < y0 {
		x0, y0, x1, y1, dx, dy = x1, y1, x0, y0, -dx, -dy
	}
	half := pad * length / math.Abs(dy)
	for y := int(math.Floor(y0 - pad)); y <= int(math.Ceil(y1+pad)); y++ {
		xc := x0 + (math.Max(y0, math.Min(y1, float64(y)+0.5))-y0)*dx/dy
		for x := int(math.Floor(xc - half)); x <= int(math.Ceil(xc+half)); x++ {
			paint(x, y)
		}
	}
}

// polyline strokes the closed polygon through pts.
func (c *canvas) polygon(pts [][2]float64, w float64, col color.RGBA, dash float64) {
	for i := range pts {
		j := (i + 1) % len(pts)
		c.line(pts[i][0], pts[i][1], pts[j][0], pts[j][1], w, col, dash)
	}
}

// fill fills the polygon through pts (even-odd rule), sampling each
// pixel at its centre.
func (c *canvas) fill(pts [][2]float64, col color.RGBA) {
	if len(pts) < 3 {
		return
	}
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	var xs []float64
	for y := int(math.Floor(minY)); y <= int(math.Ceil(maxY)); y++ {
		cy := float64(y) + 0.5
		xs = xs[:0]
		for i := range pts {
			a, b := pts[i], pts[(i+1)%len(pts)]
			if (a[1] <= cy) != (b[1] <= cy) {
				xs = append(xs, a[0]+(cy-a[1])/(b[1]-a[1])*(b[0]-a[0]))
			}
		}
		sortFloats(xs)
		for k := 0; k+1 < len(xs); k += 2 {
			for x := int(math.Round(xs[k])); x < int(math.Round(xs[k+1])); x++ {
				c.blend(x, y, col, 1)
			}
		}
	}
}

func sortFloats(xs []float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// Text is drawn with the 7×13 bitmap font of golang.org/x/image, each of
// its pixels as a square of fontScale pixels.
const fontScale = 2

var face = basicfont.Face7x13

// textWidth is the width of s in pixels.
func textWidth(s string) float64 {
	return float64(utf8.RuneCountInString(s) * face.Advance * fontScale)
}

// text draws s with its left edge at x and its vertical middle at y.
// anchor is 0 for left, 1 for centre and 2 for right alignment.
func (c *canvas) text(x, y float64, s string, anchor int, col color.RGBA) {
	x -= textWidth(s) * float64(anchor) / 2
	top := y - float64(face.Ascent*fontScale)/2 - 2
	for _, r := range s {
		_, mask, mp, _, ok := face.Glyph(fixed.Point26_6{}, r)
		if ok {
			b := image.Rect(0, 0, face.Width, face.Height)
			for gy := b.Min.Y; gy < b.Max.Y; gy++ {
				for gx := b.Min.X; gx < b.Max.X; gx++ {
					_, _, _, a := mask.At(mp.X+gx, mp.Y+gy).RGBA()
					if a == 0 {
						continue
					}
					for sy := range fontScale {
						for sx := range fontScale {
							c.blend(int(x)+gx*fontScale+sx, int(top)+gy*fontScale+sy, col, float64(a)/0xffff)
						}
					}
				}
			}
		}
		x += float64(face.Advance * fontScale)
	}
}

// drawable reports whether the bitmap font can draw s: printable ASCII.
func drawable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// paletted returns the canvas as a paletted image of its 256 most used
// colours, every other colour drawn as the nearest of them: a chart has a
// handful of colours and their anti-aliased blends, and a paletted PNG is
// smaller and several times faster to encode than an RGBA one.
func (c *canvas) paletted() *image.Paletted {
	count := map[uint32]int{}
	p := c.img.Pix
	key := func(i int) uint32 { return uint32(p[i])<<16 | uint32(p[i+1])<<8 | uint32(p[i+2]) }
	// Most pixels repeat the one before (the white ground, a bar): count
	// runs, not pixels, in the map.
	for i := 0; i < len(p); {
		k, n := key(i), 0
		for ; i < len(p) && key(i) == k; i += 4 {
			n++
		}
		count[k] += n
	}
	keys := make([]uint32, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b uint32) int {
		if n := cmp.Compare(count[b], count[a]); n != 0 {
			return n
		}
		return cmp.Compare(a, b)
	})
	pal := keys[:min(len(keys), 256)]
	index := make(map[uint32]uint8, len(keys))
	palette := make(color.Palette, len(pal))
	for i, k := range pal {
		index[k] = uint8(i)
		palette[i] = color.RGBA{uint8(k >> 16), uint8(k >> 8), uint8(k), 0xff}
	}
	for _, k := range keys[len(pal):] {
		index[k] = uint8(palette.Index(color.RGBA{uint8(k >> 16), uint8(k >> 8), uint8(k), 0xff}))
	}
	out := image.NewPaletted(c.img.Rect, palette)
	last, idx := uint32(1<<24), uint8(0)
	for i, j := 0, 0; i < len(p); i, j = i+4, j+1 {
		if k := key(i); k != last {
			last, idx = k, index[k]
		}
		out.Pix[j] = idx
	}
	return out
}
