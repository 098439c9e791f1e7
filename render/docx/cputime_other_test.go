//go:build !unix

package docx

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
