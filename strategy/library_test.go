package strategy_test

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ncskit/ncskit/assess"
	"github.com/ncskit/ncskit/strategy"
)

// baseAction returns the library action GOV.LEAD.a1 (mode create, no
// dependencies) as a JSON object to change.
func baseAction(t *testing.T) map[string]any {
	t.Helper()
	data, err := fs.ReadFile(strategy.EmbeddedFS(), "actions/gov.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Actions []map[string]any }
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	for _, a := range f.Actions {
		if a["id"] == "GOV.LEAD.a1" {
			return a
		}
	}
	t.Fatal("no GOV.LEAD.a1")
	return nil
}

func cond(s string) any {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		panic(err)
	}
	return v
}

// TestLibraryModesAndConditions pins the library's checks of modes and
// conditions: every action says what it does to what exists, and its
// conditions are well formed.
func TestLibraryModesAndConditions(t *testing.T) {
	tests := []struct {
		name string
		edit func(a map[string]any)
		want string // "" for a valid library
	}{
		{"valid", func(a map[string]any) {}, ""},
		{"no mode", func(a map[string]any) { delete(a, "mode") },
			`GOV.LEAD.a1: mode "" is not one of create, formalise, statutory, revive, renew, enforce, implement, scale-up, sustain, handover, lead-regionally, fact-finding`},
		{"create without a guard", func(a map[string]any) { delete(a, "unless") },
			"GOV.LEAD.a1: mode create needs an unless condition on an instrument of any kind with the statuses active, in-force, enacted, adopted"},
		{"guard on one kind only", func(a map[string]any) {
			a["unless"] = cond(`[{"instrument": {"kinds": ["decision"], "statuses": ["active", "in-force", "enacted", "adopted"]}}]`)
		}, "GOV.LEAD.a1: mode create needs an unless condition"},
		{"unknown treaty", func(a map[string]any) { a["when"] = cond(`[{"treaty": {"treaty": "tokyo", "statuses": ["party"]}}]`) },
			`GOV.LEAD.a1: when/0: unknown treaty "tokyo"`},
		{"unknown network status", func(a map[string]any) {
			a["when"] = cond(`[{"network": {"network": "first", "statuses": ["friend"]}}]`)
		}, `GOV.LEAD.a1: when/0: status "friend" is not one of member, sponsored-applicant, applicant, none, unrecorded`},
		{"two tests in one condition", func(a map[string]any) {
			a["when"] = cond(`[{"treaty": {"treaty": "budapest", "statuses": ["party"]}, "level": {"indicator": "GOV.LAW.1", "bands": ["mid"]}}]`)
		}, "GOV.LEAD.a1: when/0: a condition tests exactly one of instrument, treaty, network, level"},
		{"unknown instrument kind", func(a map[string]any) {
			a["when"] = cond(`[{"instrument": {"kinds": ["treaty"], "statuses": ["in-force"]}}]`)
		}, `GOV.LEAD.a1: when/0: kind "treaty" is not one of strategy, law, bill`},
		{"placeholder without an instrument", func(a map[string]any) { a["title"] = map[string]any{"en": "Renew the {name}"} },
			"GOV.LEAD.a1: placeholder {name} needs a when condition on an instrument"},
		{"unknown placeholder", func(a map[string]any) { a["title"] = map[string]any{"en": "Mandate the lead agency of {country}"} },
			"GOV.LEAD.a1: unknown placeholder {country} (an action can use {name}, {reference}, {expires}, {gazette})"},
		{"renew without an expiry", func(a map[string]any) {
			a["mode"] = "renew"
			a["when"] = cond(`[{"instrument": {"kinds": ["agreement"], "statuses": ["in-force"]}}]`)
		}, "GOV.LEAD.a1: mode renew needs a when condition on the instrument it acts on"},
		{"expires without expiresWithin", func(a map[string]any) {
			a["mode"] = "formalise"
			a["when"] = cond(`[{"instrument": {"kinds": ["agreement"], "statuses": ["in-force"]}}]`)
			a["title"] = map[string]any{"en": "Renew the {name} before {expires}"}
		}, "GOV.LEAD.a1: placeholder {expires} needs expiresWithin on the first instrument condition"},
		{"band any without a condition", func(a map[string]any) { a["band"] = "any" },
			"GOV.LEAD.a1: band any needs a when condition"},
		{"closed by an unknown kind", func(a map[string]any) { a["closedByDraft"] = []string{"white-paper"} },
			`GOV.LEAD.a1: closedByDraft: unknown kind of draft "white-paper"`},
		{"anyIndicator outside a renewal", func(a map[string]any) {
			a["when"] = cond(`[{"instrument": {"kinds": ["agreement"], "statuses": ["in-force"], "anyIndicator": true}}]`)
		}, "GOV.LEAD.a1: anyIndicator is for the only when condition of a renew, handover or statutory action of band any"},
		{"always with a level band", func(a map[string]any) { a["always"] = true },
			"GOV.LEAD.a1: an action for every plan (always) has band any, does not create, and acts on no instrument chosen by anyIndicator"},
		{"a variant for an unknown tradition", func(a map[string]any) {
			a["variants"] = []any{map[string]any{"when": map[string]any{"legal": []string{"roman-law"}}, "title": map[string]any{"en": "By decree"}}}
		}, `GOV.LEAD.a1: variant 0: unknown legal tradition "roman-law" in a variant's when`},
		{"a profile for an unknown framing", func(a map[string]any) {
			a["profile"] = map[string]any{"framing": []string{"growth"}}
		}, `GOV.LEAD.a1: profile: unknown framing "growth" in a variant's when`},
		{"a variant with an unknown placeholder", func(a map[string]any) {
			a["variants"] = []any{map[string]any{"when": map[string]any{"legal": []string{"civil-law"}}, "title": map[string]any{"en": "By decree of {president}"}}}
		}, "GOV.LEAD.a1: unknown placeholder {president}"},
		{"fact-finding in the library", func(a map[string]any) { a["mode"] = "fact-finding" },
			"GOV.LEAD.a1: mode fact-finding is for the actions Build derives from unknown levels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := baseAction(t)
			tc.edit(a)
			data, err := json.Marshal(map[string]any{"pillar": "GOV", "actions": []any{a}})
			if err != nil {
				t.Fatal(err)
			}
			_, err = strategy.LoadLibrary(fstest.MapFS{"actions/gov.json": {Data: data}}, "actions", assess.Default())
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
		})
	}
}
