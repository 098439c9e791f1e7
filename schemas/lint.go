package schemas

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ncskit/ncskit/problem"
)

// MaxSafeInteger is the largest number a file may hold: the largest
// integer that every JSON reader, JavaScript's included, reads exactly.
const MaxSafeInteger = 1<<53 - 1

// maxLintProblems bounds the problems lint reports for one file: a file
// with thousands of broken strings needs one fix, not a screenful each.
const maxLintProblems = 200

// bom is the UTF-8 byte-order mark some editors put at the start of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// lint reads syntactically valid JSON and reports, at their pointers, what
// encoding/json would accept silently or misread: a field given twice in
// one object, text that is not UTF-8 or holds control characters other
// than tab and line breaks, and numbers beyond MaxSafeInteger. It returns
// the document with every integral number written as an integer (3.0 and
// 3e0 become 3), so that the JSON Schema's integers decode into Go
// integers; other bytes are kept as they are.
//
// An empty field name is reported too. The validator leaves empty names
// out of its pointers ("/text//en" becomes "/text/en"), so lint also
// returns the pointers of the objects that have one: a problem the
// validator finds there has no reliable place.
func lint(data []byte) ([]byte, problem.List, []string) {
	l := linter{data: data}
	l.skipSpace()
	l.value("")
	if len(l.edits) == 0 {
		return data, l.probs, l.unnamed
	}
	var b bytes.Buffer
	b.Grow(len(data))
	last := 0
	for _, e := range l.edits {
		b.Write(data[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(data[last:])
	return b.Bytes(), l.probs, l.unnamed
}

type edit struct {
	start, end int
	text       string
}

type linter struct {
	data  []byte
	i     int
	edits []edit
	probs problem.List
	// unnamed are the objects with an empty field name.
	unnamed []string
}

func (l *linter) add(at, hint, format string, args ...any) {
	if len(l.probs) == maxLintProblems {
		l.probs.Add("", "more problems of this kind are not listed")
	}
	if len(l.probs) > maxLintProblems {
		return
	}
	l.probs.AddHint(at, hint, format, args...)
}

// forget drops the problems found at or under the pointer at.
func (l *linter) forget(at string) {
	l.probs = slices.DeleteFunc(l.probs, func(p problem.Problem) bool {
		return p.At == at || strings.HasPrefix(p.At, at+"/")
	})
}

func (l *linter) skipSpace() {
	for l.i < len(l.data) {
		switch l.data[l.i] {
		case ' ', '\t', '\r', '\n':
			l.i++
		default:
			return
		}
	}
}

// value reads the value at l.i, whose pointer is at.
func (l *linter) value(at string) {
	if l.i >= len(l.data) {
		return
	}
	switch c := l.data[l.i]; {
	case c == '{':
		l.object(at)
	case c == '[':
		l.array(at)
	case c == '"':
		l.text(func(string) string { return at }, "")
	case c == '-' || c >= '0' && c <= '9':
		l.number(at)
	default: // true, false, null
		for l.i < len(l.data) && l.data[l.i] >= 'a' && l.data[l.i] <= 'z' {
			l.i++
		}
	}
}

func (l *linter) object(at string) {
	l.i++ // {
	seen := map[string]bool{}
	for {
		l.skipSpace()
		if l.i >= len(l.data) || l.data[l.i] == '}' {
			l.i++
			return
		}
		if l.data[l.i] == ',' {
			l.i++
			continue
		}
		key := l.text(func(k string) string { return at + problem.Pointer(k) }, "field name ")
		field := at + problem.Pointer(key)
		if seen[key] {
			// The last value is the one read; what was found in an
			// earlier one has no place in the document.
			l.forget(field)
			l.add(field, "a field may appear only once in an object; keep the value you mean", "the field %q is given more than once", key)
		}
		if key == "" && !seen[key] {
			l.unnamed = append(l.unnamed, at)
			l.add(field, "give the field its name or remove it", "the field name is empty")
		}
		seen[key] = true
		l.skipSpace()
		l.i++ // :
		l.skipSpace()
		l.value(field)
	}
}

func (l *linter) array(at string) {
	l.i++ // [
	for n := 0; ; n++ {
		l.skipSpace()
		if l.i >= len(l.data) || l.data[l.i] == ']' {
			l.i++
			return
		}
		if l.data[l.i] == ',' {
			l.i++
			n--
			continue
		}
		l.value(at + "/" + strconv.Itoa(n))
	}
}

// text reads a string, checks it and returns its value as encoding/json
// reads it. what names a field name in messages ("field name "), or is
// empty for a value; place returns the pointer of a problem, given the
// value (a field name is located at its field).
func (l *linter) text(place func(s string) string, what string) string {
	start := l.i + 1
	end := start
	escaped := false
	for end < len(l.data) && l.data[end] != '"' {
		if l.data[end] == '\\' {
			escaped = true
			end++
		}
		end++
	}
	l.i = end + 1
	raw := l.data[start:min(end, len(l.data))]
	s := string(raw)
	if escaped {
		if u, ok := unquoteJSON(raw); ok {
			s = u
		}
	}
	if !utf8.ValidString(s) {
		n := utf8.RuneCountInString(s[:firstInvalid(s)]) + 1
		s = replaceInvalid(s)
		l.add(place(s), "save the file as UTF-8", "the %stext is not valid UTF-8 (at character %d)", what, n)
		return s
	}
	if msg := ControlCharacter(s); msg != "" {
		l.add(place(s), ControlHint, "the %s%s", what, strings.TrimPrefix(msg, "the "))
	}
	return s
}

// ControlHint is the hint of a problem ControlCharacter describes.
const ControlHint = "only tab and line breaks may appear in text"

// ControlCharacter describes the first control character of s other
// than tab, line feed and carriage return (C0, DEL and C1), as "the text
// holds the control character U+001B at character 5", or returns "".
// Every reader of text refuses such characters: they would reach
// terminals and documents as invisible commands.
func ControlCharacter(s string) string {
	if n, r, ok := firstControl(s); ok {
		return fmt.Sprintf("the text holds the control character U+%04X at character %d", r, n)
	}
	return ""
}

// replaceInvalid replaces every byte of s that is not part of valid UTF-8
// by U+FFFD, as encoding/json does (strings.ToValidUTF8 replaces a run of
// them by one).
func replaceInvalid(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unquoteJSON decodes the escapes of a JSON string as encoding/json does:
// a surrogate pair is one character, a lone surrogate U+FFFD.
func unquoteJSON(raw []byte) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			b.WriteByte(c)
			continue
		}
		i++
		switch raw[i] {
		case '"', '\\', '/':
			b.WriteByte(raw[i])
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(raw[i+1:])
			if !ok {
				return "", false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				// A high surrogate followed by a low one is one character.
				if len(raw) > i+2 && raw[i+1] == '\\' && raw[i+2] == 'u' {
					if r2, ok := hex4(raw[i+3:]); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							r = d
							i += 6
						}
					}
				}
			}
			b.WriteRune(r) // a lone surrogate becomes U+FFFD
		default:
			return "", false
		}
	}
	return b.String(), true
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[:4]), 16, 32)
	return rune(v), err == nil
}

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

