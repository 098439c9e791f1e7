package assess

import (
	"strings"
	"testing"
)

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

// TestFillAsReplacer: fill gives what strings.NewReplacer with the pairs
// "{name}", value gives, on placeholders that touch, nest, repeat, are
// unknown or unclosed, names given twice, and values that hold
// placeholders themselves (never filled again).
func TestFillAsReplacer(t *testing.T) {
	texts := []string{
		"", "no placeholder", "{a}", "{a}{b}", "{{a}}", "{a", "a}", "{}", "{ab}{a}{b}",
		"x {a} y {a} z {c}", "{a}}{b}{", "{b}{{b}", "{a}b}", "día {a}: {b} €",
	}
	argss := [][]string{
		{"a", "1"}, {"a", "1", "b", "2"}, {"a", "{b}", "b", "{a}"}, {"a", "1", "a", "2"},
		{"ab", "long", "a", "short"}, {"", "empty"}, {"a}b", "odd", "a", "A"}, {"b", ""}, {"a", "1", "b"},
	}
	for _, s := range texts {
		for _, args := range argss {
			var pairs []string
			for i := 0; i+1 < len(args); i += 2 {
				pairs = append(pairs, "{"+args[i]+"}", args[i+1])
			}
			want := strings.NewReplacer(pairs...).Replace(s)
			if got := fill(s, args); got != want {
				t.Errorf("fill(%q, %q) = %q, want %q", s, args, got, want)
			}
		}
	}
}
