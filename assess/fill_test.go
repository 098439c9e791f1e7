package assess

import "testing"

// TestFill: placeholders are filled by name in the chosen language, an
// unknown name stays as written, and a missing language falls back.
func TestFill(t *testing.T) {
	tx := Text{"en": "{a} of {b}, {c}", "es": "{b}: {a}"}
	for _, c := range []struct {
		lang string
		args []string
		want string
	}{
		{"en", []string{"a", "1", "b", "2"}, "1 of 2, {c}"},
		{"es", []string{"a", "1", "b", "2"}, "2: 1"},
		{"fr", []string{"a", "x"}, "x of {b}, {c}"},
		{"en", nil, "{a} of {b}, {c}"},
	} {
		if got := tx.Fill(c.lang, c.args...); got != c.want {
			t.Errorf("Fill(%s, %q) = %q, want %q", c.lang, c.args, got, c.want)
		}
	}
}
