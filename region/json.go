package region

import (
	"encoding/json"
	"io"
)

// EncodeJSON writes r as indented JSON (the structure is described in the
// package doc), with no HTML escaping, ending in a newline.
func EncodeJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
