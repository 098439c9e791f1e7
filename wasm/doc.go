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
//     assessment schema version and the session-file format.
//   - model: {"lang": "en", "format": "json"} → the default model, exactly
//     as "ncskit model" prints it (every language is inside; lang is checked
//     as a language code).
//   - validate: an assessment, or a session file (an assessment wrapped with
//     the workbook's change log and snapshots, see session.schema.json) →
//     {"valid", "kind", "problems": [{"pointer", "message"}]}. Problems are
//     results, not errors, with JSON pointers into the text that was passed.
//   - score: an assessment or a session file → {"kind", "problems",
//     "result"}, where result is what "ncskit score --format json" prints,
//     or null when problems stop scoring.
//   - rescore: a bare assessment → the same response as score, for live
//     editing: strict decoding and the model checks, without the JSON Schema
//     pass (more than half of score's time on a full assessment). Input that
//     does not decode goes through score. The page calls it after every
//     change, and runs validate soon after the last change, on open and on
//     save.
//
// Functions to come, each one entry in the functions table: draft (a
// request {"assessment", "format", "lang", "template"} → Uint8Array),
// questionnaire ({"format": "xlsx", "lang"} → Uint8Array) and import
// ({"files": [{"name", "data"}]} with base64 data → an assessment).
//
// The logic is in handle, plain Go tested natively and under node
// (GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/...);
// main_js.go only converts between JavaScript values and bytes. The page
// is in wasm/web; "ncskit workbook" compiles this command and inlines it.
package main
