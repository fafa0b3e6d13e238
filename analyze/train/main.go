// Command train fits the analysis engine's calibration model (two small
// multinomial logistic regressions over lexicon scores) on a labeled JSONL
// file, reports k-fold cross-validated figures beside the lexicon-only
// figures, and writes the weights (never the texts) to analyze/model.json:
//
//	go run ./analyze/train -gold ../shared/eval/dev.jsonl -out analyze/model.json
//
// Training is deterministic: the same file gives the same weights.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"sort"

	"kopuro"
	"kopuro/analyze"
	"kopuro/codebook"
)

func main() {
	gold := flag.String("gold", "../shared/eval/dev.jsonl", "labeled JSONL file")
	out := flag.String("out", "analyze/model.json", "where to write the model (empty: do not write)")
	folds := flag.Int("folds", 10, "folds for cross-validation")
	l2 := flag.Float64("l2", 0.01, "L2 penalty")
	iters := flag.Int("iters", 3000, "gradient-descent iterations")
	flag.Parse()

	f, err := os.Open(*gold)
	if err != nil {
		log.Fatal(err)
	}
	golds, err := analyze.ReadGold(f, *gold)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	cb := codebook.Default()
	lex, err := analyze.NewWithModel(cb, nil)
	if err != nil {
		log.Fatal(err)
	}
	x := make([][]float64, len(golds))
	for i, g := range golds {
		x[i] = lex.Features(g.Text) // only the text reaches the engine
	}

	report := func(name string, r analyze.Report) {
		b, _ := json.Marshal(r)
		fmt.Printf("%s: %s\n", name, b)
	}
	report("lexicon only (no training)", lex.Evaluate(golds))

	// Stratified folds: records sorted by category, dealt round-robin.
	idx := make([]int, len(golds))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return golds[idx[a]].Category < golds[idx[b]].Category })
	fold := make([]int, len(golds))
	for r, i := range idx {
		fold[i] = r % *folds
	}
	preds := make([]analyze.Result, len(golds))
	for k := 0; k < *folds; k++ {
		var train []int
		for i := range golds {
			if fold[i] != k {
				train = append(train, i)
			}
		}
		m := fit(cb, golds, x, train, *l2, *iters)
		e, err := analyze.NewWithModel(cb, m)
		if err != nil {
			log.Fatal(err)
		}
		for i, g := range golds {
			if fold[i] == k {
				preds[i] = e.Analyze(g.Text)
			}
		}
	}
	cv := analyze.Score(golds, preds)
	report(fmt.Sprintf("calibrated, %d-fold cross-validated", *folds), cv)

	all := make([]int, len(golds))
	for i := range all {
		all[i] = i
	}
	m := fit(cb, golds, x, all, *l2, *iters)
	m.Data = fmt.Sprintf("%d labeled texts (%s); l2 %g, %d iterations; %d-fold CV: category macro-F1 %.3f, third-mission F1 %.3f, area macro-F1 %.3f, SDG micro-F1 %.3f",
		len(golds), *gold, *l2, *iters, *folds, cv.Category.MacroF1, cv.ThirdMission.F1, cv.Area.MacroF1, cv.SDGs.MicroF1)
	if *out == "" {
		return
	}
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", *out)
}

// fit trains both regressions on the records in rows.
func fit(cb *codebook.Codebook, golds []analyze.Gold, x [][]float64, rows []int, l2 float64, iters int) *analyze.Model {
	cats, areas := cb.CategoryIDs(), cb.AreaIDs()
	var cx, ax [][]float64
	var cy, ay []int
	for _, i := range rows {
		g := golds[i]
		if c := slices.Index(cats, g.Category); c >= 0 {
			cx, cy = append(cx, x[i]), append(cy, c)
		}
		if g.Category == string(kopuro.ThirdMission) {
			if a := slices.Index(areas, g.Area); a >= 0 {
				ax, ay = append(ax, x[i]), append(ay, a)
			}
		}
	}
	return &analyze.Model{
		Codebook: cb.Version(),
		Category: analyze.TrainSoftmax(cats, cx, cy, l2, iters),
		Area:     analyze.TrainSoftmax(areas, ax, ay, l2, iters),
	}
}
