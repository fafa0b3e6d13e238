package importer

import (
	"bufio"
	"fmt"
	"io"
	"testing"
)

// genZeeschuimer writes n lines of a Zeeschuimer export in the three
// Instagram shapes and TikTok's, each with its own id and time, so that a
// large import can be measured without a real capture.
func genZeeschuimer(w io.Writer, n int) error {
	bw := bufio.NewWriter(w)
	for i := 0; i < n; i++ {
		ts := 1700000000 + i*37
		var data string
		switch i % 4 {
		case 0:
			data = fmt.Sprintf(`{"id":"%d_4000000001","pk":"%d","code":"G%010d","taken_at":%d,"media_type":1,"caption":{"text":"Пост %d: студенттер жана мугалимдер #кампус #SDG4 @partner.%d"},"user":{"username":"univ.%d","full_name":"University %d"},"like_count":%d,"comment_count":%d,"comments":[{"pk":"c%d","text":"Супер!","created_at":%d,"user":{"username":"fan%d"}}],"image_versions2":{"candidates":[{"url":"https://cdn.example/%d.jpg","width":1080,"height":1080}]}}`,
				i, i, i, ts, i, i%50, i%70, i%70, i%900, i%40, i, ts+60, i%300, i)
		case 1:
			data = fmt.Sprintf(`{"__typename":"GraphVideo","id":"%d","shortcode":"H%010d","taken_at_timestamp":%d,"is_video":true,"edge_media_to_caption":{"edges":[{"node":{"text":"Video %d from the open day #openday"}}]},"owner":{"id":"1","username":"univ.%d"},"edge_media_preview_like":{"count":%d},"edge_media_to_comment":{"count":%d,"edges":[]},"video_view_count":%d,"display_url":"https://cdn.example/%d.jpg"}`,
				i, i, ts, i, i%70, i%500, i%20, i*3%10000, i)
		case 2:
			data = fmt.Sprintf(`{"__typename":"XIGPolarisImageMedia","code":"P%010d","pk":"%d","taken_at":%d,"caption":{"text":"Кабар %d"},"user":{"username":"univ.%d"},"display_uri":"https://cdn.example/%d.jpg"}`,
				i, i, ts, i, i%70, i)
		default:
			data = fmt.Sprintf(`{"id":"73%017d","desc":"Абитуриент %d #abiturient","createTime":%d,"author":{"uniqueId":"univ.%d","nickname":"U"},"stats":{"diggCount":%d,"commentCount":%d,"shareCount":%d,"playCount":%d,"collectCount":%d},"challenges":[{"title":"abiturient"}],"textExtra":[{"hashtagName":"abiturient"}],"video":{"cover":"https://cdn.example/t%d.jpg"}}`,
				i, i, ts, i%70, i%800, i%30, i%10, i*7%50000, i%15, i)
		}
		plat := "instagram.com"
		if i%4 == 3 {
			plat = "tiktok.com"
		}
		if _, err := fmt.Fprintf(bw, `{"nav_index":"1:1:%d","item_id":"%d","timestamp_collected":%d000,"source_platform":"%s","source_platform_url":"https://www.%s/","source_url":"https://www.%s/api/","user_agent":"Mozilla/5.0","data":%s,"id":%d}`+"\n",
			i, i, ts+86400, plat, plat, plat, data, i); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// BenchmarkZeeschuimer150k parses a generated 150,000-line export from a
// file, as `kopuro import` would, and reports lines per second and the
// largest heap seen while parsing (constant memory means it does not grow
// with the file).
func BenchmarkZeeschuimer150k(b *testing.B) {
	benchFile(b, Zeeschuimer{}, "zeeschuimer-export-instagram.ndjson", 150000, genZeeschuimer)
}
