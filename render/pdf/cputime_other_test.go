//go:build !unix

package pdf

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
