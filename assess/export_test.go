package assess

// Median exposes the median rule to the tests.
var Median = median
