// Package i18n holds Kopuro's message catalogues in Kyrgyz, Russian and
// English, and formats numbers and dates as each language writes them.
//
// Catalogues are JSON files under locales/<lang>/, one file per area of the
// product (web.json, cli.json, advise.json, ...), merged at load time; a key
// defined twice is an error. A message is either a string or, for counts, an
// object of CLDR plural forms ("one", "few", "many", "other"). Placeholders
// are written {Name} and filled from the arguments.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed locales
var embedded embed.FS

// Langs are the catalogue languages, Kyrgyz first (the default).
var Langs = []string{"ky", "ru", "en"}

// Default is the language used when nothing else is known.
const Default = "ky"

// message is one catalogue entry: a plain string, or plural forms.
type message struct {
	text   string
	plural map[string]string
}

func (m *message) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		return json.Unmarshal(b, &m.plural)
	}
	return json.Unmarshal(b, &m.text)
}

// Catalog is a loaded set of catalogues, safe for concurrent use.
type Catalog struct {
	msgs map[string]map[string]message // lang → key → message
}

// Load reads every locales/<lang>/*.json file of fsys.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{msgs: map[string]map[string]message{}}
	for _, lang := range Langs {
		c.msgs[lang] = map[string]message{}
		files, err := fs.Glob(fsys, path.Join("locales", lang, "*.json"))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			b, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, err
			}
			var m map[string]message
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("i18n: %s: %w", f, err)
			}
			for k, v := range m {
				if _, dup := c.msgs[lang][k]; dup {
					return nil, fmt.Errorf("i18n: %s: key %q is defined twice", f, k)
				}
				c.msgs[lang][k] = v
			}
		}
	}
	return c, nil
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Embedded returns the catalogues built into the binary. It panics if they
// do not load, which a test guards against.
func Embedded() *Catalog {
	defaultOnce.Do(func() {
		c, err := Load(embedded)
		if err != nil {
			panic(err)
		}
		defaultCat = c
	})
	return defaultCat
}

// Has reports whether key is defined in lang.
func (c *Catalog) Has(lang, key string) bool {
	_, ok := c.msgs[lang][key]
	return ok
}

// Keys returns the sorted keys of lang.
func (c *Catalog) Keys(lang string) []string {
	keys := make([]string, 0, len(c.msgs[lang]))
	for k := range c.msgs[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// T returns the message key in lang with args filled in. args alternate
// names and values: T("ru", "posts.count", "Count", 3). A "Count" argument
// picks the plural form. A key missing in lang falls back to English, and a
// key missing everywhere is returned as "!key" so that tests catch it.
func (c *Catalog) T(lang, key string, args ...any) string {
	m, ok := c.msgs[lang][key]
	if !ok {
		lang = "en"
		if m, ok = c.msgs[lang][key]; !ok {
			return "!" + key
		}
	}
	vals := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		if name, ok := args[i].(string); ok {
			vals[name] = args[i+1]
		}
	}
	return c.render(lang, m, vals)
}

// TMap is T with the arguments given as a map (as carried by kopuro.Error).
func (c *Catalog) TMap(lang, key string, args map[string]any) string {
	flat := make([]any, 0, 2*len(args))
	for k, v := range args {
		flat = append(flat, k, v)
	}
	return c.T(lang, key, flat...)
}

func (c *Catalog) render(lang string, m message, vals map[string]any) string {
	s := m.text
	if m.plural != nil {
		form := "other"
		if n, ok := toInt(vals["Count"]); ok {
			form = PluralForm(lang, n)
		}
		var ok bool
		if s, ok = m.plural[form]; !ok {
			s = m.plural["other"]
		}
	}
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name := s[i+1 : i+j]
		if v, ok := vals[name]; ok {
			b.WriteString(c.formatValue(lang, v))
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func (c *Catalog) formatValue(lang string, v any) string {
	switch x := v.(type) {
	case int:
		return FormatInt(lang, int64(x))
	case int64:
		return FormatInt(lang, x)
	case float64:
		return FormatFloat(lang, x, 1)
	}
	return fmt.Sprint(v)
}

func toInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	case float64:
		return int64(x), true
	}
	return 0, false
}

// PluralForm returns the CLDR plural category of n in lang: Kyrgyz and
// English have one/other, Russian one/few/many.
func PluralForm(lang string, n int64) string {
	if n < 0 {
		n = -n
	}
	switch lang {
	case "ru":
		switch {
		case n%10 == 1 && n%100 != 11:
			return "one"
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return "few"
		default:
			return "many"
		}
	default:
		if n == 1 {
			return "one"
		}
		return "other"
	}
}