// firstControl finds the first control character other than tab, line
// feed and carriage return: C0, DEL and C1. It returns its 1-based
// character position.
func firstControl(s string) (int, rune, bool) {
	n := 0
	for _, r := range s {
		n++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f {
			return n, r, true
		}
	}
	return 0, 0, false
}

// number reads a number. An integral number written with a fraction or an
// exponent is rewritten as an integer; one beyond MaxSafeInteger is a
// problem.
func (l *linter) number(at string) {
	start := l.i
	for l.i < len(l.data) && strings.IndexByte("+-0123456789.eE", l.data[l.i]) >= 0 {
		l.i++
	}
	lit := string(l.data[start:l.i])
	plain := !strings.ContainsAny(lit, ".eE")
	if plain && len(strings.TrimPrefix(lit, "-")) < 16 {
		return // the common case: a small integer
	}
	f, _ := strconv.ParseFloat(lit, 64) // ±Inf beyond float64; any length in linear time
	if math.Abs(f) > MaxSafeInteger {
		l.add(at, "", "the number %s is too large: numbers in these files lie between -%d and %d", shorten(lit), int64(MaxSafeInteger), int64(MaxSafeInteger))
		return
	}
	if plain || len(lit) > 64 || f != math.Trunc(f) || bigExponent(lit) {
		return
	}
	// Exact check, bounded: the literal is short and its value small.
	if r, ok := new(big.Rat).SetString(lit); ok && r.IsInt() {
		l.edits = append(l.edits, edit{start, l.i, r.Num().String()})
	}
}

// bigExponent reports whether a number's exponent is beyond ±400, where
// exact arithmetic would cost more than the answer is worth.
func bigExponent(lit string) bool {
	i := strings.IndexAny(lit, "eE")
	if i < 0 {
		return false
	}
	e, err := strconv.Atoi(lit[i+1:])
	return err != nil || e > 400 || e < -400
}

func shorten(lit string) string {
	if len(lit) > 24 {
		return fmt.Sprintf("%s… (%d digits)", lit[:20], len(lit))
	}
	return lit
}
