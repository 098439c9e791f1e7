// Package strategy turns a scored assessment into a national
// cyber-security strategy draft: a format-neutral document (Draft) with
// the sections of a regional strategy — document control, summary,
// context with the maturity baseline, vision, principles, governance and
// roles, pillars and objectives, implementation, resourcing, monitoring,
// review, consultation record and annexes — and the structured data that
// spreadsheets use directly: actions with owners, dates, cost bands and
// KPIs, the RACI matrix, points of contact and role gaps.
//
//	m := assess.Default()
//	res, _ := assess.Score(m, a)
//	t, _ := strategy.DefaultTemplate(strategy.Choose(a.Profile))
//	d, err := strategy.Build(m, a, res, t, nil)
//	err = markdown.Encode(w, d, nil) // or html, pdf, xlsx
//
// # Templates
//
// A template holds the period and every sentence of the draft, with
// placeholders ({country}, {period}, …) that Build fills from the
// assessment. The common text lives in templates/common.json; the two
// embedded templates override what differs: "small-island-state" (shared
// regional services, designated focal points with deputies, a lean
// committee, donor coordination, a minimum viable path) and "national" (a
// statutory authority, a national CSIRT with sector CSIRTs, regulators).
// Choose picks one from the profile.
//
// # The action library
//
// actions/*.json hold, for every area, actions keyed to the level band of
// an indicator: "low" (levels 1-2 or unknown: build the thing), "mid"
// (level 3: measure, fund recurrently, add deputies) and "high" (4 and
// above: learn, specialise, contribute regionally). For every indicator
// with a gap, in priority order, Build selects the actions of its area
// that list it, match its band and suit the template; a state whose CSIRT
// is already managed is never told to create one. A gap with no matching
// action is deferred with a reason in the draft.
//
// # Sequencing, roles and KPIs
//
// Actions are numbered per pillar in priority order (GOV-01, …). Each
// starts no earlier than its horizon allows (quick 0, medium 3, long 12
// months) and after the actions it depends on; its horizon is then set
// from its end month. Role archetypes map to the first stakeholder that
// fills them; an archetype nobody fills becomes a role gap, as does a
// point of contact without a deputy. Each action has one KPI whose
// baseline is the consolidated level of the indicator it serves first and
// whose yearly targets rise to the target level.
//
// Build is deterministic: the same inputs give the same draft.
package strategy
