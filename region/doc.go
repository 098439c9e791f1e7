// Package region compares the assessments of many states, as a regional
// secretariat needs them: side by side, over time, and through their
// points of contact.
//
//	r, err := region.Build(assess.Default(), nil, inputs, &region.Options{Anonymise: true})
//	err = region.EncodeHTML(w, r) // or EncodeJSON, EncodePDF, EncodeXLSX, EncodeVCard
//
// Each Input is one assessment of one state (a round); rounds of the same
// state are recognised by profile.iso3166, or by the country's name when
// the code is missing, and must have different session dates. Every
// assessment is scored with assess.Score against the same model;
// assessments made with an earlier major version of it must be migrated
// first (load.Migrate; the command line does it and says so in the notes).
//
// # What the report holds
//
//   - States: every state once, with its latest round's progress and
//     target per pillar and area: the heat map (Cell.Shortfall is target
//     minus progress, both weighted means).
//   - Distribution: per pillar and area, how many states are at each
//     achieved level, and the lowest, median and highest progress.
//   - SharedGaps: the indicators on which at least Options.MinStates states
//     (by default a third of the states, at least two) are below target, ranked by how many states they affect, then by the
//     sum of their gaps, then in model order. A gap is counted among the
//     states that have a level for the indicator (Assessed); states that
//     did not assess it are neither affected nor counted, and Notes lists
//     every indicator not assessed by all. Each shared gap carries a
//     Programme: its kind follows the area (ProgrammeKinds), its starting
//     action comes from the action library (the action for the indicator
//     in the level band of the median affected state, preferring actions
//     of the small-island template when most participants are small island
//     states), its members are the affected states and its possible leads
//     the states at level 4 or 5 on the indicator; BuildsOn names what
//     already serves the states on it (shared regional provision,
//     agreements in force, network memberships, Budapest parties).
//   - Existing: what already serves at least two states: capabilities they
//     provide through a shared regional arrangement (response provision
//     "shared-regional"), agreements in force, networks they are members
//     of, the Budapest Convention.
//   - Progress: for each state with two or more rounds, the progress of
//     every pillar and area in each round, and from the first round to the
//     last the change of every indicator with a level in both; a pillar's
//     or area's change is counted on those indicators only. With the
//     state's earlier draft (Options.Plans, see ReadPlan), each of its
//     actions with the change of the indicators it was meant to move,
//     from the round it was drafted from to the latest, and a result
//     (Results); an anonymised report leaves out the titles.
//   - Contacts: the points-of-contact directory (DirectoryFunctions, with
//     deputies, what is missing, the session date and its age), states
//     with no designated contact first.
//   - Notes: where the comparison is partial, which rounds were migrated.
//
// # Restricted and anonymised
//
// By default the report is restricted: it names states, persons and
// institutions and quotes evidence, and is marked with the highest
// classification marking of its inputs (TLP and common government
// markings are ordered; markings that cannot be ordered are all kept).
// Options.Anonymise makes a report for publication: states appear only
// as codes, S01, S02, …, ranked by the SHA-256 of Options.Key and the
// state's ISO code, so that the codes neither follow the names' order nor
// change with the order of the inputs; without a key anyone who knows
// which states took part can recompute them, so give one when the codes
// must stay opaque. The names of persons, institutions, instruments and
// places, the input file names, "other" networks and all evidence are left
// out, and the report carries no marking.
//
// # The JSON form
//
// EncodeJSON writes the Report as it is; its members are stable within
// Format "ncskit-region-v1". States are referred to everywhere by their
// code (states[].code), which states[].name resolves; lists are empty,
// never null, except a round's missing progress figure and a change that
// cannot be computed, which are null.
//
//	{
//	  "format": "ncskit-region-v1",
//	  "model": {"id", "version"},
//	  "anonymised": bool, "classification": "TLP:AMBER", "language": "en",
//	  "latest": "YYYY-MM-DD", "minStates": 2,
//	  "pillars": [{"id", "name", "areas": [{"id", "name"}]}],
//	  "states": [{"code", "name", "iso3166", "smallIslandState", "date", "rounds", "coverage",
//	              "pillars": [Cell], "areas": [Cell], "files"}],
//	  "distribution": [{"id", "levels": [none, l1, l2, l3, l4, l5], "states", "min", "median", "max", "behind"}],
//	  "sharedGaps": [{"indicator", "title", "area", "pillar", "states", "assessed", "total", "mean",
//	                  "affected": [{"state", "level", "target", "gap", "provision", "evidence"}],
//	                  "programme": {"kind", "name", "action", "actionTitle", "cost", "summary",
//	                                "members", "leads", "buildsOn"}}],
//	  "existing": [{"kind", "subject", "name", "states", "instruments"}],
//	  "progress": [{"state", "dates", "pillars": [Series], "areas": [Series],
//	                "indicators": [{"indicator", "from", "to", "delta"}], "up", "down", "same", "notCompared",
//	                "plan": {"file", "date", "from", "to", "counts": {result: n},
//	                         "actions": [{"id", "title", "end", "due", "indicators", "notCompared", "result"}]}}],
//	  "contacts": [{"state", "date", "age", "designated", "missing",
//	                "contacts": [{"function", "person", "organisation", "deputy": {"person", "organisation"} | null}]}],
//	  "notes": ["..."]
//	}
//
// where Cell is {"id", "assessed", "achieved", "progress", "target",
// "targetProgress", "shortfall", "indicators"} and Series is {"id",
// "progress": [number|null per round], "change": number|null}.
//
// # Formats
//
// EncodeHTML writes one self-contained page (no script, a
// Content-Security-Policy that allows only inline styles, every text
// escaped). EncodePDF writes the same tables for print, A4 landscape,
// each page marked at its head and numbered of the total at its foot;
// a heat-map cell shows its figures as text on its shade, and a legend
// names the shades. EncodeXLSX writes a workbook with a sheet per part, the
// Directory sheet among them; text is always written as text, never a
// formula, and the bytes are the same on every run (document properties
// dated by the latest session). EncodeVCard writes the directory as
// vCard 4.0 (RFC 6350).
package region
