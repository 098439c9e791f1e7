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

// checkEdit loads a library of GOV.LEAD.a1 changed by edit, and checks
// that it is refused with an error containing want, or accepted when want
// is "".
func checkEdit(t *testing.T, name string, edit func(a map[string]any), want string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		a := baseAction(t)
		edit(a)
		data, err := json.Marshal(map[string]any{"pillar": "GOV", "actions": []any{a}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = strategy.LoadLibrary(fstest.MapFS{"actions/gov.json": {Data: data}}, "actions", assess.Default())
		switch {
		case want == "" && err != nil:
			t.Errorf("unexpected error: %v", err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("got %v\nwant %s", err, want)
		}
	})
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
		{"for the embedded templates", func(a map[string]any) { a["templates"] = strategy.Templates }, ""},
		{"for an unknown template", func(a map[string]any) { a["templates"] = []string{"national", "archipelago"} },
			`GOV.LEAD.a1: unknown template "archipelago"`},
		{"fact-finding in the library", func(a map[string]any) { a["mode"] = "fact-finding" },
			"GOV.LEAD.a1: mode fact-finding is for the actions Build derives from unknown levels"},
	}
	for _, tc := range tests {
		checkEdit(t, tc.name, tc.edit, tc.want)
	}
}

// TestLibraryMeasures pins the library's checks of a KPI's measure: each
// problem is refused at the action and the field of its kpi object.
func TestLibraryMeasures(t *testing.T) {
	kpi := func(a map[string]any) map[string]any { return a["kpi"].(map[string]any) }
	tests := []struct {
		name string
		edit func(k map[string]any)
		want string // "" for a valid library
	}{
		{"valid", func(k map[string]any) {}, ""},
		{"unknown type", func(k map[string]any) { k["type"] = "result" },
			`GOV.LEAD.a1: kpi/type: unknown KPI type "result" (known: input, output, outcome, impact)`},
		{"no type", func(k map[string]any) { delete(k, "type") }, `GOV.LEAD.a1: kpi/type: unknown KPI type ""`},
		{"unknown unit kind", func(k map[string]any) { k["unit"] = "kg" },
			`GOV.LEAD.a1: kpi/unit: unknown unit kind "kg" (known: count, percent, points, minutes, hours, days, months, money)`},
		{"count without what it counts", func(k map[string]any) { delete(k, "counted") },
			"GOV.LEAD.a1: kpi/counted: a count says in English what it counts"},
		{"share that counts", func(k map[string]any) {
			k["unit"] = "percent"
			k["target"] = cond(`{"direction": "up", "from": 0, "to": 80}`)
		},
			"GOV.LEAD.a1: kpi/counted: only a count names what it counts"},
		{"no counting rule", func(k map[string]any) { delete(k, "rule") }, "GOV.LEAD.a1: kpi/rule: missing English counting rule"},
		{"unknown source owner", func(k map[string]any) { k["sourceOwner"] = "statistics-office" },
			`GOV.LEAD.a1: kpi/sourceOwner: unknown role archetype "statistics-office"`},
		{"unknown breakdown", func(k map[string]any) { k["disaggregation"] = []string{"sex", "income"} },
			`GOV.LEAD.a1: kpi/disaggregation/1: unknown breakdown "income" (known: sex, age, region, sector)`},
		{"unknown fact", func(k map[string]any) { k["baseline"] = cond(`{"fact": "gdp"}`) },
			`GOV.LEAD.a1: kpi/baseline/fact: unknown fact "gdp" (known: incidents, posts-filled, vacancy-rate, budget, networks, absent, dormant, since-assessment)`},
		{"role for a fact without one", func(k map[string]any) { k["baseline"] = cond(`{"fact": "incidents", "role": "csirt"}`) },
			"GOV.LEAD.a1: kpi/baseline/role: only the facts posts-filled and vacancy-rate name a role"},
		{"budget as a count", func(k map[string]any) { k["baseline"] = cond(`{"fact": "budget"}`) },
			"GOV.LEAD.a1: kpi/baseline/fact: the fact budget does not give a value in the unit count"},
		{"unknown direction", func(k map[string]any) { k["target"] = cond(`{"direction": "sideways", "from": 0, "to": 2}`) },
			`GOV.LEAD.a1: kpi/target/direction: direction "sideways" is not up or down`},
		{"up that ends lower", func(k map[string]any) { k["target"] = cond(`{"direction": "up", "from": 4, "to": 2}`) },
			"GOV.LEAD.a1: kpi/target/to: a target that goes up ends above where it starts (4)"},
		{"scale of a share", func(k map[string]any) {
			k["unit"] = "percent"
			delete(k, "counted")
			k["target"] = cond(`{"direction": "up", "from": 0, "to": 80, "scale": "population"}`)
		}, `GOV.LEAD.a1: kpi/target/scale: scale "population" is not population, for a count or money`},
		{"unknown frequency", func(k map[string]any) { k["frequency"] = "daily" }, `GOV.LEAD.a1: kpi/frequency: unknown KPI frequency "daily"`},
		// A name says what is counted; the unit stands beside it.
		{"share named with its unit", func(k map[string]any) {
			k["unit"] = "percent"
			delete(k, "counted")
			k["target"] = cond(`{"direction": "up", "from": 0, "to": 80}`)
			k["name"].(map[string]any)["fr"] = "Étapes du projet de loi franchies (en\u00a0%)"
		}, `GOV.LEAD.a1: kpi/name/fr: the name repeats its unit "%"`},
		{"count named with what it counts", func(k map[string]any) {
			n, c := k["name"].(map[string]any), k["counted"].(map[string]any)
			n["es"] = n["es"].(string) + " (" + c["es"].(string) + ")"
		}, `GOV.LEAD.a1: kpi/name/es: the name repeats its unit`},
	}
	for _, tc := range tests {
		checkEdit(t, tc.name, func(a map[string]any) { tc.edit(kpi(a)) }, tc.want)
	}
}
