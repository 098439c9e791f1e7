// Package xlsx renders a strategy draft as an Excel workbook (Office Open
// XML, ECMA-376) that a ministry keeps as its living action plan and
// reviews every quarter.
//
//	d, err := strategy.Build(m, a, res, t, nil)
//	err = xlsx.Encode(w, d, nil)
//
// # Sheets
//
// Summary (document control, scores per pillar and area, a radar chart of
// current against target progress, the top priorities and the progress of
// the action plan), Assessment (every indicator with its evidence), Gaps,
// Priorities, Action plan (in the style of Colombia's CONPES follow-up
// plans: objective, action, gap reference, dates, milestone, RACI owners,
// contact, KPI, weight, cost band, funding, dependencies, status, last
// update), Objectives (the draft's goals, G-GOV, and pillar objectives,
// O-GOV.STR, with their weights and weighted progress: each action serves
// the objective of its area, and each outcome indicator names objectives
// of this sheet), Indicators (KPIs with a baseline and a target per
// year), RACI,
// Points of contact, Role gaps, Budget, Timeline and Lists (the cost bands
// with their mid-points and the vocabularies behind the drop-down lists).
//
// Every sheet has a header row, frozen panes, an autofilter, column widths
// and wrapped text chosen for reading, and a print setup: landscape, one
// page wide, header rows repeated on every page, and the classification
// marking of the draft in the page header and footer.
//
// # A living plan
//
// The status, last-update and progress-note columns of the action plan are
// input cells (shaded, unlocked, status from a drop-down list). The
// Budget sheet, the plan progress on the Summary and the Timeline are
// formulas over the action plan, so they follow when a planner changes a
// status, a date, a cost band or a funding source: the Budget adds the
// mid-points of the cost bands (Lists sheet) with SUMIFS, and the Timeline
// shades the quarters between each action's start and end with conditional
// formatting. Formulas carry no cached values: Excel and LibreOffice
// compute them when the file is opened.
//
// # Safety and determinism
//
// Free text from the assessment (names, evidence, decisions) is always
// written as a string cell in a column with the text number format, never
// as a formula, so text that starts with =, +, -, @, a tab or a carriage
// return stays literal. Text that looks like an escaped character of the
// format ("_x0041_" stands for "A") has its underscore escaped, so that
// Excel shows it as written.
//
// A cell holds at most 32,767 characters, and no text is cut: longer text
// continues in the cells below, on extra rows of its record that repeat
// the record's key, or, in the fixed layout of the Summary, the heads and
// the Lists, in the columns after the sheet's last. Each piece but the
// last ends with "… continued in the next row" (or "… continued in H4"),
// and each but the first opens with "(continued 2/3)".
//
// The same draft and options always give the same bytes: document
// properties come from the draft (created and modified at the session
// date, creator "ncskit"), and the package parts are written in a fixed
// order.
package xlsx
