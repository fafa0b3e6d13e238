package importer

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// genTelegram writes a one-channel Telegram Desktop export of n messages,
// text alternately as a string and as an entity array.
func genTelegram(w io.Writer, n int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, "{\n \"name\": \"Example University\",\n \"type\": \"public_channel\",\n \"id\": 1500000001,\n \"messages\": [\n")
	for i := 1; i <= n; i++ {
		ts := 1700000000 + i*600
		text := fmt.Sprintf(`"Жаңылык %d: окуу жайдагы иш-чара #кампус"`, i)
		if i%2 == 0 {
			text = fmt.Sprintf(`["Новость %d ", {"type": "hashtag", "text": "#кампус"}, " ", {"type": "mention", "text": "@partner"}]`, i)
		}
		sep := ","
		if i == n {
			sep = ""
		}
		fmt.Fprintf(bw, `  {"id": %d, "type": "message", "date": "2023-11-14T12:00:00", "date_unixtime": "%d", "from": "Example University", "from_id": "channel1500000001", "text": %s, "text_entities": [], "reactions": [{"type": "emoji", "count": %d, "emoji": "👍"}], "views": %d}%s`+"\n",
			i, ts, text, i%40, i%3000, sep)
	}
	fmt.Fprint(bw, " ]\n}\n")
	return bw.Flush()
}

// genYtDlpChannel writes a channel dump (-J) of n full video entries, each
// with its channel id as yt-dlp writes them, the playlist's own keys after
// the entries.
func genYtDlpChannel(w io.Writer, n int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, `{"_type": "playlist", "id": "UCabcdefghijklmnopqrstuv", "entries": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			bw.WriteString(", ")
		}
		fmt.Fprintf(bw, `{"id": "v%010d", "title": "Лекция %d", "formats": [{"format_id": "18", "url": "https://media.example/%d", "ext": "mp4", "vcodec": "avc1", "acodec": "mp4a"}, {"format_id": "22", "url": "https://media.example/%d/hd", "ext": "mp4"}], "description": "Ачык лекция #билим", "timestamp": %d, "view_count": %d, "like_count": %d, "comment_count": %d, "webpage_url": "https://www.youtube.com/watch?v=v%010d", "channel_id": "UCabcdefghijklmnopqrstuv", "extractor": "youtube"}`,
			i, i, i, i, 1700000000+i*3600, i*13%90000, i%700, i%30, i)
	}
	fmt.Fprint(bw, `], "channel": "Example University", "channel_id": "UCabcdefghijklmnopqrstuv", "extractor": "youtube:tab", "extractor_key": "YoutubeTab"}`)
	return bw.Flush()
}

// benchFile generates a file once and parses it b.N times, reporting items
// per second and the largest heap seen while parsing.
func benchFile(b *testing.B, f Format, name string, items int, gen func(io.Writer, int) error) {
	path := filepath.Join(b.TempDir(), name)
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := gen(out, items); err != nil {
		b.Fatal(err)
	}
	size, _ := out.Seek(0, io.SeekEnd)
	out.Close()
	b.SetBytes(size)
	var peak uint64
	var ms runtime.MemStats
	runtime.GC()
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		in, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		posts := 0
		err = f.Parse(context.Background(), in, path, func(it Item, err error) bool {
			if err != nil {
				b.Fatal(err)
			}
			if it.Post != nil {
				posts++
				if posts%5000 == 0 {
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
				}
			}
			return true
		})
		in.Close()
		if err != nil || posts != items {
			b.Fatalf("parsed %d posts of %d: %v", posts, items, err)
		}
	}
	b.ReportMetric(float64(items)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
	// Per CPU second too: on a shared, loaded machine wall time says more
	// about the neighbours than about the parser.
	b.ReportMetric(float64(items)*float64(b.N)/(cpuSeconds()-cpu0), "items/cpu-s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

func BenchmarkTelegram100k(b *testing.B) {
	benchFile(b, Telegram{}, "result.json", 100000, genTelegram)
}

func BenchmarkYtDlpChannel20k(b *testing.B) {
	benchFile(b, YtDlp{}, "channel.info.json", 20000, genYtDlpChannel)
}

// cpuSeconds is the user and system CPU time this process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
