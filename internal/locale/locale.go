// Package locale writes the numbers, amounts of money, dates and lists
// that code puts into a document the way each language of the documents
// writes them: 1,234.5 in English, 1.234,5 in Spanish and Portuguese,
// 1 234,5 (with a narrow no-break space) in French; "June 2027" as
// "junio de 2027", "juin 2027", "junho de 2027".
//
// English keeps the forms the English documents have always had: ISO
// dates (2027-06, 2027-06-02) and compact amounts (US$1.4m, US$968k).
// A language the package does not know is written as English is.
package locale

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Narrow is the narrow no-break space (U+202F) that French puts between
// the groups of a number and before « ; », « : », « ! » and « ? ».
const Narrow = "\u202f"

// noBreak is the no-break space (U+00A0) between a number and the word
// or currency that follows it, so that "1,4 millones" never breaks.
const noBreak = "\u00a0"

// Locale formats for one language. The zero value is English.
type Locale struct {
	lang string
	c    *convention
}

// convention is how a language writes numbers, money, dates and lists.
type convention struct {
	group, point string   // thousands separator and decimal mark
	and          string   // the conjunction before a list's last item
	months       []string // January to December
	short        []string // their abbreviations, for tables
	monthYear    func(month string, y int) string
	date         func(d int, month string, y int) string
	money        func(n, unit, currency string) string // n already written
	units        func(x float64) (thousand, million string)
	amount       func(n, currency string) string
	punct        bool // a narrow no-break space before ; : ! ?
}

var conventions = map[string]*convention{
	"en": {
		group: ",", point: ".", and: "and",
		money: func(n, unit, cur string) string { return symbol(cur, "") + n + unit },
		units: func(float64) (string, string) { return "k", "m" },
		amount: func(n, cur string) string {
			if cur == "USD" {
				return "US$" + n
			}
			return cur + " " + n
		},
	},
	"es": {
		group: ".", point: ",", and: "y",
		months: []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
			"septiembre", "octubre", "noviembre", "diciembre"},
		short:     []string{"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."},
		monthYear: func(m string, y int) string { return m + " de " + strconv.Itoa(y) },
		date:      func(d int, m string, y int) string { return strconv.Itoa(d) + " de " + m + " de " + strconv.Itoa(y) },
		money:     func(n, unit, cur string) string { return symbol(cur, noBreak) + n + unit },
		units: func(x float64) (string, string) {
			return noBreak + "mil", noBreak + "millones"
		},
		amount: func(n, cur string) string { return symbol(cur, noBreak) + n },
	},
	"fr": {
		group: Narrow, point: ",", and: "et", punct: true,
		months: []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
			"septembre", "octobre", "novembre", "décembre"},
		short:     []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		monthYear: func(m string, y int) string { return m + " " + strconv.Itoa(y) },
		date: func(d int, m string, y int) string {
			day := strconv.Itoa(d)
			if d == 1 {
				day = "1er"
			}
			return day + " " + m + " " + strconv.Itoa(y)
		},
		money: func(n, unit, cur string) string { return n + unit + noBreak + cur },
		units: func(x float64) (string, string) {
			if x < 2 {
				return Narrow + "000", noBreak + "million"
			}
			return Narrow + "000", noBreak + "millions"
		},
		amount: func(n, cur string) string { return n + noBreak + cur },
	},
	"pt": {
		group: ".", point: ",", and: "e",
		months: []string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
			"setembro", "outubro", "novembro", "dezembro"},
		short:     []string{"jan.", "fev.", "mar.", "abr.", "maio", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."},
		monthYear: func(m string, y int) string { return m + " de " + strconv.Itoa(y) },
		date: func(d int, m string, y int) string {
			day := strconv.Itoa(d)
			if d == 1 {
				day = "1º"
			}
			return day + " de " + m + " de " + strconv.Itoa(y)
		},
		money: func(n, unit, cur string) string { return symbol(cur, noBreak) + n + unit },
		units: func(x float64) (string, string) {
			if x < 2 {
				return noBreak + "mil", noBreak + "milhão"
			}
			return noBreak + "mil", noBreak + "milhões"
		},
		amount: func(n, cur string) string { return symbol(cur, noBreak) + n },
	},
}

// symbol is how an amount in cur starts where the currency comes first:
// "US$" for US dollars, else the ISO code and a space.
func symbol(cur, gap string) string {
	if cur == "USD" {
		return "US$" + gap
	}
	return cur + noBreakOr(gap)
}

func noBreakOr(gap string) string {
	if gap == "" {
		return " "
	}
	return gap
}

// Languages are the languages with their own conventions.
var Languages = []string{"en", "es", "fr", "pt"}

