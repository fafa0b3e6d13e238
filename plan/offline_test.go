package plan

import (
	"testing"

	"kopuro/metrics"
)

func TestOffline(t *testing.T) {
	ins := []Indicator{
		{Institution: "demo", Kind: Volunteers, Value: 40, Date: d("2025-04-22"), Source: "volunteer sign-up sheet", Campaign: "usw-2025"},
		{Institution: "demo", Kind: Volunteers, Value: 15, Date: d("2025-05-02"), Source: "sign-up form"},
		{Institution: "demo", Kind: MediaMentions, Value: 1, Date: d("2025-04-25"), Source: "local newspaper", PostURL: "https://example.org/p/1"},
		{Institution: "demo", Kind: Volunteers, Value: 99, Date: d("2025-06-01"), Source: "form"}, // after the period
	}
	for i := range ins {
		if err := ins[i].Validate(); err != nil {
			t.Fatal(err)
		}
	}
	p := metrics.Period{From: at("2025-04-01"), To: at("2025-06-01")}
	tot := OfflineTotals(ins, p)
	if v := tot["offline.volunteers"]; v.V != 55 || v.Prec != metrics.Exact {
		t.Errorf("volunteers = %v, want 55", v)
	}
	if v := tot["offline.media_mentions"]; v.V != 1 {
		t.Errorf("mentions = %v, want 1", v)
	}
	if v, ok := tot["offline.partnerships"]; ok && v.OK() {
		t.Errorf("partnerships without records = %v, want missing", v)
	}
	for _, bad := range []Indicator{
		{Institution: "demo", Kind: "likes", Value: 1, Date: d("2025-01-01"), Source: "x"},
		{Institution: "demo", Kind: Volunteers, Value: -1, Date: d("2025-01-01"), Source: "x"},
		{Institution: "demo", Kind: Volunteers, Value: 1, Source: "x"},
		{Institution: "demo", Kind: Volunteers, Value: 1, Date: d("2025-01-01")},
		{Institution: "Demo!", Kind: Volunteers, Value: 1, Date: d("2025-01-01"), Source: "x"},
		{Institution: "demo", Kind: Volunteers, Value: 1, Date: d("2025-01-01"), Source: "x", PostURL: "javascript:alert(1)"},
	} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if !IsOfflineMetric("offline.partnerships") || IsOfflineMetric("offline.") || IsOfflineMetric("volunteers") {
		t.Error("IsOfflineMetric")
	}
}
