package analyze

import (
	"fmt"
	"strings"
	"testing"
)

const story = "Студенты-волонтёры нашего университета в субботу навестили детский дом в Кара-Балте. Они провели для ребят мастер-класс по рисованию, сыграли в настольные игры и подарили новые книги для библиотеки. Акция прошла в рамках проекта «Тёплые сердца», который университет проводит уже третий год."

func TestFingerprintNearCopies(t *testing.T) {
	base := Fingerprint(story)
	copies := map[string]string{
		"instagram copy":       story + " 📚❤️ #волонтеры #ЦУР4 @kara_balta_dd Ссылка в профиле: https://uni.kg/news/123",
		"punctuation and case": "СТУДЕНТЫ ВОЛОНТЁРЫ нашего университета, в субботу, навестили детский дом в Кара Балте!!! Они провели для ребят мастер класс по рисованию сыграли в настольные игры и подарили новые книги для библиотеки... Акция прошла в рамках проекта Тёплые сердца который университет проводит уже третий год",
		"one line added":       story + " Присоединяйтесь к нашей команде!",
		"one word changed":     "Студенты-волонтёры нашего университета в воскресенье навестили детский дом в Кара-Балте. Они провели для ребят мастер-класс по рисованию, сыграли в настольные игры и подарили новые книги для библиотеки. Акция прошла в рамках проекта «Тёплые сердца», который университет проводит уже третий год.",
	}
	for name, c := range copies {
		if d := Distance(base, Fingerprint(c)); d > DefaultMaxDistance {
			t.Errorf("%s: distance %d > %d", name, d, DefaultMaxDistance)
		}
	}
	different := []string{
		"Студенты-волонтёры нашего университета провели субботник на берегу Иссык-Куля и собрали более тонны мусора. Акция прошла в рамках проекта «Чистый берег».",
		"Приёмная комиссия университета начинает приём документов на программы бакалавриата и магистратуры. Вступительные экзамены пройдут в июле.",
		"Our student volunteers visited the children's home in Kara-Balta on Saturday and gave them new books for the library.",
	}
	for _, d := range different {
		if dist := Distance(base, Fingerprint(d)); dist <= DefaultMaxDistance+6 {
			t.Errorf("different story within %d bits: %.40s", dist, d)
		}
	}
	if Fingerprint("!!! #tag @someone https://x.kg") != 0 {
		t.Error("a text without words has a fingerprint")
	}
}

func TestClusterer(t *testing.T) {
	c := NewClusterer(DefaultMaxDistance)
	ids := []struct {
		id   int64
		text string
		want int64
	}{
		{10, story, 10},
		{11, "Приёмная комиссия начинает приём документов на программы бакалавриата. Экзамены пройдут в июле.", 11},
		{12, story + " #ЦУР4 https://instagram.com/p/xyz", 10},
		{13, "Приёмная комиссия начинает приём документов на программы бакалавриата!!! Экзамены пройдут в июле. #абитуриент2026", 11},
		{14, "", 14},
		{15, "", 15},
	}
	for _, x := range ids {
		if got := c.Add(x.id, Fingerprint(x.text)); got != x.want {
			t.Errorf("Add(%d) = cluster %d, want %d", x.id, got, x.want)
		}
	}
}

// Fingerprints that differ in up to maxDist bits always meet in a band.
func TestClustererBands(t *testing.T) {
	for _, k := range []int{0, 3, 6, 10} {
		c := NewClusterer(k)
		base := uint64(0x0123456789abcdef)
		c.Add(1, base)
		flipped := base
		for i := 0; i < k; i++ {
			flipped ^= 1 << (i * 7 % 64)
		}
		if got := c.Add(2, flipped); got != 1 {
			t.Errorf("k=%d: %d bits apart not joined", k, Distance(base, flipped))
		}
		if got := c.Add(3, ^base); got != 3 {
			t.Errorf("k=%d: the complement was joined", k)
		}
	}
}

func ExampleDistance() {
	a := Fingerprint("Волонтёры посадили 200 деревьев в парке. #экология")
	b := Fingerprint("ВОЛОНТЁРЫ посадили 200 деревьев в парке!!! https://uni.kg")
	fmt.Println(Distance(a, b))
	// Output: 0
}

// simHash is the definition Fingerprint computes: one signed counter per
// bit, +1 for each word with the bit set, −1 for each without.
func simHash(text string) uint64 {
	var v [64]int
	n := 0
	for _, t := range tokenize(text) {
		if t.hashtag || t.mention {
			continue
		}
		for i := 0; i < 64; i++ {
			if t.w.hash&(1<<i) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
		n++
	}
	var fp uint64
	for i := 0; i < 64; i++ {
		if n > 0 && v[i] > 0 {
			fp |= 1 << i
		}
	}
	return fp
}

// Fingerprint's byte-lane counting gives the SimHash of the definition,
// for short texts, realistic posts and texts long enough to flush the
// lanes several times (255 words each).
func TestFingerprintIsSimHash(t *testing.T) {
	texts := append(benchPosts(t), "", "один", "#только #теги @и_упоминания", story,
		strings.Repeat(story+" ", 40), strings.Repeat("бир эки ", 255), strings.Repeat("a ", 254)+"b c")
	for _, text := range texts {
		if got, want := Fingerprint(text), simHash(text); got != want {
			t.Errorf("Fingerprint(%.40q…) = %016x, want %016x", text, got, want)
		}
	}
}

func FuzzFingerprint(f *testing.F) {
	for _, s := range []string{story, "", "#tag @who http://x.kg", strings.Repeat("слово ", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Fingerprint(text), simHash(text); got != want {
			t.Fatalf("Fingerprint(%q) = %016x, want %016x", text, got, want)
		}
	})
}

// The cache gives every text its own fingerprint, however often asked and
// past its bound.
func TestFingerprintCache(t *testing.T) {
	c := NewFingerprintCache(3)
	texts := append(benchPosts(t)[:20], "", story, story+" ещё")
	for round := 0; round < 3; round++ {
		for _, text := range texts {
			if got, want := c.Fingerprint(text), Fingerprint(text); got != want {
				t.Fatalf("round %d: cached %016x, want %016x for %.40q", round, got, want, text)
			}
		}
	}
	if n := len(c.m); n > 3 {
		t.Errorf("cache holds %d fingerprints, bound 3", n)
	}
}

// BenchmarkClusterer adds fingerprints as a scorecard does for its posts:
// a fresh clusterer per 3 000 posts (an institution's year), most texts
// unrelated (random fingerprints), every fourth a copy with two bits
// changed.
func BenchmarkClusterer(b *testing.B) {
	const perCard = 3000
	fps := make([]uint64, perCard)
	x := uint64(1)
	for i := range fps {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		fps[i] = x
		if i%4 == 3 {
			fps[i] = fps[i-1] ^ 1<<(i%64) ^ 1<<((i*7)%64)
		}
	}
	var c *Clusterer
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%perCard == 0 {
			c = NewClusterer(DefaultMaxDistance)
		}
		c.Add(int64(i), fps[i%perCard])
	}
}
