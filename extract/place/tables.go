package place

// spelling is one folded key of the trie and what it may name.
type spelling struct {
	ids        []int16 // gazetteer rows; two for Unsan and Hwasong
	suffixed   bool    // carries a unit suffix: Hoeryong City, 회령시
	korean     bool
	nkForm     bool // a form only North Korean usage has: -kuyok, 구역, -kun
	needSuffix bool // bare form that is a common word or a person: accepted only with a suffix
}

// gazTables are worked out from the gazetteer by buildTables
// (tables_build.go) when go generate runs, and held in tables_gen.go: built
// at start-up they cost every casebook command some 80M instructions.
type gazTables struct {
	byID   map[string]int
	spells []spelling
	trie   *trie // folded key → spells index
	// tri holds the first three bytes of every key over a-z, space and
	// '.' (base 28), short the keys of one or two such bytes: for mayStart.
	tri   [28*28*28/64 + 1]uint64
	short [28*28/64 + 1]uint64
	// first5 holds the hashed first five bytes of every key of five or
	// more, short45 every key of three or four bytes whole; loose marks the
	// first three bytes of the keys whose fourth or fifth byte is none of
	// a–z, space and '.'.
	first5, short45 hashBits
	loose           [28*28*28/64 + 1]uint64
	// koFirst marks the Hangul syllables keys start with: a Korean word
	// starting otherwise is not walked.
	koFirst [(0xD7A4-0xAC00)/64 + 1]uint64
	// Word filters, one bit per word shape, set where mayStart may pass a
	// word of that shape (see wordMayStart): tested before the fold.
	// wordTri: three letters (ascii.Run.Tri) and then anything;
	// wordTri4: three letters and a fourth letter;
	// wordTri3: a word of exactly three letters, per following byte class;
	// wordShort: a word of one or two letters (shortIndex), per class.
	wordTri, wordTri4 [26*26*26/64 + 1]uint64
	wordTri3          [followClasses][26*26*26/64 + 1]uint64
	wordShort         [followClasses][(26+26*26)/64 + 1]uint64
}

// caution rows are also South Korean places, rivers, people or common words
// in some spelling (고성, 화성, 강남, Pohang, Taean, Chollima…): they are
// accepted only with North Korean context, see resolve.
var caution = setOf(
	// South Korean places or common words in Korean (data README).
	"kosong", "cholwon", "ichon", "hwasong-pyongyang", "hwasong-north-hamgyong", "yonggwang",
	"kumchon", "kangnam", "kangdong", "kangso", "sinchon", "taesong", "taedong", "sadong", "sudong",
	"haean", "samchon", "chunghwa", "kangwon",
	// South Korean places in some romanisation.
	"pohang", "sunchon", "chongju", "pangyo", "taean", "ongjin", "namyang", "susong", "kumho",
	// Rivers, mountains, monuments and emblems that share a unit's name.
	"chollima", "moranbong", "taedonggang", "tumangang", "kumgang", "mangyongdae", "ryongsong",
	"potonggang", "songchongang",
)

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