// For returns the locale of lang ("pt-BR" is "pt"); a language without
// its own conventions gets English ones.
func For(lang string) Locale {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if c, ok := conventions[base]; ok {
		return Locale{lang: base, c: c}
	}
	return Locale{lang: "en", c: conventions["en"]}
}

func (l Locale) conv() *convention {
	if l.c == nil {
		return conventions["en"]
	}
	return l.c
}

// Lang is the language whose conventions l follows.
func (l Locale) Lang() string {
	if l.lang == "" {
		return "en"
	}
	return l.lang
}

// Int writes a whole number with its thousands grouped: 6,930 · 6.930 ·
// 6 930.
func (l Locale) Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	return sign + l.groupDigits(s)
}

func (l Locale) groupDigits(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(l.conv().group)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Decimal writes x with exactly digits decimals, its whole part grouped:
// 3.1 · 3,1; 1,234.50 · 1.234,50.
func (l Locale) Decimal(x float64, digits int) string {
	return l.localise(strconv.FormatFloat(x, 'f', digits, 64))
}

// Number writes x with as many decimals as it needs and no more: 2.5,
// 3, 1,234.25.
func (l Locale) Number(x float64) string {
	return l.localise(strconv.FormatFloat(x, 'f', -1, 64))
}

// localise rewrites a number formatted by strconv ('f') with l's
// grouping and decimal mark.
func (l Locale) localise(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, ok := strings.Cut(s, ".")
	out := sign + l.groupDigits(whole)
	if ok {
		out += l.conv().point + frac
	}
	return out
}

// Point is the decimal mark: "." in English, "," in Spanish, French and
// Portuguese.
func (l Locale) Point() string { return l.conv().point }

// Amount writes a whole amount in its currency (an ISO 4217 code), every
// digit shown: US$185,000 · US$ 185.000 · 185 000 USD; SLP 96,400,000,000.
func (l Locale) Amount(v int64, currency string) string {
	return l.conv().amount(l.Int(v), currency)
}

// Money writes an amount in its currency rounded for reading in a
// sentence or a budget table: in millions with one decimal from a
// million, else in whole thousands. English writes US$1.4m and US$968k,
// Spanish US$ 1,4 millones and US$ 968 mil, French 1,4 million USD and
// 968 000 USD, Portuguese US$ 1,4 milhão and US$ 968 mil.
func (l Locale) Money(v float64, currency string) string {
	c := l.conv()
	if v == 0 {
		return c.amount("0", currency)
	}
	if math.Abs(v) >= 1e6 {
		x, _ := strconv.ParseFloat(strconv.FormatFloat(v/1e6, 'f', 1, 64), 64)
		_, million := c.units(x)
		return c.money(l.Decimal(v/1e6, 1), million, currency)
	}
	thousand, _ := c.units(v / 1e6)
	return c.money(l.Decimal(v/1e3, 0), thousand, currency)
}

// Month writes a month given as YYYY-MM: junio de 2027, juin 2027,
// junho de 2027; English keeps 2027-06. Text that is not such a month
// is returned as it is.
func (l Locale) Month(iso string) string {
	c := l.conv()
	y, m, _, ok := parse(iso)
	if !ok || m == 0 || c.monthYear == nil || len(iso) != 7 {
		return iso
	}
	return c.monthYear(c.months[m-1], y)
}

// MonthShort writes a month given as YYYY-MM as a table cell does, with
// the month abbreviated: jun. 2027, juin 2027, jun. 2027; English keeps
// 2027-06. Text that is not such a month is returned as it is.
func (l Locale) MonthShort(iso string) string {
	c := l.conv()
	y, m, _, ok := parse(iso)
	if !ok || m == 0 || c.short == nil || len(iso) != 7 {
		return iso
	}
	return c.short[m-1] + noBreak + strconv.Itoa(y)
}

// Date writes a date given as YYYY-MM-DD: 2 de junio de 2027,
// 2 juin 2027, 2 de junho de 2027; English keeps 2027-06-02. A month
// (YYYY-MM) is written as Month writes it, a year as it is, and text
// that is none of these is returned as it is.
func (l Locale) Date(iso string) string {
	c := l.conv()
	y, m, d, ok := parse(iso)
	switch {
	case !ok || c.date == nil:
		return iso
	case d == 0:
		return l.Month(iso)
	}
	return c.date(d, c.months[m-1], y)
}

// parse reads YYYY, YYYY-MM or YYYY-MM-DD; the month and day are 0 when
// absent.
func parse(s string) (y, m, d int, ok bool) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, 0, 0, false
	}
	nums := make([]int, 3)
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || strings.TrimLeft(p, "0123456789") != "" {
			return 0, 0, 0, false
		}
		nums[i], _ = strconv.Atoi(p)
	}
	y, m, d = nums[0], nums[1], nums[2]
	if (len(parts) > 1 && (m < 1 || m > 12)) || (len(parts) > 2 && (d < 1 || d > 31)) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// List joins items as the language writes a list: "a, b and c",
