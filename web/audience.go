package web

import "kopuro/insight"

// Table 1 is computed in insight (the report reads it too); the web
// package names its parts as before.
type (
	audienceTable = insight.AudienceTable
	audienceCell  = insight.AudienceCell
)

var buildAudience = insight.BuildAudience
