package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
)

// city is a place name in the forms institution names need.
type city struct {
	en, ky     string // Naryn, Нарын
	ruM, ruF   string // Нарынский, Нарынская (adjective by gender)
	ruIn, slug string // "в Нарыне" (where), "naryn"
	weight     int    // how many institutions the city hosts, relative
}

var cities = []city{
	{"Bishkek", "Бишкек", "Бишкекский", "Бишкекская", "в Бишкеке", "bishkek", 9},
	{"Osh", "Ош", "Ошский", "Ошская", "в Оше", "osh", 6},
	{"Naryn", "Нарын", "Нарынский", "Нарынская", "в Нарыне", "naryn", 2},
	{"Karakol", "Каракол", "Каракольский", "Каракольская", "в Караколе", "karakol", 2},
	{"Talas", "Талас", "Таласский", "Таласская", "в Таласе", "talas", 2},
	{"Jalal-Abad", "Жалал-Абад", "Джалал-Абадский", "Джалал-Абадская", "в Джалал-Абаде", "jalalabad", 3},
	{"Batken", "Баткен", "Баткенский", "Баткенская", "в Баткене", "batken", 2},
	{"Tokmok", "Токмок", "Токмокский", "Токмокская", "в Токмоке", "tokmok", 1},
	{"Cholpon-Ata", "Чолпон-Ата", "Чолпон-Атинский", "Чолпон-Атинская", "в Чолпон-Ате", "cholponata", 2},
	{"Kara-Balta", "Кара-Балта", "Карабалтинский", "Карабалтинская", "в Кара-Балте", "karabalta", 1},
	{"Uzgen", "Өзгөн", "Узгенский", "Узгенская", "в Узгене", "uzgen", 1},
	{"Kant", "Кант", "Кантский", "Кантская", "в Канте", "kant", 1},
}

// field is a discipline adjective: Technical / технический / техникалык.
type field struct{ en, ruM, ruF, ky, abbrEN, abbrRU, abbrKY string }

var fields = []field{
	{"", "", "", "", "", "", ""},
	{"Technical", "технический", "техническая", "техникалык", "T", "Т", "Т"},
	{"Medical", "медицинский", "медицинская", "медициналык", "M", "М", "М"},
	{"Agrarian", "аграрный", "аграрная", "агрардык", "A", "А", "А"},
	{"Pedagogical", "педагогический", "педагогическая", "педагогикалык", "P", "П", "П"},
	{"Economic", "экономический", "экономическая", "экономикалык", "E", "Э", "Э"},
	{"Humanitarian", "гуманитарный", "гуманитарная", "гуманитардык", "H", "Г", "Г"},
	{"Law", "юридический", "юридическая", "юридикалык", "L", "Ю", "Ю"},
	{"Polytechnic", "политехнический", "политехническая", "политехникалык", "P", "П", "П"},
	{"Linguistic", "лингвистический", "лингвистическая", "лингвистикалык", "L", "Л", "Л"},
	{"Construction", "строительный", "строительная", "курулуш", "C", "С", "К"},
}

var partners = []struct{ en, ru, ky string }{
	{"Turkish", "Турецкий", "Түрк"}, {"Russian", "Российский", "Орус"}, {"Kazakh", "Казахский", "Казак"},
	{"Chinese", "Китайский", "Кытай"}, {"German", "Германский", "Герман"}, {"Korean", "Корейский", "Корей"},
}

// Institution is one synthetic institution with its names and accounts.
type Institution struct {
	Code                   string
	NameKY, NameRU, NameEN string
	ShortKY, ShortRU       string
	ShortEN                string
	Type                   string
	City                   city
	Students               int64
	Accounts               []Account
	// Langs weights ky, ru, en for the institution's posts.
	Langs [3]float64
}

// Account is one synthetic account.
type Account struct {
	Inst      *Institution
	Platform  string
	Handle    string
	URL       string
	Official  bool
	Followers float64 // at the end of the period
	Growth    float64 // exponent of growth over the period
	Activity  float64 // relative posting rate
}

// institutions builds n institutions from name parts. They depend only on
// n (a fixed generator), so corpora of every seed share codes and names.
func institutions(n int) []*Institution {
	r := rand.New(rand.NewPCG(70, 2024))
	seen := map[string]bool{}
	codes := map[string]bool{}
	var out []*Institution
	for len(out) < n {
		in := nameOne(r)
		if seen[in.NameEN] {
			continue
		}
		seen[in.NameEN] = true
		base := strings.ToLower(in.ShortEN) + "-" + in.City.slug
		code := base
		for i := 2; codes[code]; i++ {
			code = fmt.Sprintf("%s-%d", base, i)
		}
		codes[code] = true
		in.Code = code
		in.Students = int64(lognormal(r, 8.3, 0.8)) + 300
		switch {
		case in.Type == "international":
			in.Langs = [3]float64{0.25, 0.45, 0.30}
		case in.City.slug == "bishkek":
			in.Langs = [3]float64{0.40, 0.50, 0.10}
		default:
			in.Langs = [3]float64{0.65, 0.30, 0.05}
		}
		out = append(out, in)
	}
	return out
}

