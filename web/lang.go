package web

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"kopuro"
	"kopuro/i18n"
)

const langCookie = "kopuro_lang"

// lang picks the page language: ?lang= (remembered in a cookie), else the
// cookie, else the best of Accept-Language, else Kyrgyz.
func (s *Server) lang(w http.ResponseWriter, r *http.Request) string {
	if l, ok := kopuro.ParseUILang(r.URL.Query().Get("lang")); ok {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil})
		return string(l)
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := kopuro.ParseUILang(c.Value); ok {
			return string(l)
		}
	}
	if l := acceptLanguage(r.Header.Get("Accept-Language")); l != "" {
		return l
	}
	return i18n.Default
}

// acceptLanguage returns the interface language the header ranks highest,
// or "". "ky-KG,ru;q=0.8" → ky.
func acceptLanguage(h string) string {
	type pref struct {
		lang string
		q    float64
	}
	var prefs []pref
	for _, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if l, ok := kopuro.ParseUILang(base); ok && q > 0 {
			prefs = append(prefs, pref{string(l), q})
		}
	}
	sort.SliceStable(prefs, func(i, j int) bool { return prefs[i].q > prefs[j].q })
	if len(prefs) == 0 {
		return ""
	}
	return prefs[0].lang
}
