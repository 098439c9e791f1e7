// Package problem is the one way ncskit reports what is wrong with a
// user's input: a Problem names the file, the place in it, what is wrong
// and, where it helps, what to do. Every loader, checker, importer and
// front end returns problems of this type, and the workbook reads the
// same JSON shape.
//
// A place is a JSON pointer (RFC 6901) into a JSON file, such as
// "/responses/12/level", a spreadsheet cell such as "IRC!D14", a sheet
// name such as "IRC", or empty for the file as a whole. Messages are lower
// case without a final period; a hint is a separate sentence fragment
// such as `did you mean "GOV.STR.1"?`.
//
//	if err := check(); err != nil {
//		for _, p := range problem.From(err) {
//			fmt.Fprintln(os.Stderr, p) // corallia.json: /responses/12/level: 7 is above the highest level (5)
//		}
//	}
//
// The package imports only the standard library, so that every package of
// the module, the pure model included, can use it.
package problem

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Problem is one thing wrong with an input.
type Problem struct {
	// File names the input as the user named it; empty when the caller
	// knows the file and prints it itself.
	File string `json:"file,omitempty"`
	// At is a JSON pointer, a cell ("IRC!D14"), a sheet ("IRC"), or
	// empty for the whole file.
	At string `json:"at,omitempty"`
	// Message says what is wrong, in lower case without a final period.
	Message string `json:"message"`
	// Hint says what to do, when there is something to say.
	Hint string `json:"hint,omitempty"`
}

// String formats the problem as "FILE: AT: message; hint", leaving out
// what is empty.
func (p Problem) String() string {
	var b strings.Builder
	for _, s := range []string{p.File, p.At} {
		if s != "" {
			b.WriteString(s)
			b.WriteString(": ")
		}
	}
	b.WriteString(p.Message)
	if p.Hint != "" {
		b.WriteString("; ")
		b.WriteString(p.Hint)
	}
	return b.String()
}

// List is a list of problems. It is an error, so that a function can
// return every problem it found at once; a nil or empty List is never
// returned as an error.
type List []Problem

// Error formats the problems one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns l as an error, or nil when l is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Add appends a problem at a place, with a formatted message.
func (l *List) Add(at, format string, args ...any) {
	*l = append(*l, Problem{At: at, Message: fmt.Sprintf(format, args...)})
}

// AddHint appends a problem at a place, with a hint and a formatted
// message.
func (l *List) AddHint(at, hint, format string, args ...any) {
	*l = append(*l, Problem{At: at, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// In returns a copy of l with File set to name where it is empty.
func (l List) In(name string) List {
	if l == nil {
		return nil
	}
	out := make(List, len(l))
	for i, p := range l {
		if p.File == "" {
			p.File = name
		}
		out[i] = p
	}
	return out
}

// Under returns a copy of l with every JSON pointer moved under the
// pointer at, for problems of a document embedded in another (a session
// file's assessment, say). Places that are not pointers are kept.
func (l List) Under(at string) List {
	if l == nil {
		return nil
	}
	out := make(List, len(l))
	for i, p := range l {
		if p.At == "" || strings.HasPrefix(p.At, "/") {
			p.At = at + p.At
		}
		out[i] = p
	}
	return out
}

// Sort orders the problems by file, then by place in document order: JSON
// pointers segment by segment, numerically where both segments are
// numbers (/responses/9 before /responses/10); cells by sheet, row and
// column. Problems at the same place keep their order. The whole file
// comes first.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		switch {
		case a.File != b.File:
			return strings.Compare(a.File, b.File)
		case Less(a.At, b.At):
			return -1
		case Less(b.At, a.At):
			return 1
		}
		return 0
	})
}

// Less reports whether place a comes before place b in document order.
func Less(a, b string) bool {
	as, bs := segments(a), segments(b)
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		an, aerr := strconv.Atoi(as[i])
		bn, berr := strconv.Atoi(bs[i])
		if aerr == nil && berr == nil {
			return an < bn
		}
		return as[i] < bs[i]
	}
	return len(as) < len(bs)
}

// segments splits a place into comparable parts: a pointer at its
// slashes, a cell into sheet, row and column ("IRC!D14" → IRC, 14, D, so
// that rows sort before columns).
func segments(at string) []string {
	if at == "" {
		return nil
	}
	if strings.HasPrefix(at, "/") {
		return strings.Split(at[1:], "/")
	}
	sheet, cell, ok := strings.Cut(at, "!")
	if !ok {
		return []string{at}
	}
	i := strings.IndexAny(cell, "0123456789")
	if i <= 0 {
		return []string{sheet, cell}
	}
	col := cell[:i]
	// Longer column names come after shorter ones (Z before AA).
	return []string{sheet, cell[i:], strconv.Itoa(len(col)) + col}
}

// From returns the problems that err carries: err itself when it is a
// List (or wraps one), else err as one problem of the whole file. A nil
// error gives nil.
func From(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	return List{{Message: err.Error()}}
}

// Pointer builds a JSON pointer from path segments, escaping "~" and "/"
// in names: Pointer("responses", 3, "level") is "/responses/3/level".
func Pointer(segs ...any) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		switch v := s.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			v = strings.ReplaceAll(v, "~", "~0")
			b.WriteString(strings.ReplaceAll(v, "/", "~1"))
		default:
			b.WriteString(fmt.Sprint(v))
		}
	}
	return b.String()
}
