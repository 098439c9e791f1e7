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
// above: learn, specialise, contribute regionally), or "any" for actions
// that the facts alone call for, such as renewing an agreement before it
// expires. For every indicator with a gap, in priority order, Build
// selects the actions of its area that list it, match its band and suit
// the template. An action that covers several indicators applies only
// when every one of them is in its band (an indicator that does not apply
// is left out): a state whose CSIRT is already managed is never told to
// create one because its mutual-aid agreements are weak. A gap with no
// matching action is deferred with a reason in the draft.
//
// Every action has a mode, what it does to what exists (see Modes), and
// declarative conditions on the assessment's facts and levels: "when"
// conditions that must all hold and "unless" conditions of which none may
// hold, on instruments (kind, status, the indicators they bear on, expiry
// within so many months of the plan's start), the Budapest Convention,
// networks and indicator levels. An action of mode create always carries
// an "unless" condition on any instrument that exists and bears on its
// indicators, so a draft never proposes to create, adopt, join or accede
// to what the facts record. The first instrument that meets an action's
// "when" conditions fills the placeholders {name}, {reference} and
// {expires} of its texts, in one pass: "Renew the … MoU before
// 2027-03-18". A high-weight indicator that nobody could rate becomes a
// fact-finding action, a quick win led by the lead of the area's main
// action.
//
// # What the draft is
//
// The draft is the strategy with its costed action plan, so adopting it
// closes the gaps on an adopted strategy and a costed plan: the plan never
// schedules its own drafting or adoption, says so where those gaps are
// shown, and nothing waits for that step. When the facts record a
// strategy in force for the plan's first year, the draft is instead an
// implementation plan for the rest of that strategy's period, or a
// refresh when the strategy ends that year; Options.Kind chooses
// otherwise.
//
// # Sequencing, roles and KPIs
//
// Actions are numbered per pillar in priority order (GOV-01, …). Each
// starts no earlier than its horizon allows (quick 0, medium 3, long 24
// months, or earlier if a long action would not otherwise fit in the
// period), after the actions it depends on, and when its lead has room
// for it; its horizon is then set from its end month.
//
// Capacity: a lead carries at most Capacity actions at once, counting
// the filled posts the assessment records for it (facts.staff, the latest
// year, units added up), else the established ones: one per post plus one
// for a team of up to four, then one more for every five further posts,
// at most MaxCapacity (12); DefaultCapacity (3) when none are recorded. A
// directorate of two posts drives three actions at once, a CSIRT of 38
// eleven, an agency of 112 twelve. Waiting actions
// take the next free place month by month: first those a facilitator's
// deadline waits for, earliest deadline first, then by priority. An
// action that needs more people at once than its lead has posts (a
// three-person rota for a team of two: the library's "people") is a
// finding in the implementation chapter.
//
// Deadlines: a priority override or an agreed level may carry a deadline,
// and an action that renews or hands over a recorded instrument is due
// before the instrument expires; a fact-finding action, and one that
// designates the holder of a role, queues as if due in its first months,
// and the action that measures the missing baselines as if due within
// the first year.
// The actions that close a deadline's indicator, and their prerequisites,
// may start in the first month whatever their horizon and go first in their
// leads' queues; while a lead has such work still to start, other work
// leaves it one place free. An action that cannot end before the
// deadline's month is a warning (Draft.Warnings, code WarnDeadline) that
// says why: the deadline comes before the period, the set-up or the
// prerequisites take too long, or the lead is full. Warnings gives the
// same warnings without the document, for the score command and the
// workbook.
//
// Recurrent work: a recurrent action is set up over its months (Start to
// End), then goes on every year to the end of the period (Ongoing, from
// OngoingFrom) as routine business that takes no place in its lead's
// capacity. Its recurrent cost starts in the first budget year after its
// set-up; the resourcing chapter states that cost per year against the
// active recurrent budget lines the assessment records, and the increase.
//
// Roles are described below.
//
// # Indicators
//
// Each action has one KPI, measured as its library entry says (Measure):
// a type (input, output, outcome, impact), a unit (a count of something
// named, a share, time, money), a counting rule, a data source and the
// institution that holds it (its role resolved as leads are), a
// frequency and the breakdowns it reports (sex, age, region, sector).
// Its baseline comes from the assessment's facts where the measure names
// one: the incidents handled in the latest year recorded, the filled
// posts or the vacancy rate of the institutions that fill a role, the
// active budget lines, the networks the country's teams belong to, or
// zero when the indicator it serves is at the lowest level. Without one
// the KPI has no data, and the plan gets one fact-finding action that
// measures every missing baseline within the first year and names the
// KPIs (DataAction points to it). Its numeric targets run in equal steps
// for each year up to the end of the action: from the baseline (by the
// measure's change, or to its target value) when there is one, else from
// the measure's starting value to its target value; counts of people
// and things scale with the population. Beside the measure, the KPI
// keeps the maturity track of the indicator it serves: its consolidated
// level and the level for each year up to the target level.
//
// The strategy has 8-12 outcome indicators (Draft.Outcomes), defined in
// the common template with the same measures and tied to the goals of
// its vision (G-GOV, one per pillar) and the objectives of its pillars
// (O-GOV.STR, one per area the plan acts on) that Draft.Objectives lists;
// some apply to small island states or larger states only. The
// strategy's monitoring chapter shows them with their baselines and
// yearly targets; the implementation plan shows every KPI and outcome
// indicator with how it is counted and who holds its data.
//
// # Evidence and method
//
// A draft says on what it rests. Every consolidated level shows its
// confidence, and a pillar whose assessed levels are mostly of low
// confidence says so in its chapter. Below PartialEvidenceBelow percent
// of the applicable indicators with a level, overall or in a pillar, the
// cover (Meta.EvidenceNote), the document control and the executive
// summary say the draft rests on partial evidence, how much and which
// pillars; below OutlineBelow overall the title and status call it a
// preliminary outline. The wording of the method, the data gaps, the
// consultation record and the evidence annex follows the session's method:
// a desk review cites each level's published source and date where a
// workshop names the person and institution that gave it.
//
// # Roles
//
// Each action names role archetypes of the model (lead, responsible,
// consulted, informed); Build maps each to a stakeholder of the country.
// When several stakeholders fill an archetype, the one the profile's
// leadMinistry names (by name or ID) wins; else the one that owns the most
// live instruments of the country's facts (not repealed, lapsed, expired
// or dormant) on the action's indicators; else the first in assessment
// order. leadMinistry is the political owner of the strategy; the lead
// agency is the stakeholder holding the archetype the model gives the
// purpose lead-agency (lead-cyber-agency in the default model; see
// assess.Purposes). When the two
// differ (a ministry over an agency), the agency leads the lead-agency
// actions and the ministry owns the strategy; when the ministry also holds
// the role, it is both.
//
// An archetype that leads an action of the plan but that no stakeholder
// fills is designated first: by a library action that designates it
// (marked "designates", such as the Cabinet decision mandating a lead
// agency) or, when none is in the plan, by a quick designation action that
// Build adds (library ID "designate:ROLE", three months, in the area of
// the lead agency). It takes the priority of the first action it unblocks,
// and every action the role leads depends on it. An added designation,
// and a library one whose own lead role is open, is led by the political
// owner: the stakeholder leadMinistry names, else the holder of
// cabinet-office, else of ict-ministry, else the cabinet-office role
// itself. The governance chapter and the summary then say that the
// lead-agency role is open instead of naming an institution.
//
// A library action marked "sectorDuty" (the security and
// incident-notification duties of a sector, its protocols with operators)
// is led by a sector regulator of its responsible list that the country
// has (financial, telecommunications, energy and water), preferring one
// that owns an instrument on its indicators; the library's lead becomes
// responsible. With no such regulator the library's lead (the lead agency)
// leads it and a "sector-duty" finding says so.
//
// Where the draft needs a part of the model by meaning rather than by ID
// (the legal foundations the situation chapter describes, the monitoring
// indicator the baseline survey serves, the indicators of a lead agency
// and of a coordination body that designations serve, the indicators the
// lessons of a previous strategy draw on, the lead agency's archetype, the
// pillar whose facts include the recorded incidents, the kind of
// instrument each pillar's goal starts from), it
// finds it by the purpose the model gives it (assess.Purposes), never by
// ID, so that a model with other IDs drafts the same. A model that gives
// no such purpose drafts without what needs it.
//
// The role gaps are findings: a designated contact without a deputy; an
// expected contact nobody holds; an archetype nobody fills, with the
// actions it leads and the action that designates it; a business
// association that holds the operators' role (it cannot commit the
// operators). The institutions every government has (cabinet office,
// parliament, finance and planning ministries, public service commission,
// public procurement) are not missing when no stakeholder holds them, only
// absent from the assessment: they make one "not-represented" finding that
// lists the actions needing each, rather than one finding apiece.
//
// Build is deterministic: the same inputs give the same draft.
package strategy
