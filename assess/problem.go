package assess

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with an input file, located by a JSON pointer
// (RFC 6901) into that file. Messages are lower case without a final period.
type Problem struct {
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

// String formats the problem as "/json/pointer: message".
func (p Problem) String() string {
	if p.Pointer == "" {
		return p.Message
	}
	return p.Pointer + ": " + p.Message
}

// ProblemList is a list of problems; it is an error so that loaders can
// return every problem at once.
type ProblemList []Problem

// Error joins the problems one per line.
func (l ProblemList) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// ptr builds a JSON pointer from path segments, escaping "~" and "/".
func ptr(segs ...any) string {
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

type problems struct{ list ProblemList }

func (p *problems) add(pointer, format string, args ...any) {
	p.list = append(p.list, Problem{Pointer: pointer, Message: fmt.Sprintf(format, args...)})
}

// sortByPointer orders problems by their pointers, segment by segment and
// numerically where both segments are numbers (/responses/9 before
// /responses/10), keeping the order of problems at the same place.
func sortByPointer(l ProblemList) {
	sort.SliceStable(l, func(i, j int) bool { return lessPointer(l[i].Pointer, l[j].Pointer) })
}

func lessPointer(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
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
