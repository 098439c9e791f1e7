package region

import (
	"strings"

	"github.com/ncskit/ncskit/internal/typeset"
)

// pdfTable is a table of the report laid out for the page: its column
// widths and every cell wrapped into lines.
type pdfTable struct {
	kv     bool // a key-value table: no head row, the keys bold
	widths []float64
	lh     float64
	head   []pdfCell
	headN  int // lines of the head row
	headH  float64
	rows   []pdfRow
}

type pdfRow struct {
	cells []pdfCell
	n     int // lines of the tallest cell
}

type pdfCell struct {
	lines []string
	st    pstyle
	align byte // 'L', 'R' or 'C'
	shade int  // as cell.shade
}

// pdfText is the text a cell shows on paper: a heat-map cell puts the
// target under the progress, so that its column stays narrow.
func pdfText(c cell) string {
	s := typeset.Clean(c.text)
	if c.shade >= 0 {
		s = strings.Replace(s, " / ", "\n/ ", 1)
	}
	return s
}

func (d *pdfDoc) cellStyles(t table, kv bool, c cell, col int) (pstyle, byte) {
	st := cellStyle
	if t.narrow {
		st = heatStyle
	}
	switch {
	case kv && col == 0:
		return thStyle, 'L'
	case c.shade >= 3:
		st.color = rgb{0xff, 0xff, 0xff}
		return st, 'C'
	case c.shade >= 0 || c.shade == -2:
		return st, 'C'
	case c.num != nil:
		return st, 'R'
	}
	return st, 'L'
}

// layout measures t: the natural width of each column (its longest line)
// and its least width (its longest word, up to maxMinWidth); the columns
// get their natural widths when all fit, else their least widths and a
// share of the rest in proportion to what more they would take.
func (d *pdfDoc) layout(t table, kv bool) *pdfTable {
	hst := thStyle
	pt := &pdfTable{kv: kv, lh: lineH(cellStyle)}
	if t.narrow {
		hst, pt.lh = heatHead, lineH(heatStyle)
	}
	ncol := len(t.head)
	for _, row := range t.rows {
		ncol = max(ncol, len(row))
	}
	nat, least, vol := make([]float64, ncol), make([]float64, ncol), make([]float64, ncol)
	measure := func(col int, s string, st pstyle) {
		for line := range strings.SplitSeq(s, "\n") {
			w := typeset.Width(line, st.font)
			nat[col] = max(nat[col], min(w, 110))
			vol[col] += w
			for _, word := range strings.Fields(line) {
				least[col] = max(least[col], min(typeset.Width(word, st.font), maxMinWidth))
			}
		}
	}
	texts := make([][]string, len(t.rows))
	for r, row := range t.rows {
		texts[r] = make([]string, len(row))
		for c, v := range row {
			texts[r][c] = pdfText(v)
			st, _ := d.cellStyles(t, kv, v, c)
			measure(c, texts[r][c], st)
		}
	}
	var heads []string
	if !kv {
		for c, h := range t.head {
			heads = append(heads, typeset.Clean(h))
			// Head words may break inside (a long word in a narrow
			// column of numbers): they count for the least width of
			// their column only up to a third of it.
			hw := 0.0
			for _, word := range strings.Fields(heads[c]) {
				hw = max(hw, typeset.Width(word, hst.font))
			}
			least[c] = max(least[c], min(hw, 22))
			nat[c] = max(nat[c], min(typeset.Width(heads[c], hst.font), 40))
		}
	}
	pt.widths = d.widths(nat, least, vol)
	if !kv {
		pt.head = make([]pdfCell, len(heads))
		for c, h := range heads {
			lines := typeset.Wrap(h, pt.widths[c]-2*padX, hst.font)
			pt.head[c] = pdfCell{lines: lines, st: hst, align: 'L', shade: -1}
			pt.headN = max(pt.headN, len(lines))
		}
		pt.headH = float64(pt.headN)*lineH(hst) + 2*padY
	}
	for r, row := range t.rows {
		pr := pdfRow{cells: make([]pdfCell, ncol)}
		for c := range ncol {
			v := cell{shade: -1}
			if c < len(row) {
				v = row[c]
			}
			st, align := d.cellStyles(t, kv, v, c)
			var lines []string
			if c < len(row) && texts[r][c] != "" {
				lines = typeset.Wrap(texts[r][c], pt.widths[c]-2*padX, st.font)
			}
			pr.cells[c] = pdfCell{lines: lines, st: st, align: align, shade: v.shade}
			pr.n = max(pr.n, len(lines), 1)
		}
		pt.rows = append(pt.rows, pr)
	}
	return pt
}

