package kopuro

import "testing"

// Name: a platform as its owner writes it; VK by its id, since readers
// of Russian and Kyrgyz know it by another name.
func TestPlatformName(t *testing.T) {
	for p, want := range map[Platform]string{YouTube: "YouTube", TikTok: "TikTok", Instagram: "Instagram", LinkedIn: "LinkedIn", VK: "vk"} {
		if got := p.Name(); got != want {
			t.Errorf("%s.Name() = %q, want %q", p, got, want)
		}
	}
}
