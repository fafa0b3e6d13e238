package importer

// registered lists every format in detection order: the strict generic
// formats first, then the third-party ones.
var registered = []Format{
	genericNDJSON{},
	genericCSV{},
}

// Formats returns every registered format in detection order.
func Formats() []Format { return registered }
