//go:build !js

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/load"
)

// TestWorkbookKeepsDeskReview opens the desk-review example, changes one
// level and saves the session file: the method, the reviewer without a
// stakeholder and every response's source and date come back as they
// went in.
func TestWorkbookKeepsDeskReview(t *testing.T) {
	s := newTab(t, workbook(t), "desk-review.html")
	s.open()
	s.goTo("sessions")
	example, _ := filepath.Abs(filepath.Join("..", "examples", "desk-review.json"))
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	in, err := load.Assessment("desk-review.json", data, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	s.do("open the example", chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{example}))
	s.wait("the setup screen", `document.getElementById('session-title').textContent.startsWith('República de Istmara') && document.documentElement.dataset.screen === 'setup'`)
	if got := evalJS[string](s, `document.querySelector('select[aria-label="Organisation of Mid-term review team, Dirección Nacional de Ciberseguridad"]').selectedOptions[0].textContent`); got != "None: a desk reviewer" {
		s.fatalf("the reviewer's organisation shows %q", got)
	}
	s.goTo("assess")
	s.do("focus", chromedp.Focus(chromedp.ID("ind-title")))
	s.key("2", kb.ArrowRight)
	s.scored()
	s.do("save the file", chromedp.Click(chromedp.ID("save-file")))
	saved, err := os.ReadFile(s.waitDownload(".ncskit-session.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Assessment json.RawMessage }
	if err := json.Unmarshal(saved, &f); err != nil {
		t.Fatal(err)
	}
	out, err := load.Assessment("saved", f.Assessment, assess.Default())
	if err != nil {
		t.Fatal(err)
	}
	if out.Session.Method != "desk-review" || out.Respondents[0].Stakeholder != "" {
		t.Errorf("saved session %+v, respondent %+v", out.Session, out.Respondents[0])
	}
	if len(out.Responses) != len(in.Responses) {
		t.Fatalf("%d responses saved, %d opened", len(out.Responses), len(in.Responses))
	}
	if out.Responses[0].Level != 2 {
		t.Errorf("GOV.STR.1 saved at %s, want the changed level 2", out.Responses[0].Level)
	}
	for i := range in.Responses {
		want, got := in.Responses[i], out.Responses[i]
		if i == 0 {
			want.Level = got.Level
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("/responses/%d saved as %+v, opened as %+v", i, got, want)
		}
	}
	if !reflect.DeepEqual(out.Facts, in.Facts) {
		t.Error("the facts changed on save")
	}
}