func nameOne(r *rand.Rand) *Institution {
	c := cities[pickIndex(r, len(cities), func(i int) float64 { return float64(cities[i].weight) })]
	f := fields[r.IntN(len(fields))]
	in := &Institution{City: c}
	switch x := r.IntN(10); {
	case x < 5: // state university
		in.Type = "public"
		in.NameEN = join(c.en, "State", f.en, "University")
		in.NameRU = join(c.ruM, "государственный", f.ruM, "университет")
		in.NameKY = join(c.ky, "мамлекеттик", f.ky, "университети")
		in.ShortEN = initials(c.en, "S", f.abbrEN, "U")
		in.ShortRU = initials(c.ruM, "Г", f.abbrRU, "У")
		in.ShortKY = initials(c.ky, "М", f.abbrKY, "У")
	case x < 7: // institute or academy
		in.Type = "private"
		kindEN, kindRU, kindKY, fem := "Institute", "институт", "институту", false
		if x == 6 {
			kindEN, kindRU, kindKY, fem = "Academy", "академия", "академиясы", true
		}
		adjCity, adjField := c.ruM, f.ruM
		if fem {
			adjCity, adjField = c.ruF, f.ruF
		}
		if f.en == "" {
			f = fields[1+r.IntN(len(fields)-1)]
			adjField = map[bool]string{false: f.ruM, true: f.ruF}[fem]
		}
		in.NameEN = join(c.en, f.en, kindEN)
		in.NameRU = join(adjCity, adjField, kindRU)
		in.NameKY = join(c.ky, f.ky, kindKY)
		in.ShortEN = initials(c.en, f.abbrEN, kindEN)
		in.ShortRU = initials(c.ruM, f.abbrRU, kindRU)
		in.ShortKY = initials(c.ky, f.abbrKY, kindKY)
	case x < 9: // private university
		in.Type = "private"
		in.NameEN = join(c.en, f.en, "University")
		in.NameRU = join(c.ruM, f.ruM, "университет")
		in.NameKY = join(c.ky, f.ky, "университети")
		in.ShortEN = initials(c.en, f.abbrEN, "U")
		in.ShortRU = initials(c.ruM, f.abbrRU, "У")
		in.ShortKY = initials(c.ky, f.abbrKY, "У")
	default: // international
		p := partners[r.IntN(len(partners))]
		in.Type = "international"
		in.NameEN = join("Kyrgyz-"+p.en, f.en, "University")
		in.NameRU = join("Кыргызско-"+p.ru, f.ruM, "университет")
		in.NameKY = join("Кыргыз-"+p.ky, f.ky, "университети")
		in.ShortEN = initials("K", p.en, f.abbrEN, "U")
		in.ShortRU = initials("К", p.ru, f.abbrRU, "У")
		in.ShortKY = initials("К", p.ky, f.abbrKY, "У")
	}
	return in
}

// join joins the non-empty words with spaces.
func join(words ...string) string {
	var out []string
	for _, w := range words {
		if w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// initials upper-cases the first letter of every non-empty word.
func initials(words ...string) string {
	var b strings.Builder
	for _, w := range words {
		for _, c := range w {
			b.WriteRune(unicode.ToUpper(c))
			break
		}
	}
	return b.String()
}

// platforms are the five platforms of the study.
var platforms = []string{"instagram", "facebook", "telegram", "youtube", "tiktok"}

// platformActivity is how often an account of the platform posts, relative.
var platformActivity = map[string]float64{"instagram": 1.2, "facebook": 1.0, "telegram": 1.4, "youtube": 0.15, "tiktok": 0.5}

// platformAudience scales followers by platform.
var platformAudience = map[string]float64{"instagram": 1.0, "facebook": 0.6, "telegram": 0.35, "youtube": 0.15, "tiktok": 0.5}

// addAccounts gives every institution 4–6 accounts over the five
// platforms: one on each of four or five, and sometimes a second Instagram
// (a faculty or student council), drawn from r.
func addAccounts(r *rand.Rand, insts []*Institution) {
	for _, in := range insts {
		n := 4 + r.IntN(3)
		perm := r.Perm(len(platforms))
		base := lognormal(r, 7.8, 1.1) * float64(in.Students) / 4000
		slug := strings.ReplaceAll(in.Code, "-", "_") // codes are unique, so handles are
		for i := 0; i < n; i++ {
			p := platforms[perm[i%len(platforms)]]
			h := slug
			official := true
			if i >= len(platforms) {
				p = "instagram"
				h = slug + "_students"
				official = false
			}
			if p == "facebook" {
				h = strings.ReplaceAll(slug, "_", ".")
			}
			a := Account{Inst: in, Platform: p, Handle: h, Official: official,
				Followers: base * platformAudience[p] * lognormal(r, 0, 0.5),
				Growth:    0.3 + r.Float64()*1.5,
				Activity:  platformActivity[p] * lognormal(r, 0, 0.7)}
			if !official {
				a.Followers /= 5
			}
			a.URL = profileURL(p, h)
			in.Accounts = append(in.Accounts, a)
		}
	}
}

func profileURL(p, h string) string {
	switch p {
	case "instagram":
		return "https://www.instagram.com/" + h + "/"
	case "facebook":
		return "https://www.facebook.com/" + h
	case "telegram":
		return "https://t.me/" + h
	case "youtube":
		return "https://www.youtube.com/@" + h
	default:
		return "https://www.tiktok.com/@" + h
	}
}