// widths shares the width of the page among columns of natural widths
// nat and least widths least (both without padding): all natural widths
// when they fit; the least widths, the widest cut to a common width, when
// not even those fit; else each its least width and a share of the rest in
// proportion to its volume of text vol, up to its natural width, so that
// the columns of long text take about as many lines as each other.
func (d *pdfDoc) widths(nat, least, vol []float64) []float64 {
	avail := d.right - d.left
	out := make([]float64, len(nat))
	var sumNat, sumLeast float64
	for c := range nat {
		nat[c] += 2*padX + 0.5
		least[c] += 2*padX + 0.5
		nat[c] = max(nat[c], least[c], 6)
		sumNat += nat[c]
		sumLeast += least[c]
	}
	switch {
	case sumNat <= avail:
		copy(out, nat)
		return out
	case sumLeast >= avail:
		// The widest columns give way first, down to a common width:
		// their long words break, the narrow columns stay whole.
		lo, hi := 0.0, avail
		for range 50 {
			mid := (lo + hi) / 2
			sum := 0.0
			for c := range least {
				sum += min(least[c], mid)
			}
			if sum > avail {
				hi = mid
			} else {
				lo = mid
			}
		}
		for c := range least {
			out[c] = min(least[c], lo)
		}
		return out
	}
	copy(out, least)
	rest := avail - sumLeast
	open := map[int]bool{}
	for c := range nat {
		if nat[c] > least[c] {
			open[c] = true
		}
	}
	for rest > 0.01 && len(open) > 0 {
		total := 0.0
		for c := range open {
			total += vol[c] + 1
		}
		given := 0.0
		for c := range len(nat) { // in column order, for the same sums every run
			if !open[c] {
				continue
			}
			add := rest * (vol[c] + 1) / total
			if out[c]+add >= nat[c] {
				add = nat[c] - out[c]
				delete(open, c)
			}
			out[c] += add
			given += add
		}
		rest -= given
	}
	return out
}

// firstRow is the height the table needs below its head to start on a
// page: its first row, or three lines of it when the row is taller than
// a page of height full.
func (pt *pdfTable) firstRow(full float64) float64 {
	if len(pt.rows) == 0 {
		return 0
	}
	if h := float64(pt.rows[0].n)*pt.lh + 2*padY; h <= full-pt.headH {
		return h
	}
	return 3*pt.lh + 2*padY
}

// table draws pt from the current position: whole rows where they fit,
// the head again on every new page, a row taller than a page split
// between lines.
func (d *pdfDoc) table(pt *pdfTable) {
	if !pt.kv {
		if !d.room(pt.headH + pt.firstRow(d.full())) {
			d.newPage()
		}
		d.headRow(pt)
	}
	full := d.full() - pt.headH
	for _, row := range pt.rows {
		h := float64(row.n)*pt.lh + 2*padY
		if !d.room(h) && (h <= full || !d.room(2*pt.lh+2*padY)) {
			d.newPage()
			if !pt.kv {
				d.headRow(pt)
			}
		}
		for from := 0; from < row.n; {
			fit := max(int((d.bottom-d.y-2*padY)/pt.lh), 1)
			to := min(row.n, from+fit)
			d.rowSegment(pt, row, from, to)
			from = to
			if from < row.n {
				d.newPage()
				if !pt.kv {
					d.headRow(pt)
				}
			}
		}
	}
}

func (d *pdfDoc) headRow(pt *pdfTable) {
	if d.dry {
		d.y += pt.headH
		return
	}
	x := d.left
	d.draw(pdfRule)
	d.fill(pdfTint)
	d.f.SetLineWidth(0.15)
	for c, hc := range pt.head {
		d.f.Rect(x, d.y, pt.widths[c], pt.headH, "FD")
		lh := lineH(hc.st)
		for i, line := range hc.lines {
			d.text(x+padX, d.y+padY+float64(i)*lh, lh, line, hc.st)
		}
		x += pt.widths[c]
	}
	d.y += pt.headH
}

// rowSegment draws lines from to to of every cell of row.
func (d *pdfDoc) rowSegment(pt *pdfTable, row pdfRow, from, to int) {
	h := float64(to-from)*pt.lh + 2*padY
	if d.dry {
		d.y += h
		return
	}
	x := d.left
	for c, pc := range row.cells {
		w := pt.widths[c]
		if pc.shade != -1 {
			d.swatch(x, d.y, w, h, pc.shade)
		}
		d.draw(pdfRule)
		d.f.SetLineWidth(0.15)
		d.f.Rect(x, d.y, w, h, "D")
		for i := from; i < min(to, len(pc.lines)); i++ {
			line := pc.lines[i]
			top := d.y + padY + float64(i-from)*pt.lh
			switch pc.align {
			case 'R':
				d.text(x+w-padX-typeset.Width(line, pc.st.font), top, pt.lh, line, pc.st)
			case 'C':
				d.text(x+(w-typeset.Width(line, pc.st.font))/2, top, pt.lh, line, pc.st)
			default:
				d.text(x+padX, top, pt.lh, line, pc.st)
			}
		}
		x += w
	}
	d.y += h
}
