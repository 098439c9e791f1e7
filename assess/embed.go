//go:build !ncskit_page

package assess

import (
	"embed"
	"io/fs"
)

//go:embed model/*.json
var embedded embed.FS

// EmbeddedFS returns the embedded model files (model/model.json and one file
// per pillar), for tools that validate or publish them.
func EmbeddedFS() fs.FS { return embedded }

func loadDefault() (*Model, error) {
	return LoadModel(embedded, "model/model.json")
}
