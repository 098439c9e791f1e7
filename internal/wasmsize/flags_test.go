package main

// Every test binary of the module understands -update (see internal/golden).
import _ "github.com/ncskit/ncskit/internal/golden"
