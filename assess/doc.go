// Package assess holds ncskit's maturity model, the assessment format and
// the scoring rules: consolidation of several respondents, roll-ups, gaps
// and ranked priorities. It imports only the standard library and does no
// I/O beyond what a caller hands it.
//
//	m := assess.Default()                     // the built-in four-pillar model
//	a, err := load.Assessment(name, data, m)  // schema + semantic checks
//	res, err := assess.Score(m, a)            // scores, gaps, priorities, warnings
//
// # The model
//
// The default model has four pillars, one per front of the OAS/CICTE
// cyber-security programme: GOV (strategy, policy and governance), IRC
// (incident-response capability), CAP (technical training and exercises)
// and OUT (awareness, outreach and partnership). Each pillar has areas and
// each area has indicators with stable IDs such as "IRC.OPS.2". An
// indicator carries a question, a concrete descriptor for each level, the
// evidence that would show it, a weight and an urgency (1-3), a cost
// (low, medium, high), the role archetypes that lead and support it, the
// indicators it depends on, and crosswalk references to public frameworks
// ("cmm:2021:D1.2", "ncaf:2020:incident-response-capability",
// "gci:2024:technical", "itu:2021:preparedness-resilience").
//
// All text a person reads is a Text: a map from language code to string.
// Default reads the embedded model once; LoadModel reads a custom model
// from any fs.FS, with pillars inline or in files listed under "include".
// Built with the tag ncskit_page (the offline workbook's engine, whose
// page carries the model), the package embeds no model: Default parses
// the document named with UseModelDocument, and there is no EmbeddedFS.
//
// # The scale
//
// Five levels, aligned one-to-one with the stages of the Oxford CMM:
// 1 Absent, 2 Initial (ad hoc, depends on a person), 3 Defined (mandated,
// documented, resourced, own or through a documented shared arrangement),
// 4 Managed (measured, reviewed, recurrently funded, survives staff
// turnover), 5 Adaptive (improves from incidents and exercises, contributes
// regionally). Two answers are not levels: "n/a" (the indicator does not
// apply; left out of every roll-up) and "unknown" (nobody could say; a data
// gap, never counted as level 1).
//
// # Scoring rules
//
// Per indicator, Score takes every response and computes:
//
//   - Counted level. A response marked personDependent (the capability
//     rests on one person with no deputy) counts at most as the model's
//     personDependentCap, level 2. A warning "capped" says so.
//   - Median. The median of the counted levels. With an even number of
//     levels the lower of the two middle values is taken: a level counts
//     only when at least half of the respondents place the capability at
//     that level or higher. Levels 2, 3, 3, 4 give 3; levels 2, 4 give 2.
//   - Spread and disagreement. Spread is the highest minus the lowest
//     counted level. A spread of 2 or more, or a mix of "n/a" and levels,
//     is a disagreement to discuss; unless an agreed level is recorded, a
//     warning "disagreement" asks for one.
//   - Consolidated level. An agreed level recorded by the facilitator wins
//     over the median; the dissent stays on record. Without one the median
//     is used. When no respondent gives a level, the status is "n/a" if any
//     said so, else "unknown" if any said so, else "unassessed".
//   - Target. The first of: the agreed decision's target; the median of
//     the respondents' targets; the profile's own targets; the target
//     profile (profile.targetProfile, else "small-island-state" for a small
//     island state and "larger-state" otherwise); the model's defaultTarget
//     (with a "missing-target" warning). In target maps the most specific
//     key wins: indicator ID, then area ID, then pillar ID.
//   - Gap. Target − level, never negative; 0 when there is no level.
//   - Provision. The most common provision mode (ties: the mode listed
//     first in the model). If any respondent says "donor-funded", the
//     indicator carries a sustainability risk and a "donor-funded" warning.
//   - Confidence. The lowest confidence reported.
//
// Per area and per pillar, two figures stand side by side and no single
// national score is computed:
//
//   - Achieved: the lowest level among the assessed indicators. As in the
//     Oxford CMM, a level counts only when every indicator reaches it.
//   - Progress: the weight-averaged level of the assessed indicators,
//     rounded to two decimals.
//
// with Target (the lowest indicator target), Gap (target − achieved, never
// negative), TargetProgress (the weight-averaged target) and Coverage
// (assessed, n/a, unknown and unassessed counts, and the percentage of
// applicable indicators assessed).
//
// # Priorities
//
// Every indicator with a gap gets a score:
//
//	score = gap × weight × urgency × cost factor
//
// with cost factors low 1.25, medium 1, high 0.8 (cheap steps first). An
// indicator that others depend on (dependsOn in the model) is raised to
// the highest score among the indicators with a gap that depend on it,
// directly or not, so that a lead agency ranks before a coordination
// committee and a law before its regulator. The list is sorted by that
// effective score, then by dependency depth (prerequisites first), then in
// model order, so ties are deterministic. Each entry carries a one-line
// reason with the arithmetic.
//
// A facilitator's priority override pins an indicator to a rank: all
// pinned indicators are taken out, then put back in ascending rank order.
// The computed rank and the reason stay on record; an override that puts an
// indicator above its own prerequisite is noted in its reason.
//
// A priority override or an agreed level may carry a deadline
// (YYYY-MM-DD, after the session date): the date before which the
// actions that close the indicator must be done. Scoring does not use
// it; the strategy's schedule pulls those actions and their
// prerequisites forward to meet it, and says so when it cannot.
//
// # Country facts
//
// A level says how far a capability has come, not which instrument
// carries it; a plan drawn from levels alone proposes to create what
// exists. An assessment may therefore record Facts, all optional:
//
//   - Instruments: each strategy, law, bill, decree, regulation, Cabinet
//     or ministerial decision, agreement (an MoU, a shared-service
//     agreement), body (a committee, a council), CSIRT, budget line and
//     donor programme, with its reference ("Cabinet Decision 47/2021"),
//     status, dates (adopted, inForce, expires, review), owner, the
//     indicators it bears on, and for budget lines and donor programmes
//     an amount and currency. They tell a plan to renew, revive,
//     implement or put on a statutory footing instead of creating.
//   - Staff: established and filled posts of an institution, or of a
//     unit of it, in a year; what its lead can take on at once.
//   - Treaties and networks: Budapest Convention status (a party
//     implements, others accede) and standing in FIRST, CSIRTAmericas,
//     CARICOM IMPACS, the 24/7 network or another network (a member
//     contributes, others join).
//   - Incidents: incidents handled per year, nationally or by a team;
//     baselines for the indicators of a plan.
//   - StrategyInForce: the strategy instrument in force and its period,
//     which makes a draft an implementation plan rather than a new
//     strategy.
//
// Dates are written as precisely as they are known: YYYY-MM-DD, YYYY-MM
// or YYYY. Two dates compare at the precision of the less precise one,
// so "2021" is neither before nor after "2021-07-15". Every record
// should say where it comes from (source): a document, a URL, or
// "workshop" or "desk review".
//
// Check reports the facts that contradict themselves or the session
// date: an unknown stakeholder or indicator (with a suggestion when only
// the case differs), a duplicate instrument ID or a record given twice,
// a status that does not fit the kind (KindStatuses: a bill cannot be in
// force, a body or CSIRT is active or dormant), a date in force before
// adoption, an expiry before adoption or coming into force, an
// instrument in force or active whose expiry is before the session date
// (or expired with an expiry after it), more posts filled than
// established, an amount on anything but a budget line or donor
// programme, an amount with no currency, a recurrent instrument that is
// not a budget line, and a strategy in force that names no strategy,
// one that is not adopted or in force, or a period that ended before
// the session. Facts that call for action, such as an agreement that
// expires within months, are not problems: they are for the plan.
//
// The facts were added to schema version 1 as an optional field: files
// without them stay valid and need no migration.
//
// # Methods, sources and desk reviews
//
// Session.Method says how the levels were gathered: "workshop" (the
// default, and what files without the field mean), "interviews", or
// "desk-review": an assessment compiled from published sources, such as
// laws, gazettes, annual reports and regional studies, before or instead
// of a workshop. Any response may carry its Source (a document, URL or
// citation) and the Date the source was published or consulted, as
// precisely as known. In a desk review:
//
//   - a respondent may be the reviewer or the reviewing team, with no
//     stakeholder: nobody has to be invented to answer for an
//     institution. In a workshop or interviews every respondent still
//     answers for a stakeholder;
//   - every level a reviewer gives should name its source; an "unknown"
//     or "n/a" needs none. Score warns ("no-source") at a reviewer's
//     level without one, so that a level typed in the workbook, which has
//     no source field, never stops the scoring. A respondent who answers
//     for a stakeholder (an institution that confirmed its levels in
//     writing, or a filled questionnaire imported later) speaks for that
//     stakeholder.
//
// Check reports a source date that is not a date, one after the session
// date, a date without a source, a respondent without a stakeholder
// outside a desk review, and a method outside the list. The fields were added to schema version 1
// as optional: files without them stay valid and need no migration.
//
// # Warnings and errors
//
// Check reports problems that make an assessment unusable against a model
// (unknown IDs, duplicates, levels outside the scale, a different model,
// lists and texts beyond the limits), each with a JSON pointer. Score runs
// Check and returns its problems as a problem.List error. Everything else
// is a warning in the Result: scoring a half-filled assessment succeeds.
//
// # Limits
//
// The file formats bound what a file may hold (limits.go): free text
// such as evidence, a rationale or a note at MaxText (8,000) characters,
// one-line text such as a name, a title or a place at MaxName (200), the
// classification at MaxClassification (80); at most MaxStakeholders and
// MaxRespondents (500 each), MaxResponses (50,000) and MaxDecisions
// (1,000 agreed levels, 1,000 priority overrides); facts at most
// MaxInstruments (500) instruments and MaxFactRecords (1,000) staff,
// network and incident records each; a model at most
// MaxIndicators (1,000) indicators. Characters are Unicode code points.
// The JSON Schemas state the same numbers, and a test keeps them equal.
// Check reports the same problems, in the same words, for an assessment
// built in Go, and a model with more than MaxIndicators indicators is
// refused. No work or memory of Check or Score grows with the product of
// two counts, such as indicators × respondents.
//
// # Model versions and migration
//
// An assessment records the model ID and version it was made with. Model
// versions follow semantic versioning: a minor or patch release may add
// indicators or role archetypes or reword text but never removes, renames
// or renumbers an indicator or role ID, so an older assessment scores with
// a "model-version" warning and the new indicators show as unassessed.
// Version 1.1.0 added the archetypes cabinet-office, finance-ministry,
// planning-ministry, public-service-commission, public-procurement,
// parliament and utilities-regulator; a 1.0.0 assessment needs no
// migration. A major release may
// rename or retire indicators; it then lists them under "migrations"
// (from major version, renamed IDs, retired IDs). Check refuses an
// assessment from another major version; Migrate rewrites it.
package assess
