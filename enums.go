package kopuro

import "strings"

// Platform is a social-media platform.
type Platform string

// The platforms Kopuro knows. The study covers the first five.
const (
	Instagram Platform = "instagram"
	Facebook  Platform = "facebook"
	YouTube   Platform = "youtube"
	TikTok    Platform = "tiktok"
	Telegram  Platform = "telegram"
	X         Platform = "x"
	LinkedIn  Platform = "linkedin"
	VK        Platform = "vk"
)

// Platforms lists every platform in display order.
var Platforms = []Platform{Instagram, Facebook, YouTube, TikTok, Telegram, X, LinkedIn, VK}

// StudyPlatforms are the platforms of the study's Table 1 and beyond that
// every national overview shows, in display order.
var StudyPlatforms = []Platform{Instagram, Facebook, YouTube, TikTok, Telegram}

// ParsePlatform accepts a platform name in any case ("Instagram", "twitter"
// for X).
func ParsePlatform(s string) (Platform, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "twitter" {
		s = "x"
	}
	for _, p := range Platforms {
		if string(p) == s {
			return p, nil
		}
	}
	return "", invalid("platform", "error.platform", "unknown platform %q", s).WithArg("Value", s)
}

// AudienceMetric is the metric that measures an account's audience on p:
// subscribers on YouTube and Telegram channels, followers elsewhere.
func (p Platform) AudienceMetric() Metric {
	if p == YouTube {
		return MetricSubscribers
	}
	return MetricFollowers
}

// brandNames are platforms as their owners write them, the same in every
// language. VK is left out: Russian and Kyrgyz readers know it by another
// name (ВКонтакте), which the catalogues give.
var brandNames = map[Platform]string{
	Instagram: "Instagram", Facebook: "Facebook", YouTube: "YouTube", TikTok: "TikTok",
	Telegram: "Telegram", X: "X", LinkedIn: "LinkedIn",
}

// Name is p as its owner writes it ("YouTube"), for messages that name a
// platform among other words ({Platform}); its id where the name depends
// on the reader's language.
func (p Platform) Name() string {
	if n, ok := brandNames[p]; ok {
		return n
	}
	return string(p)
}

// Video reports whether p is a video-first platform, where engagement is also
// measured per view.
func (p Platform) Video() bool { return p == YouTube || p == TikTok }

// Metric is what a snapshot measures.
type Metric string

// Snapshot metrics.
const (
	MetricFollowers   Metric = "followers"
	MetricSubscribers Metric = "subscribers"
	MetricAvgViews    Metric = "avg_views"
	MetricPosts       Metric = "posts"
)

// Metrics lists every snapshot metric.
var Metrics = []Metric{MetricFollowers, MetricSubscribers, MetricAvgViews, MetricPosts}

// ParseMetric validates a metric name.
func ParseMetric(s string) (Metric, error) {
	for _, m := range Metrics {
		if string(m) == s {
			return m, nil
		}
	}
	return "", invalid("metric", "error.metric", "unknown metric %q", s).WithArg("Value", s)
}

// Audience reports whether m counts an account's audience (followers or
// subscribers), the figure of Table 1.
func (m Metric) Audience() bool { return m == MetricFollowers || m == MetricSubscribers }

// Precision says how exact a snapshot's value is.
type Precision string

// Precisions, as the study's Table 1 marks them.
const (
	Exact  Precision = "exact"  // the value as read
	Approx Precision = "approx" // about the value ("~")
	Below  Precision = "below"  // under the value ("<1k")
	None   Precision = "none"   // no data ("N/A"): the value is missing, never zero
)

// Precisions lists every precision.
var Precisions = []Precision{Exact, Approx, Below, None}

// ParsePrecision validates a precision; an empty string means exact.
func ParsePrecision(s string) (Precision, error) {
	if s == "" {
		return Exact, nil
	}
	for _, p := range Precisions {
		if string(p) == s {
			return p, nil
		}
	}
	return "", invalid("precision", "error.precision", "unknown precision %q (want exact, approx, below or none)", s).WithArg("Value", s)
}

// Format is the form a post takes on its platform.
type Format string

// Post formats.
const (
	FormatPhoto Format = "photo"
	FormatVideo Format = "video"
	FormatReel  Format = "reel"
	FormatStory Format = "story"
	FormatAlbum Format = "album"
	FormatLive  Format = "live"
	FormatText  Format = "text"
	FormatEvent Format = "event"
)

// Formats lists every post format.
var Formats = []Format{FormatPhoto, FormatVideo, FormatReel, FormatStory, FormatAlbum, FormatLive, FormatText, FormatEvent}

// ParseFormat validates a post format; an empty string means unknown and is
// allowed (many exports do not say).
func ParseFormat(s string) (Format, error) {
	if s == "" {
		return "", nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", invalid("format", "error.format", "unknown post format %q", s).WithArg("Value", s)
}

// IsVideo reports whether posts of format f are moving pictures.
func (f Format) IsVideo() bool { return f == FormatVideo || f == FormatReel || f == FormatLive }

// InstitutionType is the legal form of an institution.
type InstitutionType string

// Institution types.
const (
	Public        InstitutionType = "public"
	Private       InstitutionType = "private"
	International InstitutionType = "international"
)

// InstitutionTypes lists every institution type.
var InstitutionTypes = []InstitutionType{Public, Private, International}

// ParseInstitutionType validates an institution type; empty is allowed.
func ParseInstitutionType(s string) (InstitutionType, error) {
	if s == "" {
		return "", nil
	}
	for _, t := range InstitutionTypes {
		if string(t) == s {
			return t, nil
		}
	}
	return "", invalid("type", "error.institution_type", "unknown institution type %q (want public, private or international)", s).WithArg("Value", s)
}