// "a, b y c" (e before a word that starts with the sound i: "a e
// Istmo"), "a, b et c", "a, b e c".
func (l Locale) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	last := items[len(items)-1]
	and := l.conv().and
	if and == "y" && startsWithI(last) {
		and = "e"
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + last
}

// startsWithI tells whether a Spanish word starts with the vowel sound i
// ("i", "hi", but not "hie" or "hia", which are diphthongs).
func startsWithI(s string) bool {
	s = strings.ToLower(s)
	if strings.HasPrefix(s, "h") {
		s = s[1:]
		if strings.HasPrefix(s, "ie") || strings.HasPrefix(s, "ia") {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r == 'i' || r == 'í'
}

// Colon is the separator between a label and what it labels: ": ", or
// in French a narrow no-break space before the colon.
func (l Locale) Colon() string {
	if l.conv().punct {
		return Narrow + ": "
	}
	return ": "
}

// Semicolon is the separator between the items of a run-in list: "; ",
// or in French a narrow no-break space before it.
func (l Locale) Semicolon() string {
	if l.conv().punct {
		return Narrow + "; "
	}
	return "; "
}

// Punctuate gives, in French, the colons, semicolons, exclamation and
// question marks that follow a space that space's narrow no-break form,
// so that they never start a line. Other languages' text is returned as
// it is. Marks glued to a word (a URL's "https:") are left alone.
func (l Locale) Punctuate(s string) string {
	if !l.conv().punct || !strings.ContainsAny(s, ":;!?") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if (r == ' ' || r == '\u00a0') && i+1 < len(rs) && strings.ContainsRune(":;!?", rs[i+1]) &&
			(i+2 == len(rs) || unicode.IsSpace(rs[i+2]) || rs[i+2] == '\u00a0') {
			b.WriteString(Narrow)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// datePrepositions lists, per language, how a preposition reads before a
// date with its day: "desde 11 de marzo de 2024" is "desde el 11 de
// marzo de 2024", "avant 1er juin 2027" is "avant le 1er juin 2027". A
// year or a month takes the preposition as it is ("desde 2024", "avant
// juin 2027"), so the templates are written for those.
var datePrepositions = map[string]map[string]string{
	"es": {"desde": "desde el", "hasta": "hasta el", "antes de": "antes del", "después de": "después del",
		"a más tardar en": "a más tardar el", "en": "el", "para": "para el", "de": "del"},
	"fr": {"depuis": "depuis le", "jusqu'à": "jusqu'au", "avant": "avant le", "après": "après le",
		"au plus tard en": "au plus tard le", "d'ici": "d'ici le", "en": "le", "de": "du"},
}

// dateAfter matches a preposition of datePrepositions followed by a date
// with its day, per language. The expressions are compiled on first use,
// not when a program that links the package starts: the workbook's
// engine starts sooner for it.
var dateAfter = sync.OnceValue(func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for lang, preps := range datePrepositions {
		c := conventions[lang]
		var ps []string
		for p := range preps {
			ps = append(ps, regexp.QuoteMeta(p))
		}
		// longest first, so that "a más tardar en" wins over "en"
		sort.Slice(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) || len(ps[i]) == len(ps[j]) && ps[i] < ps[j] })
		day := c.date(2, "MONTH", 2000)
		day = strings.Replace(regexp.QuoteMeta(day), "2", `\d{1,2}(?:er|º)?`, 1)
		day = strings.Replace(day, "MONTH", "(?:"+strings.Join(c.months, "|")+")", 1)
		day = strings.Replace(day, "2000", `\d{4}`, 1)
		out[lang] = regexp.MustCompile(`(^|[\s(])(` + strings.Join(ps, "|") + `) (` + day + `)`)
	}
	return out
})

// DateArticles gives every date with its day in s the article the
// language puts before it after a preposition: Spanish "hasta el 31 de
// marzo de 2030", "antes del 1 de junio de 2027", "el 2 de junio" for
// "en 2 de junio"; French "avant le 1er juin 2027", "jusqu'au 31 mars
// 2030". Other languages' text, and dates without a day, are returned as
// they are.
func (l Locale) DateArticles(s string) string {
	re, ok := dateAfter()[l.Lang()]
	if !ok {
		return s
	}
	preps := datePrepositions[l.Lang()]
	return re.ReplaceAllStringFunc(s, func(m string) string {
		sub := re.FindStringSubmatch(m)
		return sub[1] + preps[sub[2]] + " " + sub[3]
	})
}
