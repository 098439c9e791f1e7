package docshape

import (
	"testing"

	_ "github.com/ncskit/ncskit/internal/golden"
)

func TestNumeric(t *testing.T) {
	for s, want := range map[string]bool{
		"12": true, "-3.5": true, "−2": true, "40%": true, "40 %": true, "US$1.4m": true,
		"US$569k": true, "€185,000": true, "1.234,5": true, "1\u202f234,5": true, "3/5": true,
		"": false, "A": false, "2027-06": false, "GOV-01": false, "12 posts": false, "n/a": false,
		"US$": false, "12 mil": true, "1 234 USD": true, "USD": false, "GOV 12": false,
		"US$\u00a01,4\u00a0millones": true, "1,4\u00a0million\u00a0USD": true, "968\u202f000\u00a0USD": true,
		"US$\u00a05,5\u00a0milhões": true, "SLP 96.400.000.000": false, "12 millones de personas": false,
	} {
		if got := Numeric(s); got != want {
			t.Errorf("Numeric(%q) = %v, want %v", s, got, want)
		}
	}
	rows := [][]string{{"a", "1"}, {"b", "—"}, {"c", "2.5"}}
	if !NumericColumn(rows, 1) || NumericColumn(rows, 0) || NumericColumn([][]string{{"–"}}, 0) {
		t.Error("NumericColumn: a column of numbers with a dash is numeric, one of words or of dashes alone is not")
	}
}
