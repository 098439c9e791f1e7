// Command wasm is the bridge between the ncskit library and the offline
// browser workbook. Compiled with GOOS=js GOARCH=wasm it runs in a Web
// Worker and sets one global object, ncskit, whose functions each take one
// JSON string and return a Promise: of a JSON string, or of a Uint8Array
// for binary results. A Go panic is recovered and rejects the promise with
// a readable message; the page stays alive.
//
//	const info = JSON.parse(await ncskit.info("{}"));
//	const model = JSON.parse(await ncskit.model('{"lang":"es"}'));
//	const v = JSON.parse(await ncskit.validate(fileText));  // {valid, kind, problems}
//	const s = JSON.parse(await ncskit.score(assessmentJSON)); // {kind, problems, result}
//
// The functions:
//
//   - info: {} → the functions this build offers (the page shows a feature
//     only when its function is listed), the model ID and version, the
//     assessment schema version, the session-file format (with the
//     largest session file the bridge accepts, schemas.MaxSessionSize)
//     and the limits of the formats (characters of a free text, of a name
//     and of the classification; most stakeholders, respondents, responses
//     and decisions, instruments and other fact records), at which the
//     page's inputs stop typing, and the values the country facts take
//     (instrument kinds and statuses, the statuses that fit each kind,
//     treaty, network and network statuses), from which the page builds
//     its selects.
//   - model: {"lang": "en", "format": "json"} → the default model, exactly
//     as "ncskit model" prints it (every language is inside; lang is checked
//     as a language code); with "format": "md", a JSON string holding the
//     Markdown reference in lang, as "ncskit model --format md" prints it.
//   - validate: an assessment, or a session file (an assessment wrapped with
//     the workbook's change log and snapshots; schemas.Session) →
//     {"valid", "kind", "problems": [{"file", "at", "message", "hint"}]}
//     (package problem; "at" is a JSON pointer into the text that was
//     passed). Problems are results, not errors.
//   - score: an assessment or a session file → {"kind", "problems",
//     "result"}, where result is what "ncskit score --format json" prints,
//     or null when problems stop scoring.
//   - rescore: a bare assessment → the same response as score, for live
//     editing: strict decoding and the model checks, without the JSON Schema
//     pass (more than half of score's time on a full assessment). Input that
//     does not decode goes through score. The page calls it after every
//     change, and runs validate soon after the last change, on open and on
//     save.
//   - live: {"rev", "assessment"} or {"rev", "base", "responses": [{"indicator",
//     "respondent", "at", "response"}]} → the response of rescore with
//     "rev", or {"stale": true}. The worker keeps the assessment being
//     edited: the first form sets it, the second changes, adds (at its
//     place "at") or removes (response null) single responses of the copy
//     made by request "base". A change that does not fit the copy gives
//     stale, and the page sends the whole assessment. This is what the page
//     calls after a change of answers: the answer travels, not the
//     assessment.
//   - preview: {"rev", "indicator", "respondent"} → {"rev", "indicator",
//     "respondent", "scores": {"1": …, "5": …, "n/a": …, "unknown": …}}:
//     the indicator's score (as in a result) for each answer the
//     respondent could give, from the copy live made at "rev", or
//     {"stale": true} when the copy is at another revision. The page asks
//     once a change is scored, and draws the strip of the next level key
//     from it at once (assess.ScoreIndicator scores the one indicator).
//   - draft: {"assessment" or "session", "format", "lang", "template"} →
//     a Uint8Array: the strategy draft as html, json, md, pdf or xlsx,
//     byte for byte what "ncskit draft" writes for the same assessment and
//     options (both use package internal/drafting). template defaults to
//     the session's, else the one the profile suggests. An assessment with
//     problems rejects the promise with every problem, one per line.
//   - questionnaire: {"format": "xlsx", "lang"} → a Uint8Array: the blank
//     questionnaire, as "ncskit questionnaire --format xlsx" writes it.
//   - import: {"files": [{"name", "data"}], "into"} with each filled
//     questionnaire's bytes in base64 and into the assessment to add the
//     answers to → {"problems", "assessment", "files", "added"}: every
//     problem located as file and cell ("ana.xlsx: IRC!D14: ...") with a
//     null assessment, or the merged assessment (nothing that was there is
//     changed) with what each file held and what was added.
//   - migrate: an assessment or a session file made with an earlier
//     version of the model → {"problems", "assessment", "notes"}: the
//     assessment rewritten for this model with a note per change, as
//     "ncskit migrate" writes it, or the problems that stop it.
//   - region: {"files": [{"name", "text"}], "anonymise", "key",
//     "minStates", "lang"} with the text of each state's assessment or
//     session file (older versions of the model are migrated, as
//     "ncskit region" does) → {"problems", "title", "subtitle",
//     "marking", "anonymised", "states", "legend", "tables"}: the tables
//     of the regional report as data (region.Report.View), for the page
//     to lay out, or every problem of every file with no tables.
//   - regionReport: the same request with "format" (pdf, xlsx, html, json
//     or vcf) → a Uint8Array: the regional report, byte for byte what
//     "ncskit region" writes for the same files (vcf: its --contacts
//     directory). Files with problems reject the promise with every
//     problem, one per line.
//
// The logic is in handle, plain Go tested natively and under node
// (GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/...);
// main_js.go only converts between JavaScript values and bytes. The page
// is in wasm/web; "ncskit workbook" compiles this command with the build
// tag ncskit_page and inlines it. The answers of info, model and vocab
// are made by package catalog, which the page's bundler also calls: the
// page carries them and asks the engine only for the rest. In that build
// the engine embeds no model: it reads the model's document (the answer
// of "model") from the worker's global ncskitModel, which the page sets.
package main
