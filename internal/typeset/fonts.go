package typeset

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// The fonts are DejaVu Sans and DejaVu Sans Bold, subset once to Latin
// ranges (fonts/README.md says how); fpdf subsets them again to the glyphs
// a document uses. compose.go lists the font's precomposed characters by
// their decomposition; regenerate it when the fonts change.
//
//go:generate go run gencompose.go
var (
	//go:embed fonts/DejaVuSans-Latin.ttf
	regularTTF []byte
	//go:embed fonts/DejaVuSans-Bold-Latin.ttf
	boldTTF []byte
)

// Family is the name under which AddFonts registers the fonts with fpdf;
// "" selects the regular weight and "B" the bold one.
const Family = "DejaVu"

// face is what the layout needs to know of a font file: which characters
// it has and how wide they are, in thousandths of the font size, rounded
// as fpdf rounds them.
type face struct {
	ascii [0x80]uint16
	width map[rune]uint16
}

var (
	facesOnce  sync.Once
	faces      [2]*face // regular, bold
	facesErr   error
	covered    [0x10000 / 64]uint64 // the characters both faces have
	replaceRun = '\uFFFD'
)

// loadFaces parses the embedded fonts once.
func loadFaces() ([2]*face, error) {
	facesOnce.Do(func() {
		for i, b := range [][]byte{regularTTF, boldTTF} {
			f, err := parseFace(b)
			if err != nil {
				facesErr = err
				return
			}
			faces[i] = f
		}
		for r := range faces[0].width {
			if _, ok := faces[1].width[r]; ok && r < 0x10000 {
				covered[r/64] |= 1 << (r % 64)
			}
		}
		if !has(replaceRun) {
			replaceRun = '?'
		}
	})
	return faces, facesErr
}

// has reports whether both faces have r, so that text can switch weight
// freely.
func has(r rune) bool {
	return r >= 0 && r < 0x10000 && covered[r/64]&(1<<(r%64)) != 0
}

var errFont = errors.New("typeset: embedded font is malformed")

// parseFace reads the cmap, head, hhea and hmtx tables of a TrueType font.
func parseFace(b []byte) (*face, error) {
	tables := map[string][]byte{}
	if len(b) < 12 {
		return nil, errFont
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errFont
		}
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		ln := int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(b) {
			return nil, errFont
		}
		tables[string(b[rec:rec+4])] = b[off : off+ln]
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil {
		return nil, errFont
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if upem == 0 || nh == 0 || len(hmtx) < 4*nh {
		return nil, errFont
	}
	glyphs, err := parseCmap(cmap)
	if err != nil {
		return nil, err
	}
	f := &face{width: make(map[rune]uint16, len(glyphs))}
	for r, g := range glyphs {
		if g == 0 {
			continue
		}
		i := min(int(g), nh-1)
		adv := float64(binary.BigEndian.Uint16(hmtx[4*i:]))
		f.width[r] = uint16(math.Round(adv * 1000 / upem))
		if r < 0x80 {
			f.ascii[r] = f.width[r]
		}
	}
	return f, nil
}

// parseCmap returns the character-to-glyph map of the best Unicode
// subtable (format 12, else format 4).
func parseCmap(c []byte) (map[rune]uint16, error) {
	if len(c) < 4 {
		return nil, errFont
	}
	var off4, off12 int
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(c) {
			return nil, errFont
		}
		pid, eid := binary.BigEndian.Uint16(c[rec:]), binary.BigEndian.Uint16(c[rec+2:])
		off := int(binary.BigEndian.Uint32(c[rec+4:]))
		if off+4 > len(c) || !(pid == 0 || pid == 3 && (eid == 1 || eid == 10)) {
			continue
		}
		switch binary.BigEndian.Uint16(c[off:]) {
		case 4:
			off4 = off
		case 12:
			off12 = off
		}
	}
	switch {
	case off12 > 0:
		return cmap12(c[off12:])
	case off4 > 0:
		return cmap4(c[off4:])
	}
	return nil, errFont
}

