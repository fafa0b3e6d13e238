package metrics

// Version is the version of Kopuro's metric definitions as a whole: the
// Registry (every formula, numerator, denominator, aggregation and
// per-metric version) and the bundled index configuration (tmvi.json).
// It is bumped — year.month.sequence — whenever any of them changes, so
// that a report, an export or an API answer can say which definitions its
// figures follow. TestVersionPinsDefinitions fails when a definition
// changes and Version does not.
const Version = "2026.11.3"
