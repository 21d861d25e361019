package ingest

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"casebook"
)

// parseHTML pulls the article out of a web page: its text (readability-style,
// without navigation, scripts and sidebars), title, author, publication date,
// outlet, canonical URL and language from the page's meta tags. Nothing of the
// page is ever rendered: the stored text is plain text.
func parseHTML(b []byte) (d doc, err error) {
	defer func() {
		// The page is hostile input to third-party code; a panic there fails
		// this file only.
		if p := recover(); p != nil {
			err = casebook.Errorf(casebook.EINVALID, "cannot read this HTML page: %v", p)
		}
	}()
	if bytes.IndexByte(b, 0) >= 0 {
		return doc{}, casebook.Errorf(casebook.EINVALID, "contains NUL bytes: a binary file, not HTML")
	}
	page := trimBOM(b)
	if !utf8.Valid(page) {
		// Korean pages are often EUC-KR: decode by the page's declared charset.
		enc, name, _ := charset.DetermineEncoding(page, "text/html")
		u, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(page)))
		if err != nil || !utf8.Valid(u) {
			return doc{}, casebook.Errorf(casebook.EINVALID, "is neither UTF-8 nor readable as %s", name)
		}
		page = u
	}
	if len(bytes.TrimSpace(page)) == 0 {
		return doc{}, casebook.Errorf(casebook.EINVALID, "is empty")
	}
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return doc{}, casebook.Errorf(casebook.EINVALID, "is not HTML: %v", err)
	}
	m := pageMeta(root)

	text := ""
	if art, err := readability.FromDocument(root, nil); err == nil && art.Node != nil {
		var buf strings.Builder
		if art.RenderText(&buf) == nil {
			text = buf.String()
		}
		if m.Title == "" {
			m.Title = art.Title()
		}
		if m.Author == "" {
			m.Author = art.Byline()
		}
		if m.Outlet == "" {
			m.Outlet = art.SiteName()
		}
		if m.Published == "" {
			if t, err := art.PublishedTime(); err == nil {
				m.Published = t.Format("2006-01-02")
			}
		}
	}
	text = cleanText(text)
	if text == "" {
		// Readability found no article (a short page): fall back to the
		// visible text of the whole page.
		fallback, err := html.Parse(bytes.NewReader(page))
		if err == nil {
			text = cleanText(visibleText(fallback))
		}
	}
	if text == "" {
		return doc{}, casebook.Errorf(casebook.EINVALID, "the page has no text")
	}
	m.Title = strings.Join(strings.Fields(m.Title), " ")
	return doc{original: b, media: "text/html", text: text, meta: m}, nil
}

// pageMeta reads title, author, date, outlet, URL and language from the
// page's head.
func pageMeta(root *html.Node) Meta {
	var m Meta
	var title, ogTitle, canonical, ogURL, published, lang string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				lang = attr(n, "lang")
			case atom.Title:
				if title == "" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				v := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title", "twitter:title":
					if ogTitle == "" {
						ogTitle = v
					}
				case "author", "article:author", "byl", "dc.creator", "sailthru.author":
					if m.Author == "" && !strings.HasPrefix(v, "http") {
						m.Author = v
					}
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "og:published_time", "sailthru.date":
					if published == "" {
						published = v
					}
				case "og:site_name", "application-name":
					if m.Outlet == "" {
						m.Outlet = v
					}
				case "og:url":
					ogURL = v
				}
			case atom.Time:
				if published == "" && attr(n, "pubdate") != "" {
					published = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	m.Title = ogTitle
	if m.Title == "" {
		m.Title = title
	}
	m.URL = canonical
	if m.URL == "" {
		m.URL = ogURL
	}
	if !strings.HasPrefix(m.URL, "http://") && !strings.HasPrefix(m.URL, "https://") {
		m.URL = "" // never keep javascript: or relative links
	}
	if p := datePrefix.FindString(published); p != "" {
		if d, err := normDate(p); err == nil {
			m.Published = d
		}
	}
	switch l := strings.ToLower(lang); {
	case strings.HasPrefix(l, "ko"):
		m.Language = "ko"
	case strings.HasPrefix(l, "en"):
		m.Language = "en"
	}
	return m
}

var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// visibleText returns the text of the page's body, blocks on their own lines,
// without scripts, styles and other invisible parts.
func visibleText(root *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 512 {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Iframe, atom.Svg, atom.Nav, atom.Button, atom.Select:
				return
			case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Tr, atom.Section, atom.Article, atom.Blockquote, atom.Pre:
				defer b.WriteString("\n\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return b.String()
}

// cleanText trims each line and keeps at most one blank line between
// paragraphs.
func cleanText(s string) string {
	var out []string
	blank := 0
	for line := range strings.Lines(s) {
		line = strings.Join(strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\r' || r == '\n' }), " ")
		if line == "" {
			blank++
			continue
		}
		if len(out) > 0 && blank > 0 {
			out = append(out, "")
		}
		blank = 0
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

var _ = fmt.Sprint
