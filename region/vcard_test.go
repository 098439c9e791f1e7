package region

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestVCardEscaping: commas, semicolons, backslashes and line breaks in
// names are escaped; long lines are folded at 75 octets without cutting a
// character; every line ends in CRLF.
func TestVCardEscaping(t *testing.T) {
	in := examples(t, "small-island.json")
	a := in[0].Assessment
	a.PointsOfContact[0].Person = `Ana, María; O\Neil` + "\nSecond line"
	a.Stakeholders[0].Name = strings.Repeat("Ministère de l’Économie numérique ", 4)
	var buf bytes.Buffer
	if err := EncodeVCard(&buf, build(t, in, nil)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("a line does not end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	var unfolded []string
	for _, l := range lines {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line cuts a character: %q", l)
		}
		if strings.HasPrefix(l, " ") {
			unfolded[len(unfolded)-1] += l[1:]
		} else {
			unfolded = append(unfolded, l)
		}
	}
	joined := strings.Join(unfolded, "\n")
	for _, want := range []string{
		`FN:Ana\, María\; O\\Neil\nSecond line`,
		"ORG:" + strings.Repeat("Ministère de l’Économie numérique ", 4),
		"BEGIN:VCARD\nVERSION:4.0\n",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("the cards lack %q:\n%s", want, joined)
		}
	}
	if n, m := strings.Count(joined, "BEGIN:VCARD"), strings.Count(joined, "END:VCARD"); n != m || n == 0 {
		t.Errorf("%d BEGIN and %d END", n, m)
	}
}

// TestVCardPeople: one card per person and state: a person holding two
// functions, or a function and a deputyship, gets one card with both roles.
func TestVCardPeople(t *testing.T) {
	var buf bytes.Buffer
	if err := EncodeVCard(&buf, build(t, examples(t, "small-island.json"), nil)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "FN:Kelvin St. Hilaire\r\n"); n != 1 {
		t.Errorf("%d cards for the CSIRT contact", n)
	}
	// Kelvin St. Hilaire is the CSIRT contact; Leonard Mathurin the NPC,
	// with Camille Edwards-Ortiz as deputy; Marisol Nuñez deputy of the
	// CSIRT contact; Ravi Joseph the 24/7 contact.
	if n := strings.Count(out, "BEGIN:VCARD"); n != 5 {
		t.Errorf("%d cards, want 5:\n%s", n, out)
	}
}
