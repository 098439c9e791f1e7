package assess

import "github.com/ncskit/ncskit/problem"

// ptr builds a JSON pointer from path segments.
func ptr(segs ...any) string { return problem.Pointer(segs...) }

// problems collects the problems of one check.
type problems struct{ list problem.List }

func (p *problems) add(pointer, format string, args ...any) {
	p.list.Add(pointer, format, args...)
}

func (p *problems) hint(pointer, hint, format string, args ...any) {
	p.list.AddHint(pointer, hint, format, args...)
}
