package importer

// Version is the version of the importers, recorded in every post's Source
// so that a later, better importer can tell which rows it should redo.
const Version = "1.0.0"

// registered lists the file formats `kopuro import` detects, in the order
// detection tries them: Kopuro's own formats first (they require a "kind"
// field or a header of known columns), then the third-party ones, the most
// specific content markers first.
var registered = []Format{
	genericNDJSON{},
	genericCSV{},
	genericXLSX{},
	Zeeschuimer{},
	Instaloader{},
	Telegram{},
	YtDlp{},
	CrowdTangle{},
	UniRank{},
}

// Formats returns the registered formats in detection order.
func Formats() []Format {
	out := make([]Format, len(registered))
	copy(out, registered)
	return out
}
