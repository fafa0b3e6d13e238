package analyze

import (
	"testing"
	"unicode/utf8"

	"kopuro"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, text string
		want       kopuro.Lang
	}{
		{"ky", "Университетибиздин студенттери шаардагы мектептерде окуучулар үчүн англис тили боюнча акысыз сабактарды өткөрүштү.", kopuro.KY},
		{"ky rector", "Бүгүн ректор эл аралык өнөктөштөр менен жолугушуп, кызматташуу жөнүндө меморандумга кол койду.", kopuro.KY},
		{"ky without special letters", "Студенттер жана мугалимдер бирге акция өткөрүштү, ага жүздөн ашык адам катышты.", kopuro.KY},
		{"ky with Latin look-alikes", "Студенттер ʏчʏн жаңы китепкана ачылды, ал эми окуу залы кɵп адамды батырат.", kopuro.KY},
		{"ru", "Студенты нашего университета провели бесплатные занятия по английскому языку для школьников города.", kopuro.RU},
		{"ru with Kyrgyz names", "Ректор Алмазбек Токтогулов и проректор Айгуль Бакиева встретились с делегацией из Оша.", kopuro.RU},
		{"en", "Our students ran free English classes for schoolchildren in the city this weekend.", kopuro.EN},
		{"en with Kyrgyz names", "Professor Bakyt Asanaliev of Osh State University opened the new laboratory on Monday.", kopuro.EN},
		{"mixed ky+ru", "Бүгүн университетте илимий конференция өттү, анда жаш окумуштуулар баяндама жасашты. Сегодня в университете прошла научная конференция, на которой выступили молодые учёные.", kopuro.LangMixed},
		{"mixed ru+en", "Сегодня в университете прошла неделя открытых лекций для жителей города. Today the university held a week of open lectures for the residents of the city.", kopuro.LangMixed},
		{"mixed ky+en", "Университеттин ыктыярчылары шаардагы паркты тазалашты жана көчөттөрдү отургузушту. The university's volunteers cleaned the city park and planted young trees.", kopuro.LangMixed},
		{"ru with an English name", "Университет стал партнёром программы Erasmus+ Capacity Building и начал новый проект по цифровизации.", kopuro.RU},
		{"kazakh", "Университет студенттері қаладағы мектептерде оқушыларға тегін сабақ өткізді және экологиялық акцияға қатысты.", kopuro.LangOther},
		{"uzbek latin", "Universitet talabalari shahar maktablarida o‘quvchilar uchun bepul darslar o‘tkazdi va ekologik aksiyada qatnashdi.", kopuro.LangOther},
		{"uzbek cyrillic", "Университет талабалари шаҳар мактабларида ўқувчилар учун бепул дарслар ўтказди.", kopuro.LangOther},
		{"turkish", "Üniversitemizin öğrencileri şehirdeki okullarda çocuklar için ücretsiz İngilizce dersleri verdi.", kopuro.LangOther},
		{"arabic script", "دانشگاه ما امروز یک همایش علمی برگزار کرد.", kopuro.LangOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(tt.text); got != tt.want {
				t.Errorf("DetectLang = %s, want %s (votes %+v)", got, tt.want, sumVotes(tokenize(tt.text)))
			}
		})
	}
}

// Short posts (captions, 60 characters) must be recognised too.
func TestDetectLangShort(t *testing.T) {
	tests := []struct {
		text string
		want kopuro.Lang
	}{
		{"Студенттер жаңы жылды балдар үйүндөгү балдар менен тосушту.", kopuro.KY},
		{"Ыктыярчылар Ала-Арча паркындагы таштандыларды чогултушту.", kopuro.KY},
		{"Кабыл алуу комиссиясы дүйшөмбүдөн баштап иштей баштайт.", kopuro.KY},
		{"Биздин окутуучулар облустагы мугалимдерге тренинг өткөрдү.", kopuro.KY},
		{"Волонтёры очистили берег озера от мусора и посадили деревья.", kopuro.RU},
		{"Приёмная комиссия начинает работу с понедельника, 20 июня.", kopuro.RU},
		{"Наши преподаватели провели тренинг для учителей области.", kopuro.RU},
		{"Volunteers cleaned the lake shore and planted fifty new trees.", kopuro.EN},
		{"The admissions office opens on Monday, June 20, at 9 a.m.", kopuro.EN},
		{"Our lecturers trained teachers from the region this week.", kopuro.EN},
		{"Университет студенттері жаңа жылды балалар үйінде қарсы алды.", kopuro.LangOther},
		{"Talabalar yangi yilni bolalar uyida kutib olishdi, juda xursand.", kopuro.LangOther},
		{"Öğrencilerimiz yeni yılı çocuk esirgeme kurumunda karşıladı.", kopuro.LangOther},
	}
	for _, tt := range tests {
		if n := utf8.RuneCountInString(tt.text); n > 64 {
			t.Fatalf("%q has %d characters: this test is for short texts", tt.text, n)
		}
		if got := DetectLang(tt.text); got != tt.want {
			t.Errorf("DetectLang(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestDetectLangEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "2026 !!! 12:30", "#SDG4"} {
		if got := DetectLang(s); got != kopuro.LangOther {
			t.Errorf("DetectLang(%q) = %s, want other", s, got)
		}
	}
}

func TestDetectLangLatinTurkic(t *testing.T) {
	for _, s := range []string{
		"Universitet stýdentteri qaladaǵy mektepterde oqýshylarǵa tegin sabaq ótkizdi.", // Kazakh Latin
		"Universitetimizin tələbələri şəhər məktəblərində pulsuz dərslər keçdilər.",     // Azerbaijani
	} {
		if got := DetectLang(s); got != kopuro.LangOther {
			t.Errorf("DetectLang(%q) = %s, want other", s, got)
		}
	}
}
