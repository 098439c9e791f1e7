//go:build !unix

package region

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
