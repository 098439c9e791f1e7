package golden

import "testing"

func TestFirstDifference(t *testing.T) {
	for _, c := range []struct {
		got, want string
		line      int
		g, w      string
	}{
		{"a\nb\nc", "a\nx\nc", 2, "b", "x"},
		{"a\nb", "a\nb\nc", 3, "", "c"},
		{"a\nb\nc", "a\nb", 3, "c", ""},
	} {
		line, g, w := FirstDifference([]byte(c.got), []byte(c.want))
		if line != c.line || g != c.g || w != c.w {
			t.Errorf("FirstDifference(%q, %q) = %d %q %q", c.got, c.want, line, g, w)
		}
	}
}
