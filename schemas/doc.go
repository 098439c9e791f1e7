// Package schemas holds the JSON Schemas (draft 2020-12) of ncskit's file
// formats and validates documents against them.
//
// The schemas are embedded and published under their $id
// (https://ncskit.org/schemas/KIND-v1.schema.json): "model" for a maturity
// model, "pillar" for one pillar file of a model, "assessment" for an
// assessment, "template" for a strategy template, "draft" for the JSON
// form of a strategy draft, and "session" for the browser workbook's
// session file (an assessment with its change log and snapshots). Point an editor at them with a "$schema" field to get
// completion and checks while typing.
//
// Validate reports every problem, not only the first, each with the JSON
// pointer of the value at fault:
//
//	for _, e := range schemas.Validate(schemas.Assessment, data) {
//		fmt.Printf("%s: %s\n", name, e) // assessment.json: /responses/3/level: expected ...
//	}
//
// Schema validation checks shape and types. Checks that need the model
// (unknown indicator IDs, levels above the scale, unknown respondents) are
// made by assess.Check; package load runs both.
package schemas
