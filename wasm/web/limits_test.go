package web

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestInputLimits checks that every text input and text area of the
// screens stops typing at a limit of the formats as the engine states it
// (info.limits, through limits() in app.js), not at a number written in
// the page: the checks then never find a text too long.
func TestInputLimits(t *testing.T) {
	screens, err := fs.Glob(files, "js/screens/*.js")
	if err != nil || len(screens) == 0 {
		t.Fatalf("no screens: %v", err)
	}
	text := regexp.MustCompile(`h\('textarea', \{|h\('input', \{ type: 'text'|\binput\(\{`)
	// Lists typed in one input are checked item by item (sectors at the
	// name limit, languages by their pattern); the ISO 3166 code is two
	// letters by its pattern.
	checked := []string{"name: 'languages'", "name: 'sectors'", "name: 'iso3166'"}
	number := regexp.MustCompile(`maxLength: [0-9]`)
	found := 0
	for _, f := range screens {
		src, err := fs.ReadFile(files, f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if text.MatchString(line) && !strings.Contains(line, "...props") {
				found++
				if !strings.Contains(line, "maxLength: limits().") && !slices.ContainsFunc(checked, func(s string) bool { return strings.Contains(line, s) }) {
					t.Errorf("%s:%d: a text input without maxLength: limits().…\n%s", f, i+1, strings.TrimSpace(line))
				}
			}
			if number.MatchString(line) && !strings.Contains(line, "name: 'iso3166'") {
				t.Errorf("%s:%d: a length written as a number\n%s", f, i+1, strings.TrimSpace(line))
			}
		}
	}
	if found < 15 {
		t.Errorf("found %d text inputs, want at least 15", found)
	}
}
