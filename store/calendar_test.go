package store_test

import (
	"testing"

	"kopuro"
	"kopuro/plan"
	"kopuro/store"
	"kopuro/store/storetest"
)

func TestCalendarEntriesSaveListDelete(t *testing.T) {
	db := storetest.New(t)
	knu := kopuro.Institution{Code: "knu", Name: kopuro.Text{EN: "Kyrgyz National University"}, Type: kopuro.Public, City: "Bishkek"}
	put(t, db, func(tx *store.ImportTx) error {
		if err := tx.PutInstitution(ctx, auca()); err != nil {
			return err
		}
		return tx.PutInstitution(ctx, knu)
	})
	day := func(s string) kopuro.Date { d, _ := kopuro.ParseDate(s); return d }
	a, created, err := db.SaveCalendarEntry(ctx, plan.Entry{Institution: "auca", Date: day("2025-11-14"), Rubric: " Impact Friday ",
		Title: "<script>alert(1)</script>", Platform: "Instagram"})
	if err != nil || !created || a.ID == 0 || a.Rubric != "Impact Friday" || a.Platform != kopuro.Instagram {
		t.Fatalf("save = %+v, %v, %v", a, created, err)
	}
	k, _, err := db.SaveCalendarEntry(ctx, plan.Entry{Institution: "knu", Date: day("2025-11-20"), Title: "Philosophy day quiz"})
	if err != nil {
		t.Fatal(err)
	}
	// Invalid entries are refused with the field named.
	for _, bad := range []plan.Entry{
		{Institution: "auca", Date: day("2025-11"), Title: "month only"},
		{Institution: "auca", Title: "no day"},
		{Institution: "auca", Date: day("2025-11-14"), Title: "  "},
		{Institution: "auca", Date: day("2025-11-14"), Title: "x", Platform: "myspace"},
		{Institution: "nowhere", Date: day("2025-11-14"), Title: "x"},
	} {
		if _, _, err := db.SaveCalendarEntry(ctx, bad); err == nil {
			t.Errorf("saved %+v", bad)
		}
	}
	// An update through the wrong institution finds nothing and changes nothing.
	moved := k
	moved.Institution, moved.Title = "auca", "taken over"
	if _, _, err := db.SaveCalendarEntry(ctx, moved); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("update through another institution: %v", err)
	}
	if err := db.DeleteCalendarEntry(ctx, "auca", k.ID); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("delete through another institution: %v", err)
	}
	a.Title, a.Note = "Volunteers of the week", "photo: dean's office"
	if _, created, err := db.SaveCalendarEntry(ctx, a); err != nil || created {
		t.Fatalf("update: %v %v", created, err)
	}
	tests := []struct {
		from, to, code string
		want           []string
	}{
		{"2025-11-01", "2025-11-30", "", []string{"Volunteers of the week", "Philosophy day quiz"}},
		{"2025-11-01", "2025-11-30", "knu", []string{"Philosophy day quiz"}},
		{"2025-11-14", "2025-11-14", "", []string{"Volunteers of the week"}},
		{"2025-12-01", "2025-12-31", "", nil},
	}
	for _, tt := range tests {
		got, err := db.CalendarEntries(ctx, day(tt.from), day(tt.to), tt.code)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, e := range got {
			titles = append(titles, e.Title)
		}
		if len(titles) != len(tt.want) || (len(titles) > 0 && titles[0] != tt.want[0]) || (len(titles) > 1 && titles[1] != tt.want[1]) {
			t.Errorf("%s..%s %q = %q, want %q", tt.from, tt.to, tt.code, titles, tt.want)
		}
	}
	if err := db.DeleteCalendarEntry(ctx, "knu", k.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteCalendarEntry(ctx, "knu", k.ID); kopuro.ErrorCode(err) != kopuro.ENotFound {
		t.Errorf("second delete: %v", err)
	}
	got, _ := db.CalendarEntries(ctx, day("2025-01-01"), day("2025-12-31"), "")
	if len(got) != 1 || got[0].Note != "photo: dean's office" || got[0].Date != day("2025-11-14") {
		t.Errorf("after delete: %+v", got)
	}
}
