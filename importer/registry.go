package importer

import (
	"encoding/csv"
	"sync"

	"kopuro"
	"kopuro/data"
)

// bundledInstitutions reads the registry Kopuro ships (data/institutions.csv),
// once: code, name_en, short_en, name_ru, short_ru, name_ky, short_ky,
// type, city.
var bundledInstitutions = sync.OnceValues(func() ([]kopuro.Institution, error) {
	f, err := data.FS.Open("institutions.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, corrupt("institutions.csv", 0, "the bundled registry", err)
	}
	var out []kopuro.Institution
	for i, r := range recs {
		if i == 0 || len(r) < 9 {
			continue
		}
		out = append(out, kopuro.Institution{
			Code:  r[0],
			Name:  kopuro.Text{EN: r[1], RU: r[3], KY: r[5]},
			Short: kopuro.Text{EN: r[2], RU: r[4], KY: r[6]},
			Type:  kopuro.InstitutionType(r[7]),
			City:  r[8],
		})
	}
	return out, nil
})
