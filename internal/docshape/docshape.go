// Package docshape holds the layout decisions the document renderers
// (PDF, Word) share, so that the same draft is laid out alike in each.
package docshape

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ncskit/ncskit/strategy"
)

// Normalize pads the header and rows of t to one column count.
func Normalize(t strategy.Table) strategy.Table {
	n := len(t.Columns)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	cols := append(make([]string, 0, n), t.Columns...)
	for len(cols) < n {
		cols = append(cols, "")
	}
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = append(make([]string, 0, n), r...)
		for len(rows[i]) < n {
			rows[i] = append(rows[i], "")
		}
	}
	t.Columns, t.Rows = cols, rows
	return t
}

// DocumentDate is the date a document of the draft carries: the draft's
// date (the session date), else the assessment date, else the Unix epoch;
// never the clock, so that output is reproducible.
func DocumentDate(m strategy.Meta) time.Time {
	for _, s := range []string{m.Date, m.AssessmentDate} {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t
		}
	}
	return time.Unix(0, 0).UTC()
}

// Deref turns a pointer to a block into the block; nil stays nil.
func Deref(b strategy.Block) strategy.Block {
	switch v := b.(type) {
	case *strategy.Part:
		if v != nil {
			return *v
		}
	case *strategy.Heading:
		if v != nil {
			return *v
		}
	case *strategy.Paragraph:
		if v != nil {
			return *v
		}
	case *strategy.List:
		if v != nil {
			return *v
		}
	case *strategy.Table:
		if v != nil {
			return *v
		}
	case *strategy.Chart:
		if v != nil {
			return *v
		}
	case *strategy.Callout:
		if v != nil {
			return *v
		}
	case *strategy.PageBreak:
		if v != nil {
			return *v
		}
	default:
		return b
	}
	return nil
}

// LongColumns returns the columns whose text is long enough to be shown
// below the others, when the table is wide enough for that to help.
func LongColumns(t strategy.Table) []int {
	if len(t.Columns) < 5 || len(t.Rows) == 0 {
		return nil
	}
	var long []int
	for i := range t.Columns {
		total, n := 0, 0
		for _, r := range t.Rows {
			if k := utf8.RuneCountInString(r[i]); k > 0 {
				total += k
				n++
			}
		}
		if n > 0 && total/n >= 150 {
			long = append(long, i)
		}
	}
	if len(t.Columns)-len(long) < 3 {
		return nil
	}
	return long
}

// DropRemarks removes parenthesised remarks that hold a space, keeping
// acronyms such as "(ANCS)"; a name that is all remarks stays whole.
func DropRemarks(s string) string {
	var b strings.Builder
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			if depth == 0 {
				b.WriteString(s[start:i])
				start = i
			}
			depth++
		case ')':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				if remark := s[start : i+1]; !strings.Contains(remark, " ") {
					b.WriteString(remark)
				}
				start = i + 1
			}
		}
	}
	b.WriteString(s[start:]) // an unclosed remark stays
	out := strings.Join(strings.Fields(b.String()), " ")
	if out == "" {
		return s
	}
	return out
}

// NumericColumn reports whether every filled cell of column c below the
// header is a number or an amount ("12", "-3.5", "40 %", "US$1.4m",
// "1.234,5", "3/5"); such a column is right-aligned. An empty cell or a
// dash (no value) does not count either way, but a column of dashes
// alone is not numeric.
func NumericColumn(rows [][]string, c int) bool {
	seen := false
	for _, r := range rows {
		if c >= len(r) {
			continue
		}
		s := strings.TrimSpace(r[c])
		if s == "" || s == "—" || s == "–" || s == "-" {
			continue
		}
		if !Numeric(s) {
			return false
		}
		seen = true
	}
	return seen
}

// Numeric reports whether s is a number or an amount: an optional
// currency sign or code and sign, digits with the separators languages
// group and divide them by (".", ",", spaces, no-break spaces, "/"), and
// an optional percent sign, k/m/b multiplier, the word for thousands or
// millions and the currency code that the drafts write amounts with in
// Spanish, French and Portuguese ("US$ 1,4 millones", "968 000 USD").
func Numeric(s string) bool {
	s = strings.TrimSpace(s)
	if f := strings.FieldsFunc(s, isSpace); len(f) > 1 && isCurrencyCode(f[len(f)-1]) {
		s = strings.TrimRightFunc(strings.TrimSuffix(s, f[len(f)-1]), isSpace)
	}
	if f := strings.FieldsFunc(s, isSpace); len(f) > 1 && amountWords[f[len(f)-1]] {
		s = strings.TrimRightFunc(strings.TrimSuffix(s, f[len(f)-1]), isSpace)
	}
	for _, p := range []string{"US$", "$", "€", "£"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimLeft(s, "+-−\u00a0 ")
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range strings.TrimRight(strings.TrimSpace(s), "%\u00a0\u202f kmbKMB") {
		if (r < '0' || r > '9') && !strings.ContainsRune(".,/ \u00a0\u202f", r) {
			return false
		}
	}
	return true
}

// amountWords are the words for thousands and millions that follow an
// amount in the drafts' languages (see internal/locale).
var amountWords = map[string]bool{"mil": true, "millones": true, "millón": true, "million": true, "millions": true,
	"milhão": true, "milhões": true}

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }

// isCurrencyCode reports whether s is an ISO 4217 code: three capitals.
func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
