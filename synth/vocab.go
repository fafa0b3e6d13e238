package synth

import (
	"sort"
	"strings"

	"kopuro/codebook"
)

// Language indexes: ky, ru, en.
const (
	ky = iota
	ru
	en
)

var langCodes = [3]string{"ky", "ru", "en"}

// terms are a label's lexicon surfaces per language (prefix and exact
// markers removed), in a stable order.
type terms [3][]string

// vocab is the codebook's vocabulary arranged for text assembly.
type vocab struct {
	catIDs   []string
	catW     []float64
	cats     map[string]terms
	areaIDs  []string
	areas    map[string]terms
	areaSDGs map[string][]int
	styleIDs []string
	styles   map[string]terms
	sdgTags  [3][]string // hashtag prefixes: ТӨМ, ЦУР, SDG
}

// categoryShare is how often each category leads a post: the study found
// institutional and teaching news most common, third-mission posts next.
var categoryShare = map[string]float64{
	"teaching": 0.24, "research": 0.12, "third_mission": 0.26, "institutional": 0.24, "contextual": 0.14,
}

func newVocab(cb *codebook.Codebook) *vocab {
	v := &vocab{cats: map[string]terms{}, areas: map[string]terms{}, areaSDGs: map[string][]int{}, styles: map[string]terms{}}
	for _, c := range cb.Categories {
		v.catIDs = append(v.catIDs, c.ID)
		w := categoryShare[c.ID]
		if w == 0 {
			w = 0.1
		}
		v.catW = append(v.catW, w)
		v.cats[c.ID] = surfaces(c.Terms)
	}
	for _, a := range cb.Areas {
		v.areaIDs = append(v.areaIDs, a.ID)
		v.areas[a.ID] = surfaces(a.Terms)
		goals := make([]string, 0, len(a.SDGs))
		for g := range a.SDGs {
			goals = append(goals, g)
		}
		sort.Strings(goals)
		for _, g := range goals {
			n := 0
			for _, c := range g {
				n = n*10 + int(c-'0')
			}
			v.areaSDGs[a.ID] = append(v.areaSDGs[a.ID], n)
		}
	}
	for _, s := range cb.Styles {
		v.styleIDs = append(v.styleIDs, s.ID)
		v.styles[s.ID] = surfaces(s.Terms)
	}
	for i, l := range langCodes {
		v.sdgTags[i] = append([]string(nil), cb.SDGTags[l]...)
	}
	return v
}

func surfaces(lx codebook.Lexicon) terms {
	var t terms
	for i, l := range langCodes {
		m := lx.ByLang(l)
		for k := range m {
			words := strings.Fields(strings.ReplaceAll(k, "=", ""))
			for j, w := range words {
				if stem, ok := strings.CutSuffix(w, "*"); ok {
					words[j] = complete(i, stem)
				}
			}
			if len(words) > 0 {
				t[i] = append(t[i], strings.Join(words, " "))
			}
		}
		sort.Strings(t[i])
	}
	return t
}

// complete turns a prefix term's stem into a plausible word (Russian
// stems are the ones that read badly cut: "образовани" → "образование").
func complete(lang int, stem string) string {
	if lang != ru {
		return stem
	}
	for _, e := range [][2]string{{"ости", "ость"}, {"ост", "ость"}, {"ани", "ание"}, {"ени", "ение"}, {"ци", "ция"},
		{"щ", "щие"}, {"н", "ные"}, {"ск", "ские"}, {"тел", "тели"}, {"ств", "ство"}, {"ц", "цы"}} {
		if strings.HasSuffix(stem, e[0]) {
			return strings.TrimSuffix(stem, e[0]) + e[1]
		}
	}
	if r := []rune(stem); len(r) > 0 && !strings.ContainsRune("аеёиоуыэюяй", r[len(r)-1]) {
		return stem + "ы"
	}
	return stem
}

// Sentence templates we wrote for the generator. {A} and {B} take lexicon
// terms of the post's label, {I} the institution's name, {C} its city,
// {D} a date, {N} a number.
var leads = [3][]string{
	ky: {
		"{I} {A} боюнча иш-чара өткөрдү.",
		"Бүгүн биздин университетте «{A}» темасында жолугушуу болду.",
		"{C} шаарында {A} жана {B} багытында жаңы долбоор башталды.",
		"Студенттерибиз {A} боюнча жакшы жыйынтыктарды көрсөтүштү.",
		"{D} күнү {A} боюнча семинар болот.",
		"Урматтуу окурмандар, {A} тууралуу маалымат бөлүшөбүз.",
		"{I} жана өнөктөштөр {A} маселесин талкуулашты.",
	},
	ru: {
		"{I} провёл мероприятие на тему «{A}».",
		"Сегодня в нашем университете прошла встреча: {A} и {B}.",
		"Новый проект стартовал {C}: {A}.",
		"Наши студенты показали хорошие результаты: {A}.",
		"{D} пройдёт семинар, посвящённый теме «{A}».",
		"Дорогие друзья, делимся новостями: {A}.",
		"{I} и партнёры обсудили вопросы: {A}, {B}.",
	},
	en: {
		"{I} hosted an event on {A}.",
		"Today our campus welcomed guests for a session on {A} and {B}.",
		"A new project on {A} started in {C}.",
		"Our students did great work in {A}.",
		"On {D} we hold a seminar on {A}.",
		"Dear friends, news from campus: {A}.",
		"{I} and its partners discussed {A} and {B}.",
	},
}

