package locale_test

import (
	"strings"
	"testing"

	"github.com/ncskit/ncskit/internal/locale"
)

// show makes the no-break spaces visible in failure messages: "_" for a
// narrow one, "~" for a full one.
func show(s string) string {
	return strings.NewReplacer(locale.Narrow, "_", "\u00a0", "~").Replace(s)
}

func TestFormats(t *testing.T) {
	type row struct{ en, es, fr, pt string }
	cases := []struct {
		name string
		f    func(l locale.Locale) string
		want row
	}{
		{"int", func(l locale.Locale) string { return l.Int(6930) }, row{"6,930", "6.930", "6_930", "6.930"}},
		{"int small", func(l locale.Locale) string { return l.Int(930) }, row{"930", "930", "930", "930"}},
		{"int large", func(l locale.Locale) string { return l.Int(18400000) }, row{"18,400,000", "18.400.000", "18_400_000", "18.400.000"}},
		{"int negative", func(l locale.Locale) string { return l.Int(-1234) }, row{"-1,234", "-1.234", "-1_234", "-1.234"}},
		{"decimal", func(l locale.Locale) string { return l.Decimal(1234.5, 1) }, row{"1,234.5", "1.234,5", "1_234,5", "1.234,5"}},
		{"decimal two", func(l locale.Locale) string { return l.Decimal(3.1, 2) }, row{"3.10", "3,10", "3,10", "3,10"}},
		{"decimal none", func(l locale.Locale) string { return l.Decimal(2.6, 0) }, row{"3", "3", "3", "3"}},
		{"number", func(l locale.Locale) string { return l.Number(2.25) }, row{"2.25", "2,25", "2,25", "2,25"}},
		{"point", func(l locale.Locale) string { return l.Point() }, row{".", ",", ",", ","}},
		{"number whole", func(l locale.Locale) string { return l.Number(4) }, row{"4", "4", "4", "4"}},
		{"money millions", func(l locale.Locale) string { return l.Money(1.4e6, "USD") },
			row{"US$1.4m", "US$~1,4~millones", "1,4~million~USD", "US$~1,4~milhão"}},
		{"money many millions", func(l locale.Locale) string { return l.Money(5.5e6, "USD") },
			row{"US$5.5m", "US$~5,5~millones", "5,5~millions~USD", "US$~5,5~milhões"}},
		{"money thousands", func(l locale.Locale) string { return l.Money(968000, "USD") },
			row{"US$968k", "US$~968~mil", "968_000~USD", "US$~968~mil"}},
		{"money zero", func(l locale.Locale) string { return l.Money(0, "USD") }, row{"US$0", "US$~0", "0~USD", "US$~0"}},
		{"money other currency", func(l locale.Locale) string { return l.Money(2.25e6, "XCD") },
			row{"XCD 2.2m", "XCD~2,2~millones", "2,2~millions~XCD", "XCD~2,2~milhões"}},
		{"amount", func(l locale.Locale) string { return l.Amount(185000, "USD") },
			row{"US$185,000", "US$~185.000", "185_000~USD", "US$~185.000"}},
		{"amount other currency", func(l locale.Locale) string { return l.Amount(96400000000, "SLP") },
			row{"SLP 96,400,000,000", "SLP~96.400.000.000", "96_400_000_000~SLP", "SLP~96.400.000.000"}},
		{"month", func(l locale.Locale) string { return l.Month("2027-06") }, row{"2027-06", "junio de 2027", "juin 2027", "junho de 2027"}},
		{"month december", func(l locale.Locale) string { return l.Month("2029-12") }, row{"2029-12", "diciembre de 2029", "décembre 2029", "dezembro de 2029"}},
		{"month short", func(l locale.Locale) string { return l.MonthShort("2027-06") }, row{"2027-06", "jun.~2027", "juin~2027", "jun.~2027"}},
		{"month short september", func(l locale.Locale) string { return l.MonthShort("2027-09") }, row{"2027-09", "sept.~2027", "sept.~2027", "set.~2027"}},
		{"month short of a date", func(l locale.Locale) string { return l.MonthShort("2027-09-01") }, row{"2027-09-01", "2027-09-01", "2027-09-01", "2027-09-01"}},
		{"month not a month", func(l locale.Locale) string { return l.Month("soon") }, row{"soon", "soon", "soon", "soon"}},
		{"month out of range", func(l locale.Locale) string { return l.Month("2027-13") }, row{"2027-13", "2027-13", "2027-13", "2027-13"}},
		{"date", func(l locale.Locale) string { return l.Date("2027-06-02") }, row{"2027-06-02", "2 de junio de 2027", "2 juin 2027", "2 de junho de 2027"}},
		{"date first", func(l locale.Locale) string { return l.Date("2026-09-01") },
			row{"2026-09-01", "1 de septiembre de 2026", "1er septembre 2026", "1º de setembro de 2026"}},
		{"date of a month", func(l locale.Locale) string { return l.Date("2026-08") }, row{"2026-08", "agosto de 2026", "août 2026", "agosto de 2026"}},
		{"date of a year", func(l locale.Locale) string { return l.Date("2016") }, row{"2016", "2016", "2016", "2016"}},
		{"date articles", func(l locale.Locale) string {
			return l.DateArticles("vigente desde " + l.Date("2024-03-11") + ", hasta " + l.Date("2030") + "; antes de " + l.Date("2027-06-01") +
				" (en " + l.Date("2027-06-02") + ") y a más tardar en " + l.Date("2027-12-31") + ", avant " + l.Date("2027-06-01") +
				", jusqu'à " + l.Date("2030-03-31") + ", en " + l.Month("2029-06"))
		}, row{"vigente desde 2024-03-11, hasta 2030; antes de 2027-06-01 (en 2027-06-02) y a más tardar en 2027-12-31, avant 2027-06-01, jusqu'à 2030-03-31, en 2029-06",
			"vigente desde el 11 de marzo de 2024, hasta 2030; antes del 1 de junio de 2027 (el 2 de junio de 2027) y a más tardar el 31 de diciembre de 2027, avant 1 de junio de 2027, jusqu'à 31 de marzo de 2030, en junio de 2029",
			"vigente desde 11 mars 2024, hasta 2030; antes du 1er juin 2027 (le 2 juin 2027) y a más tardar le 31 décembre 2027, avant le 1er juin 2027, jusqu'au 31 mars 2030, en juin 2029",
			"vigente desde 11 de março de 2024, hasta 2030; antes de 1º de junho de 2027 (en 2 de junho de 2027) y a más tardar en 31 de dezembro de 2027, avant 1º de junho de 2027, jusqu'à 31 de março de 2030, en junho de 2029"}},
		{"list", func(l locale.Locale) string { return l.List([]string{"a", "b", "c"}) }, row{"a, b and c", "a, b y c", "a, b et c", "a, b e c"}},
		{"list of two", func(l locale.Locale) string { return l.List([]string{"a", "b"}) }, row{"a and b", "a y b", "a et b", "a e b"}},
		{"list of one", func(l locale.Locale) string { return l.List([]string{"a"}) }, row{"a", "a", "a", "a"}},
		{"list before i", func(l locale.Locale) string { return l.List([]string{"Panamá", "Istmara"}) },
			row{"Panamá and Istmara", "Panamá e Istmara", "Panamá et Istmara", "Panamá e Istmara"}},
		{"list before hi", func(l locale.Locale) string { return l.List([]string{"a", "hidrocarburos"}) },
			row{"a and hidrocarburos", "a e hidrocarburos", "a et hidrocarburos", "a e hidrocarburos"}},
		{"list before hie", func(l locale.Locale) string { return l.List([]string{"agua", "hierro"}) },
			row{"agua and hierro", "agua y hierro", "agua et hierro", "agua e hierro"}},
		{"colon", func(l locale.Locale) string { return "Lead" + l.Colon() + "x" + l.Semicolon() + "y" },
			row{"Lead: x; y", "Lead: x; y", "Lead_: x_; y", "Lead: x; y"}},
		{"punctuate", func(l locale.Locale) string { return l.Punctuate("a : b ; c ? d ! see https://x.org:8080 e :") },
			row{"a : b ; c ? d ! see https://x.org:8080 e :", "a : b ; c ? d ! see https://x.org:8080 e :",
				"a_: b_; c_? d_! see https://x.org:8080 e_:", "a : b ; c ? d ! see https://x.org:8080 e :"}},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"en": c.want.en, "es": c.want.es, "fr": c.want.fr, "pt": c.want.pt} {
			if got := show(c.f(locale.For(lang))); got != want {
				t.Errorf("%s in %s: got %q, want %q", c.name, lang, got, want)
			}
		}
	}
}

func TestFor(t *testing.T) {
	for lang, want := range map[string]string{"pt-BR": "pt", "ES": "es", "nl": "en", "": "en", "fr-HT": "fr"} {
		if got := locale.For(lang).Lang(); got != want {
			t.Errorf("For(%q).Lang() = %q, want %q", lang, got, want)
		}
	}
	var zero locale.Locale
	if got := zero.Decimal(1234.5, 1); got != "1,234.5" {
		t.Errorf("the zero Locale writes %q, want English 1,234.5", got)
	}
}