func cmap4(t []byte) (map[rune]uint16, error) {
	if len(t) < 14 {
		return nil, errFont
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	if len(t) < 16+8*segs {
		return nil, errFont
	}
	ends, starts := t[14:], t[16+2*segs:]
	deltas, ranges := t[16+4*segs:], t[16+6*segs:]
	m := map[rune]uint16{}
	for s := 0; s < segs; s++ {
		end := int(binary.BigEndian.Uint16(ends[2*s:]))
		start := int(binary.BigEndian.Uint16(starts[2*s:]))
		delta := binary.BigEndian.Uint16(deltas[2*s:])
		ro := int(binary.BigEndian.Uint16(ranges[2*s:]))
		for ch := start; ch <= end && ch != 0xFFFF; ch++ {
			var g uint16
			if ro == 0 {
				g = uint16(ch) + delta
			} else {
				at := 16 + 6*segs + 2*s + ro + 2*(ch-start)
				if at+2 > len(t) {
					return nil, errFont
				}
				if g = binary.BigEndian.Uint16(t[at:]); g != 0 {
					g += delta
				}
			}
			if g != 0 {
				m[rune(ch)] = g
			}
		}
	}
	return m, nil
}

func cmap12(t []byte) (map[rune]uint16, error) {
	if len(t) < 16 {
		return nil, errFont
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if n < 0 || len(t) < 16+12*n {
		return nil, errFont
	}
	m := map[rune]uint16{}
	for i := 0; i < n; i++ {
		g := t[16+12*i:]
		start, end := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:])
		gid := binary.BigEndian.Uint32(g[8:])
		if end > 0xFFFF || end < start {
			continue // outside the BMP: fpdf cannot encode it
		}
		for ch := start; ch <= end; ch++ {
			m[rune(ch)] = uint16(gid + ch - start)
		}
	}
	return m, nil
}

// Clean makes any string safe to draw with the embedded fonts: invalid
// UTF-8, control and format characters go, line breaks become "\n", tabs
// spaces, decomposed accents are composed, and characters the fonts lack
// become the replacement character. fpdf indexes its width table by
// character and encodes only the Basic Multilingual Plane, so nothing else
// may reach it.
func Clean(s string) string {
	if IsPlain(s) || isClean(s) {
		return s
	}
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1:
			r = replaceRun
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case r == '\u2028' || r == '\u2029':
			r = '\n'
		case r == '\t':
			r = ' '
		case r == '\n':
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		case unicode.Is(unicode.Mn, r):
			if k := len(out) - 1; k >= 0 {
				if c, ok := composed[[2]rune{out[k], r}]; ok {
					out[k] = c
				}
			}
			continue // a mark the font cannot compose is dropped
		case !has(r):
			r = replaceRun
		}
		out = append(out, r)
	}
	return string(out)
}

// isClean reports whether Clean would leave s as it is.
func isClean(s string) bool {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return false
		}
		if r != '\n' && (r < 0x20 || r == 0x7f) || r >= 0x80 && !has(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
		if r >= 0x80 && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r)) {
			return false
		}
	}
	return true
}

// IsPlain reports whether s is printable ASCII, the common case.
func IsPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E {
			return false
		}
	}
	return true
}

// Load parses the embedded fonts, once; it fails only if they are
// malformed. The measuring functions need it to have succeeded.
func Load() error {
	_, err := loadFaces()
	return err
}

// AddFonts loads the fonts and registers them with f under Family, and
// selects the regular face: fpdf reports a bad font only then.
func AddFonts(f *fpdf.Fpdf) error {
	if err := Load(); err != nil {
		return err
	}
	f.AddUTF8FontFromBytes(Family, "", regularTTF)
	f.AddUTF8FontFromBytes(Family, "B", boldTTF)
	f.SetFont(Family, "", 10)
	return f.Error()
}
