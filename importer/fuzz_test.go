package importer

import "testing"

// One fuzz target per parser, seeded with its fixtures. Run each with
// go test -fuzz=FuzzX -fuzztime=3m ./importer/; crashers land in
// testdata/fuzz/FuzzX and stay as regression inputs.

func FuzzZeeschuimer(f *testing.F) {
	seedFuzz(f, "zeeschuimer")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, Zeeschuimer{}, data) })
}

func FuzzInstaloader(f *testing.F) {
	seedFuzz(f, "instaloader")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, Instaloader{}, data) })
}

func FuzzYtDlp(f *testing.F) {
	seedFuzz(f, "ytdlp")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, YtDlp{}, data) })
}

func FuzzTelegram(f *testing.F) {
	seedFuzz(f, "telegram")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, Telegram{}, data) })
}

func FuzzCrowdTangle(f *testing.F) {
	seedFuzz(f, "crowdtangle")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, CrowdTangle{}, data) })
}

func FuzzUniRank(f *testing.F) {
	seedFuzz(f, "unirank")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzParse(t, UniRank{}, data) })
}