var bodies = [3][]string{
	ky: {
		"Иш-чарага {N} катышуучу келди.",
		"Окутуучулар жана студенттер {A} тууралуу пикир алмашышты.",
		"Мындай жолугушуулар {B} үчүн абдан маанилүү.",
		"Долбоор {N} айга созулат.",
		"Катышуучулар {A} жана {B} боюнча тажрыйба бөлүшүштү.",
		"Быйыл {A} багытында дагы көп иштер пландалууда.",
	},
	ru: {
		"В мероприятии приняли участие {N} человек.",
		"Преподаватели и студенты обменялись мнениями: {A}.",
		"Такие встречи важны для развития: {B}.",
		"Проект рассчитан на {N} месяцев.",
		"Участники поделились опытом: {A}, {B}.",
		"В этом году запланировано ещё больше работы по направлению «{A}».",
	},
	en: {
		"{N} participants joined us.",
		"Lecturers and students exchanged views on {A}.",
		"Meetings like this matter for {B}.",
		"The project runs for {N} months.",
		"Participants shared their experience of {A} and {B}.",
		"More work on {A} is planned this year.",
	},
}

var closings = [3][]string{
	ky: {"Катышкандардын баарына ыраазычылык билдиребиз!", "Кененирээк маалымат биздин сайтта.", "Жаңылыктарды күтө жүргүлө!", "Бизди ээрчигиле."},
	ru: {"Благодарим всех участников!", "Подробности на нашем сайте.", "Следите за новостями!", "Оставайтесь с нами."},
	en: {"Thank you to everyone who took part!", "More on our website.", "Stay tuned!", "Follow us for more."},
}

var months = [3][12]string{
	ky: {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
	ru: {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
	en: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// General hashtags per language, and campaigns: a tag, the area it serves
// ("" for any) and the month it runs (0: all year).
var generalTags = [3][]string{
	ky: {"#Студенттер", "#Билим", "#Илим", "#Университет", "#Кыргызстан"},
	ru: {"#студенты", "#образование", "#наука", "#университет", "#Кыргызстан"},
	en: {"#students", "#education", "#research", "#university", "#Kyrgyzstan"},
}

var campaigns = []struct {
	tag, area string
	month     int
}{
	{"#ЫктыярчыКүнү", "civic_volunteering", 12},
	{"#UniServiceWeek", "", 10},
	{"#АчыкЭшиктерКүнү", "", 4},
	{"#ДеньОткрытыхДверей", "", 4},
	{"#ИлимАптасы", "", 11},
	{"#НеделяНауки", "", 11},
	{"#ЖашылКампус", "civic_volunteering", 0},
	{"#GreenCampus", "civic_volunteering", 0},
	{"#StartupKG", "entrepreneurship_innovation", 0},
	{"#Хакатон", "entrepreneurship_innovation", 0},
	{"#ОкууӨмүрБою", "lifelong_learning", 0},
	{"#ОткрытаяЛекция", "community_engagement", 0},
	{"#АймакҮчүн", "partnership_regional", 0},
}

// comments and replies people write under posts, per language.
var commentTexts = [3][]string{
	ky: {"Абдан сонун!", "Азаматтар!", "Кантип катталса болот?", "Качан болот?", "Ийгилик!", "Сүрөттөр кооз экен"},
	ru: {"Отличная новость!", "Молодцы!", "Как записаться?", "Когда следующий раз?", "Удачи!", "Красивые фото"},
	en: {"Great news!", "Well done!", "How can I sign up?", "When is the next one?", "Good luck!", "Lovely photos"},
}

var replyTexts = [3][]string{
	ky: {"Саламатсызбы! Маалымат биздин сайтта жарыяланат.", "Рахмат! Жакында кабарлайбыз.", "Сурооңуз үчүн рахмат, билдирүүгө жазыңыз."},
	ru: {"Здравствуйте! Информация будет на нашем сайте.", "Спасибо! Скоро сообщим.", "Спасибо за вопрос, напишите нам в личные сообщения."},
	en: {"Hello! Details will be on our website.", "Thank you! We will announce it soon.", "Thanks for asking, please message us."},
}
