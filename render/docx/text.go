package docx

import (
	"strings"
	"unicode/utf8"
)

// clean makes s safe for XML 1.0 and shows what it had to replace: a
// byte that is not UTF-8, a non-character or a surrogate becomes U+FFFD,
// and a control character other than tab and line break becomes its
// visible Control Pictures symbol (U+0001 shows as "␁"), so that nothing
// disappears silently from a ministry's document. Carriage returns and
// the Unicode line and paragraph separators become line breaks.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1:
			r = utf8.RuneError
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case r == '\u2028' || r == '\u2029':
			r = '\n'
		case r == '\t' || r == '\n':
		case r < 0x20:
			r = 0x2400 + r // the Control Pictures block
		case r == 0x7f:
			r = '\u2421'
		case r >= 0x80 && r < 0xa0, r == 0xfffe, r == 0xffff:
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether s needs no change by clean.
func isClean(s string) bool {
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r == '\r', r == '\u2028', r == '\u2029', r == 0x7f,
			r < 0x20 && r != '\t' && r != '\n',
			r >= 0x80 && r < 0xa0, r == 0xfffe, r == 0xffff:
			return false
		}
	}
	return true
}

// esc cleans s and escapes it for XML character data and attribute
// values.
func esc(s string) string {
	s = clean(s)
	if !strings.ContainsAny(s, `&<>"`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine is s with its line breaks and tabs as spaces, for places that
// hold one line (document properties, the running header).
func oneLine(s string) string {
	s = clean(s)
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Join(strings.Fields(strings.NewReplacer("\n", " ", "\t", " ").Replace(s)), " ")
}

// textRuns writes s as the content of a run: text in w:t elements that
// keep their spaces, line breaks as w:br and tabs as w:tab. Text is never
// anything but text: no field, no hyperlink, no markup is made from it.
func textRuns(b *strings.Builder, s string) {
	s = clean(s)
	start := 0
	flush := func(end int) {
		if end > start {
			b.WriteString(`<w:t xml:space="preserve">`)
			b.WriteString(esc(s[start:end]))
			b.WriteString(`</w:t>`)
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			flush(i)
			b.WriteString(`<w:br/>`)
			start = i + 1
		case '\t':
			flush(i)
			b.WriteString(`<w:tab/>`)
			start = i + 1
		}
	}
	flush(len(s))
}

// run writes a run with the run properties rPr ("" for none) and text s.
func run(b *strings.Builder, rPr, s string) {
	if s == "" {
		return
	}
	b.WriteString(`<w:r>`)
	if rPr != "" {
		b.WriteString(`<w:rPr>` + rPr + `</w:rPr>`)
	}
	textRuns(b, s)
	b.WriteString(`</w:r>`)
}
