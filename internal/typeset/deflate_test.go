package typeset

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// sample writes a small document of several pages, with text, links and
// an outline, compressed by fpdf or not.
func sample(t *testing.T, compress bool) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	if err := AddFonts(f); err != nil {
		t.Fatal(err)
	}
	f.SetCompression(compress)
	f.SetCatalogSort(true) // else the fonts come in map order
	f.SetCreationDate(time.Unix(0, 0).UTC())
	f.SetModificationDate(time.Unix(0, 0).UTC())
	for p := range 5 {
		f.AddPage()
		f.Bookmark("Page "+strconv.Itoa(p+1), 0, -1)
		for l := range 40 * p {
			f.Text(20, 20+float64(l%60)*4, "Línea "+strconv.Itoa(l)+" — stream endstream endobj xref")
		}
		f.Link(20, 20, 40, 5, f.AddLink())
	}
	var out bytes.Buffer
	if err := f.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// The pages deflated by the encoder give the same bytes as fpdf's own
// compression, cross-reference table included.
func TestDeflatePagesAsFpdf(t *testing.T) {
	want := sample(t, true)
	got, err := deflatePages(sample(t, false))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("%d bytes, want %d; first difference at %d:\n%q\nwant\n%q", len(got), len(want), i,
			got[max(i-40, 0):min(i+40, len(got))], want[max(i-40, 0):min(i+40, len(want))])
	}
}

// Output laid out otherwise than fpdf's is refused, never half rewritten.
func TestDeflatePagesRefuses(t *testing.T) {
	raw := sample(t, false)
	compressed := sample(t, true)
	for name, b := range map[string][]byte{
		"empty":      nil,
		"truncated":  raw[:len(raw)/2],
		"no xref":    bytes.Replace(raw, []byte("xref\n0 "), []byte("xrfe\n0 "), 1),
		"compressed": compressed,
		"bad length": bytes.Replace(raw, []byte("<</Length "), []byte("<</Length 9"), 1),
		"no kids":    bytes.Replace(raw, []byte("/Kids ["), []byte("/Kids <"), 1),
	} {
		if _, err := deflatePages(b); !errors.Is(err, errLayout) {
			t.Errorf("%s: err %v, want %v", name, err, errLayout)
		}
	}
}
