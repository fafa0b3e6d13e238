// Package kopuro holds Kopuro's domain: institutions, their social-media
// accounts, follower snapshots with provenance, posts, comments and the labels
// the analysis engine (or a human coder) gives them.
//
// The package has no I/O and imports only the standard library. Every other
// package (store, importer, analyze, metrics, web, ...) depends on it, never
// the other way round.
package kopuro
