package event

import (
	"slices"
	"strings"

	"casebook"
)

// token is one lower-cased English word with its byte span.
type token struct {
	w      string
	lo, hi int
	h      uint16 // wordFilterHash(w), for the word sets' filters
}

// tokenize splits lower[lo:hi] (an ASCII-lower-cased copy of the text) into
// words: runs of letters and digits, with inner apostrophes kept ("didn't").
// Hyphens split words, so "signal-tracking" is two tokens. It appends the
// words to buf[:0], and to *heads (emptied) those that head a trigger pattern, with
// their patterns: findEnglish then reads only these, not every word again.
func tokenize(lower string, lo, hi int, buf []token, heads *[]hit) []token {
	buf, *heads = buf[:0], (*heads)[:0]
	s := lower[:hi]
	// Unsigned indices below len(s): the loops need no bounds checks.
	n := uint(len(s))
	for i := uint(max(lo, 0)); i < n; {
		if !wordByte[s[i]] {
			i++
			continue
		}
		j := i + 1
		for j < n && wordByte[s[j]] {
			j++
		}
		if j < n && (s[j] == '\'' || s[j] == 0xE2) {
			j = uint(apostropheEnd(s, int(j)))
		}
		w := s[i:j]
		h := headHash(w)
		if hh := h & 0xFFFF; enHeads[hh>>6]&(1<<(hh&63)) != 0 { // may head a pattern
			if ps := enHeadPatterns(w); ps != nil {
				*heads = append(*heads, hit{len(buf), ps})
			}
		}
		buf = append(buf, token{w: w, lo: int(i), hi: int(j), h: uint16(h & 1023)}) // h: wordFilterHash(w)
		i = j + 1                                                                   // s[j] is no word byte
	}
	return buf
}

// apostropheEnd returns the end of the word whose letters run to j, where
// s[j] may be an inner apostrophe: ' and ’ (E2 80 99) between letters.
func apostropheEnd(s string, j int) int {
	for {
		switch {
		case j+1 < len(s) && s[j] == '\'' && wordByte[s[j+1]]:
			j += 2
		case j+3 < len(s) && s[j] == 0xE2 && s[j+1] == 0x80 && s[j+2] == 0x99 && wordByte[s[j+3]]:
			j += 4
		default:
			return j
		}
		for j < len(s) && wordByte[s[j]] {
			j++
		}
		if j >= len(s) || s[j] != '\'' && s[j] != 0xE2 {
			return j
		}
	}
}

// wordByte marks the bytes of words: ASCII lower-case letters and digits.
var wordByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

// tokRange returns the tokens of toks (sorted, text-wide) lying in [lo, hi).
func tokRange(toks []token, lo, hi int) []token {
	// Two binary searches: the words are sorted by their starts and, not
	// overlapping, by their ends too.
	i := firstFrom(toks, lo)
	k, j := i, len(toks)
	for k < j {
		if m := int(uint(k+j) >> 1); toks[m].hi <= hi {
			k = m + 1
		} else {
			j = m
		}
	}
	return toks[i:k]
}

// Flags of an English trigger pattern.
const (
	fPart        = 1 << iota // a past participle: refuse present passives and adjectives ("are confiscated", "the arrested man")
	fIng                     // an -ing form: needs an auxiliary before it ("have been holding")
	fMoney                   // needs a sum of money in the clause
	fBribe                   // needs money or a bribe word in the clause
	fHypo                    // a threat: modals and conditionals belong to it
	fPerson                  // needs a person acted on (after the trigger, or before a passive)
	fAgent                   // needs an officer or state organ in the clause
	fEvent                   // the clause must narrate: a past, perfect or progressive verb
	fOfficer                 // fBribe, or an officer right after ("paid police")
	fWould                   // a warning: a later "would/will" and a punishment in the sentence
	fNoPerson                // not when the thing acted on is a person ("seized" goods)
	fAppoint                 // personnel: an appointment, not a removal
	fOfficial                // needs an official or a named organ in the clause (not just "they")
	fSubjOfficer             // an official just before the trigger is its subject ("the police told her")
	fTold                    // a verb of telling or threatening earlier in the sentence ("told them … or face trial")
	fPlace                   // a place or home right after the trigger ("removed from Sosong district")
	fWarn                    // a warning of punishment follows ("… at which residents were told … shoot")
	fSuccessor               // a person follows ("replaced by a cadre", not "by a new company")
	fHandover                // a hand-over into North Korean custody: kept in a sentence about foreign police
	fHolder                  // a passive whose subject holds a post ("the security chief was removed")
	fRegime                  // an imposed routine: "every week" tells what was imposed, not a habit
)

type elem struct {
	alts []string // any of these words; empty for a gap
	set  *words   // alts, to turn most words away before comparing
	gap  int      // a gap of 0..gap words
}

type enPattern struct {
	typ   string
	elems []elem
	flags int
	fixed bool // no gaps: a match ends len(elems) words on, in any clause
}

// enRules are the English triggers: "a|b" alternatives, "*" a gap of up to
// four words ("*8": eight). Only forms that narrate an act are listed: past
// tenses, participles and progressives; bare presents ("police seize goods")
// describe habits and rules, which are not events.
var enRules = []struct {
	typ, pat string
	flags    int
}{
	// detention
	{casebook.EventDetention, "arrested|detained|apprehended|handcuffed|jailed|imprisoned", fPart},
	{casebook.EventDetention, "arresting|detaining|apprehending|rounding", fIng},
	{casebook.EventDetention, "taken|took|taking * into * custody", 0},
	{casebook.EventDetention, "taken|dragged|hauled|carted away|off", fPart | fPerson},
	{casebook.EventDetention, "taken|dragged|hauled|carted in", fPart | fPerson | fAgent},
	// "they took in a woman" (police); not "he took in his nephew".
	{casebook.EventDetention, "took in", fPerson | fOfficial},
	{casebook.EventDetention, "interrogated", fPart | fAgent},
	{casebook.EventDetention, "taken|brought|called|summoned in * for questioning|interrogation", fPart},
	{casebook.EventDetention, "picked|rounded|locked up", fPart},
	{casebook.EventDetention, "took|taken|dragged|hauled|brought * to|into * station|cells|cell|jail|prison|headquarters|lockup|office", fPerson | fAgent},
	{casebook.EventDetention, "caught", fPart},
	{casebook.EventDetention, "nabbed|busted|captured", fPart | fPerson},
	{casebook.EventDetention, "holding|held", fPerson},
	{casebook.EventDetention, "has|have|had * under interrogation|arrest", fPerson},
	{casebook.EventDetention, "seized|grabbed", fPart | fPerson},
	// A hand-over into custody: "the broker handed him over to the police".
	{casebook.EventDetention, "handed|turned * over to", fPerson | fAgent | fHandover},

	// bribe_demand
	{casebook.EventBribeDemand, "asked|asking *6 for", fMoney},
	{casebook.EventBribeDemand, "demanded|demanding|solicited|soliciting", fBribe},
	{casebook.EventBribeDemand, "asked|asking *6 for *2 bribe|bribes|kickback|kickbacks|payment|payments", fOfficial},
	{casebook.EventBribeDemand, "to demand", fMoney | fEvent},
	{casebook.EventBribeDemand, "extorted|extorting", 0},
	{casebook.EventBribeDemand, "shake|shook|shaking|shaken down", fEvent},
	{casebook.EventBribeDemand, "told|ordered|pressed|pressured * to pay|hand", fMoney},
	{casebook.EventBribeDemand, "until *6 hand|pay|paid", fMoney},
	{casebook.EventBribeDemand, "squeezed|squeezing * out", fBribe},
	// A threat's condition of paying ("would be sent to a camp unless each
	// family brought 1,000 dollars") is a demand too.
	{casebook.EventBribeDemand, "unless *6 paid|pay|brought|bring|handed|hand|came|paying", fMoney | fHypo | fTold},

	// bribe_payment
	{casebook.EventBribePayment, "gave|handed|slipped", fBribe | fOfficial},
	{casebook.EventBribePayment, "paid", fOfficer},
	{casebook.EventBribePayment, "had to pay|hand", fBribe},
	{casebook.EventBribePayment, "forced|made|compelled to pay|hand", fBribe},
	{casebook.EventBribePayment, "bribed", fPart},
	{casebook.EventBribePayment, "pocketed|pocketing", fMoney | fOfficial},
	{casebook.EventBribePayment, "accepted|took|taken|received|collected * bribe|bribes|kababi|kickback|kickbacks", 0},
	// "had been accepting bribes"; not a gerund ("more interested in
	// collecting bribes").
	{casebook.EventBribePayment, "accepting|taking|receiving|collecting * bribe|bribes|kababi", fIng},
	{casebook.EventBribePayment, "took|take * bribe", fMoney},
	{casebook.EventBribePayment, "bought * protection|freedom|release", 0},

	// release
	{casebook.EventRelease, "released|freed", fPart},
	{casebook.EventRelease, "let * go|out", fPart | fPerson},
	{casebook.EventRelease, "walked|set free", 0},

	// threat
	{casebook.EventThreat, "threatened", fHypo},
	{casebook.EventThreat, "warned", fHypo | fPart},
	{casebook.EventThreat, "by warning", fHypo},
	// A dated public warning: "held a lecture at which residents were told
	// that guards would shoot …".
	{casebook.EventThreat, "held|gave|convened|organised|organized|staged * lecture|lectures|meeting|meetings|session|sessions", fHypo | fWarn},
	{casebook.EventThreat, "stepped|ramped up warnings|warning", fHypo},
	{casebook.EventThreat, "issued|gave|given * warnings|warning", fHypo},
	{casebook.EventThreat, "declared|announced|proclaimed", fHypo | fWould},
	{casebook.EventThreat, "told|warned|said", fHypo | fWould | fSubjOfficer},
	{casebook.EventThreat, "or face|risk *2 trial|punishment|prosecution|arrest|prison|expulsion|exile|charges|jail", fHypo | fTold},

	// confiscation
	{casebook.EventConfiscation, "confiscated|seized", fPart | fNoPerson},
	{casebook.EventConfiscation, "confiscating|seizing", fIng | fNoPerson},
	{casebook.EventConfiscation, "ordered * to surrender|hand", fPerson},
	{casebook.EventConfiscation, "took|taken * away", fNoPerson},
	{casebook.EventConfiscation, "took|taken|snatched|grabbed *3 phone|phones|handset|handsets|goods|stock|cargo|belongings|property|rice|merchandise", 0},
	{casebook.EventConfiscation, "stripped * of * goods|property|belongings|money|possessions|assets|savings|cash", 0},

	// punishment
	{casebook.EventPunishment, "executed|exiled|banished|expelled|sentenced|tortured|beaten", fPart},
	{casebook.EventPunishment, "carried * out * execution|executions", 0},
	{casebook.EventPunishment, "held|staged|conducted|opened|holding|staging|organised|organized|organising|organizing|convened|arranged * public|open trial|trials|execution|executions", 0},
	{casebook.EventPunishment, "beat|whipped|flogged|kicked|clubbed", fPerson | fAgent | fPart},
	// An imposed fine is a penalty like a sentence.
	{casebook.EventPunishment, "fined", fPart},
	{casebook.EventPunishment, "publicly tried|executed|shot", fPart},
	{casebook.EventPunishment, "put|sentenced to death", 0},
	{casebook.EventPunishment, "sent|packed|shipped|moved|sending *9 camp|camps|prison|exile|mine|mines|labour|labor|countryside|mountains|remote|reeducation|re", fPart},
	{casebook.EventPunishment, "sent|packed|shipped away|off", fPart},
	{casebook.EventPunishment, "ended|end up * camp|prison|camps", 0},
	{casebook.EventPunishment, "ordered|thrown|kicked|driven out", fPart},
	{casebook.EventPunishment, "removed|evicted|relocated from", fPart | fPlace},
	{casebook.EventPunishment, "arms|legs|ribs|arm|leg * broken", 0},
	// Abuse in custody told as what the officer made the detainee do.
	{casebook.EventPunishment, "made|forced * kneel|squat|crouch", fPerson | fAgent},
	// "was given two years in a labour camp": a sentence without "sentenced".
	{casebook.EventPunishment, "given|handed|got|received *3 year|years|month|months *4 camp|camps|prison|jail|detention", fPart},
	{casebook.EventPunishment, "stern|severe|serious warning|warnings|reprimand|reprimands", fEvent},

	// surveillance
	{casebook.EventSurveillance, "signal tracking|detection teams|units|specialists|gear", fEvent},
	{casebook.EventSurveillance, "tracking|monitoring|wiretapping|bugging|spying", fIng},
	{casebook.EventSurveillance, "tracked|monitored|wiretapped|bugged|tailed|shadowed", fPart},
	{casebook.EventSurveillance, "staked|staking * out", 0},
	{casebook.EventSurveillance, "informant|informants", fEvent | fAgent},
	{casebook.EventSurveillance, "reported * to * police|officer|officers|agents|mss|authorities|ministry", fPart},
	{casebook.EventSurveillance, "keeps|kept|keeping watch", 0},
	{casebook.EventSurveillance, "placed|put|placing|putting *6 under * surveillance|watch|observation|monitoring", 0},
	{casebook.EventSurveillance, "stepped|ramped up surveillance|monitoring", 0},
	{casebook.EventSurveillance, "intensified|tightened|increased|strengthened|stepping|intensifying|tightening * surveillance|monitoring", 0},
	{casebook.EventSurveillance, "using *6 to gather * information", 0},
	// "made me report to them every week": reporting in, imposed after release.
	{casebook.EventSurveillance, "made|forced|ordered * report to|in", fPerson | fAgent | fRegime},

	// personnel
	{casebook.EventPersonnel, "dismissed|sacked|fired|purged|demoted|replaced|reshuffled", fPart},
	{casebook.EventPersonnel, "appointed|promoted", fPart | fAppoint},
	// "dismissed … and replaced by a cadre from …": the successor's
	// appointment is an act of its own.
	{casebook.EventPersonnel, "replaced by", fPart | fAppoint | fSuccessor},
	{casebook.EventPersonnel, "removed|relieved as|from|of", fPart},
	// "the city security chief was removed in 2023": a post holder removed.
	{casebook.EventPersonnel, "removed", fPart | fHolder},
	{casebook.EventPersonnel, "stripped of * post|posts|position|job|title|duties|rank", fPart},
	{casebook.EventPersonnel, "pushed|forced|eased into|out * retirement|post|office|job|position", 0},
	{casebook.EventPersonnel, "post|position|job has|had gone to", fAppoint},
	{casebook.EventPersonnel, "lost * post|posts|jobs|job|positions", 0},
	{casebook.EventPersonnel, "took|taken over as", fAppoint},

	// crackdown
	{casebook.EventCrackdown, "launched|began|begun|mounted|waged|waging|stepped|intensified|conducted|started|widened|expanded|declared|announced|staged|escalated|ramped|undertaken|launching|stepping|carrying|carried|conducting|widening * crackdown|crackdowns|campaign|sweep|drive|inspection|inspections|investigation|hunt|operation|clampdown|cleanup|raids|raid|purge|mop|patrols|searches|search|checks", 0},
	{casebook.EventCrackdown, "raided|demolished|bulldozed", fPart | fAgent},
	{casebook.EventCrackdown, "tore|torn|pulled down", fAgent},
	{casebook.EventCrackdown, "crackdown|campaign|sweep|inspection|inspections|investigation|operation|drive launched|declared|ordered|begun|started|announced", 0},
	{casebook.EventCrackdown, "campaign|crackdown|drive|sweep *8 that|which *6 declared|launched|announced|began|started|ordered", fAgent},
	{casebook.EventCrackdown, "anti smuggling|anti-smuggling patrol|patrols|boats|teams|squads|units|unit", fEvent},
	{casebook.EventCrackdown, "cracked|clamped|cracking|clamping down", 0},
	// "dismissed after an audit by the Organization and Guidance Department".
	{casebook.EventCrackdown, "audit|audits|probe|inspection|investigation by", fAgent},
	// An act told as part of a campaign names the campaign: "have seized
	// phones since June in a sweep targeting callers".
	{casebook.EventCrackdown, "in|during|amid a|an|the sweep|crackdown|campaign|clampdown|purge targeting|against|on", fEvent},
	{casebook.EventCrackdown, "crackdown|campaign|sweep|inspection|investigation|operation * has|was|have|were|had * launched|begun|started|declared|intensified|expanded", 0},
	{casebook.EventCrackdown, "ordered|outlawed|banned|prohibited", fPart | fAgent},
	// An organ's instruction told in the passive: "vendors have been told by
	// the police to register their stalls".
	{casebook.EventCrackdown, "told|instructed|ordered|directed by *6 to", fPart | fAgent},
	// "Residents have been told to hand in …": an order, whoever gave it.
	{casebook.EventCrackdown, "have|has been told|ordered|instructed to", 0},
	{casebook.EventCrackdown, "announced|launched|ordered|began|started|conducted|conducting * review|reviews|audit|audits|probe|probes", fAgent},
	{casebook.EventCrackdown, "issued|sent|handed * order|orders|ban|directive|directives|decree|instruction|instructions", fPart},
	{casebook.EventCrackdown, "order|orders|ban|directive|directives|decree|instruction|instructions *6 came|went|was|were issued|down|out", 0},
	{casebook.EventCrackdown, "inspection|investigation|inspections team|teams|group|groups|unit|units", fEvent},
	{casebook.EventCrackdown, "investigating|investigated|inspected|examined", fPart},
	{casebook.EventCrackdown, "thrown|deployed|dispatched|sent * teams|units|squads|investigators|inspectors|groups|contingent", 0},
	{casebook.EventCrackdown, "investigators|inspectors|contingent|teams *8 was|were|been sent|dispatched|deployed", 0},
}

var enPatterns []enPattern

func init() {
	enIndex := map[string][]int{}
	for _, r := range enRules {
		p := enPattern{typ: r.typ, flags: r.flags}
		for _, f := range strings.Fields(r.pat) {
			if f[0] == '*' {
				g := 4
				if len(f) > 1 {
					g = int(f[1] - '0')
				}
				p.elems = append(p.elems, elem{gap: g})
				continue
			}
			alts := strings.Split(f, "|")
			p.elems = append(p.elems, elem{alts: alts, set: wordSet(alts...)})
		}
		p.fixed = !slices.ContainsFunc(p.elems, func(e elem) bool { return e.alts == nil })
		for _, w := range p.elems[0].alts {
			enIndex[w] = append(enIndex[w], len(enPatterns))
		}
		enPatterns = append(enPatterns, p)
	}
	if len(enIndex) > len(enHeadSlots)/4 {
		panic("event: too many English head words for enHeadSlots")
	}
	for w, ps := range enIndex {
		h := headHash(w)
		enHeads[(h&0xFFFF)>>6] |= 1 << (h & 63)
		k := headSlot0(h)
		for enHeadSlots[k].w != "" {
			k = (k + 1) & headSlotMask
		}
		enHeadSlots[k] = headSlot{w, ps}
	}
}

// matchAt matches p's elements from element e at token i; it returns the
// index just past the last matched token, or -1.
func matchAt(toks []token, i int, elems []elem) int {
	if len(elems) == 0 {
		return i
	}
	e := elems[0]
	if e.alts == nil {
		// A gap before words: only where one of them stands can the
		// rest match.
		var next *words
		if len(elems) > 1 && elems[1].alts != nil {
			next = elems[1].set
		}
		for k := 0; k <= e.gap && i+k <= len(toks); k++ {
			if next != nil && (i+k == len(toks) || !next.mayHaveTok(&toks[i+k])) {
				continue
			}
			if end := matchAt(toks, i+k, elems[1:]); end >= 0 {
				return end
			}
		}
		return -1
	}
	if i >= len(toks) || !e.set.mayHaveTok(&toks[i]) {
		return -1
	}
	for _, a := range e.alts {
		if toks[i].w == a {
			return matchAt(toks, i+1, elems[1:])
		}
	}
	return -1
}

// Word classes used by the English checks.
var (
	enNegation = wordSet("not", "never", "no", "without", "refused", "refusing", "refuse", "refuses", "failed", "fail", "nor", "neither", "cannot", "hardly", "stop", "stopped", "stopping", "ceased", "refrain")
	enModal    = wordSet("would", "will", "could", "might", "may", "should", "must", "can", "shall", "if", "unless", "whether", "whenever", "whoever", "wherever", "lest")
	enHabit    = wordSet("routinely", "regularly", "usually", "often", "seldom", "rarely", "always", "typically", "generally", "normally", "frequently", "periodically", "customarily", "habitually", "tend", "tends", "anyone", "whoever", "whenever", "sometimes")
	enBeNow    = wordSet("is", "are", "am", "be", "being", "gets", "get")
	enAuxPast  = wordSet("was", "were", "been", "had", "has", "have", "got", "gets", "get", "getting", "having")
	enAux      = wordSet("is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had", "began", "begun", "started", "start", "continued", "continue", "kept", "keep", "stop", "stopped")
	enDet      = wordSet("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "of", "for", "on", "with", "at", "by", "these", "those", "this", "that", "recovering", "newly", "any", "all", "some")
	enAdverb   = wordSet("also", "then", "now", "still", "already", "just", "recently", "reportedly", "allegedly", "later", "subsequently", "eventually", "finally", "even", "again", "since", "quickly", "immediately", "quietly", "secretly", "openly", "publicly", "all", "both", "each", "not", "never", "apparently")
	enGoods    = wordSet("goods", "items", "phones", "phone", "stock", "vehicle", "car", "oil", "fuel", "load", "property", "money", "stock", "rice", "cash", "merchandise", "products", "equipment", "cargo")
	enBribe    = wordSet("bribe", "bribes", "money", "cash", "kababi", "payment", "payments", "dollars", "yuan", "won", "rmb", "usd", "sum", "fee", "fees", "bullets", "protection")
	enOfficer  = wordSet("agents", "agent", "officials", "official", "officers", "officer", "police", "policeman", "policemen", "guards", "guard", "authorities", "security", "inspectors", "investigators", "prosecutors", "interrogators", "interrogator", "inspector", "investigator", "prosecutor", "cadres", "party", "ministry", "mss", "mps", "ssd", "nsa", "bowibu", "regime", "state", "government", "leader", "kim", "korea", "command", "department", "committee", "director", "chief", "court", "patrol", "army", "military", "soldiers", "he", "they", "general")
	enOfficial = wordSet("agents", "agent", "officials", "official", "officers", "officer", "police", "policeman", "policemen", "guards", "guard", "inspectors", "investigators", "prosecutors", "interrogators", "cadres", "mss", "mps", "ssd", "nsa", "bowibu", "soldiers", "authorities", "security")
	enPerson   = wordSet("someone", "me", "us", "brothers", "neighbor", "neighbour", "neighbors", "neighbours", "friend", "friends", "relative", "relatives", "cousin", "nephew", "niece", "him", "her", "them", "man", "woman", "men", "women", "family", "families", "resident", "residents", "people", "person", "persons", "brothers", "brother", "sister", "sisters", "broker", "brokers", "smuggler", "smugglers", "trader", "traders", "vendor", "vendors", "merchant", "merchants", "driver", "drivers", "student", "students", "official", "officials", "officer", "officers", "relatives", "defector", "defectors", "users", "callers", "villagers", "individual", "individuals", "everyone", "workers", "worker", "son", "daughter", "wife", "husband", "mother", "father", "whole", "local", "two", "three", "several", "dozens", "eleven", "five", "ten", "group", "couple", "household", "households", "farmers", "youths", "children", "teenagers", "detainees", "prisoners", "inmates", "suspects")
)

// enHabitCue holds every word accept's habit and rule checks start from:
// the others pass its filter's one test.
var enHabitCue = func() *words {
	s := wordSet("every", "each", "those", "anyone", "used", "past")
	for _, set := range []*words{enModal, enHabit} {
		for w := range set.m {
			s.add(w)
		}
	}
	return s
}()

// words is a set of words with a bit filter in front of its map: nearly
// every word looked up is in no set, and the filter (first and last byte,
// length) turns those away without hashing the word. The event rules look
// words up by the thousand per report.
type words struct {
	filter [16]uint64
	m      map[string]bool
}

func wordSet(ws ...string) *words {
	s := &words{m: make(map[string]bool, len(ws))}
	for _, w := range ws {
		s.add(w)
	}
	return s
}

func (s *words) add(w string) {
	s.m[w] = true
	if w != "" {
		h := wordFilterHash(w)
		s.filter[h>>6] |= 1 << (h & 63)
	}
}

// wordFilterHash is headHash's low bits: tokenize makes both at once.
func wordFilterHash(w string) uint32 {
	return headHash(w) & 1023
}

// mayHaveTok reports false for most words not in the set and true for all
// that are, without the map, from the hash tokenize made. The hash is below
// 1024: &15 only spares the index check.
func (s *words) mayHaveTok(t *token) bool {
	return s.filter[t.h>>6&15]&(1<<(t.h&63)) != 0
}

// hasTok is has(t.w), with the hash tokenize made.
func (s *words) hasTok(t *token) bool {
	return s.filter[t.h>>6&15]&(1<<(t.h&63)) != 0 && s.m[t.w]
}

// has reports whether w is in the set.
func (s *words) has(w string) bool {
	if w == "" {
		return s.m[w]
	}
	h := wordFilterHash(w)
	if s.filter[h>>6]&(1<<(h&63)) == 0 {
		return false
	}
	return s.m[w]
}

// maxPerSentence bounds the triggers taken from one sentence: a real
// sentence tells a few acts, and a run-on one must not cost quadratic time.
const maxPerSentence = 16

// mention is a trigger found in one clause.
type mention struct {
	typ     string
	clause  casebook.Span
	trig    casebook.Span
	sent    int
	passive bool // the organ named before the trigger is acted on, not acting
	// evidence is the span quoted for the act; zero means the clause.
	evidence casebook.Span
	rule     int  // which trigger rule matched (English ≥ 0, Korean < 0)
	appoint  bool // personnel: an appointment
	perfect  bool // "have been sent": a present perfect, so a recent act
	fine     bool // punishment: a fine, another act than a sentence or a beating
	agLocal  bool // its sentence names an organ: its agency is not a guess
	rest     bool // restOfGroup: "the other two", 나머지
}

// findEnglish returns the English trigger mentions of the body sentences.
func findEnglish(text, lower string, sents []sentence, all []token, heads []hit, money []casebook.Money, sc *scratch, out []mention) []mention {
	hits := sc.hits[:0]
	defer func() { sc.hits = hits[:0] }()
	// official[k] is 1 when sentence k names officials, 0 when not, -1 when
	// not yet looked at: each sentence is read once for the "they" below.
	official := reuse(sc.official, len(sents))[:len(sents)]
	sc.official = official
	for k := range official {
		official[k] = -1
	}
	for si := range sents {
		s := &sents[si]
		if s.heading {
			continue
		}
		toks := all[s.toks[0]:s.toks[1]]
		if len(toks) > 0 && question(text, s.span) {
			// A question tells no act ("Were you arrested?"), but one put
			// to a victim about punishment is a threat ("Do you want to be
			// exiled into the mountains?").
			if threatQuestion(toks) && quotedSentence(text, sents, si) {
				out = append(out, mention{typ: casebook.EventThreat, clause: s.span, trig: casebook.Span{toks[0].lo, toks[len(toks)-1].hi}, sent: si, evidence: s.span, rule: -1000})
			}
			continue
		}
		hits = hits[:0]
		// The head words of the report, in order: those of this sentence.
		for len(heads) > 0 && heads[0].tok < s.toks[0] {
			heads = heads[1:]
		}
		for ; len(heads) > 0 && heads[0].tok < s.toks[1]; heads = heads[1:] {
			k, ps := heads[0].tok-s.toks[0], heads[0].patterns
			// A pattern that fails on the words to the sentence's end fails
			// in every clause: most sentences hold a head word ("in",
			// "held") but no trigger, and are never split into clauses.
			for _, pi := range ps {
				// The head word is one of the first element's words:
				// matching starts at the next.
				if end := matchAt(toks, k+1, enPatterns[pi].elems[1:]); end >= 0 && !warningFails(&enPatterns[pi], toks, end) {
					hits = append(hits, hit{k, ps})
					break
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		// "Chinese police caught her and handed her over to North Korean
		// security": the other state's acts are not events here, the
		// hand-over into North Korean custody is.
		foreign := foreignSentence(lower[s.span[0]:s.span[1]], toks)
		if foreign && !strings.Contains(lower[s.span[0]:s.span[1]], "to north korean") {
			continue
		}
		s.ensureClauses(text, lower, false, toks, &sc.clauses)
		// "Soldiers … caught a man. They told his wife …": "they" are the
		// officials of the sentences just before.
		theyOfficial := false
		for k := si - 1; k >= max(0, si-3) && !sents[k].heading && !theyOfficial; k-- {
			if official[k] < 0 {
				official[k] = 0
				for j := sents[k].toks[0]; j < sents[k].toks[1]; j++ {
					t := &all[j]
					if enOfficial.hasTok(t) {
						official[k] = 1
						break
					}
				}
			}
			theyOfficial = official[k] == 1
		}
		before := len(out)
		ti, h := 0, 0
		for _, cl := range s.clauses {
			for ti < len(toks) && toks[ti].lo < cl[0] {
				ti++
			}
			tj := ti
			for tj < len(toks) && toks[tj].hi <= cl[1] {
				tj++
			}
			c := ctx{text: text, all: toks, lo: ti, hi: tj, cl: cl, money: money, theyOfficial: theyOfficial}
			for h < len(hits) && hits[h].tok < ti {
				h++
			}
			for ; h < len(hits) && hits[h].tok < tj && len(out)-before < maxPerSentence; h++ {
				i := hits[h].tok
				for _, pi := range hits[h].patterns {
					p := &enPatterns[pi]
					if foreign && p.flags&fHandover == 0 {
						continue
					}
					end := matchAt(toks[:tj], i+1, p.elems[1:])
					if end < 0 || !c.accept(p, i, end) {
						continue
					}
					out = append(out, mention{
						typ: p.typ, clause: cl, trig: casebook.Span{toks[i].lo, toks[end-1].hi}, sent: si,
						passive: c.passive(i) && !strings.HasSuffix(toks[i].w, "ing"), appoint: p.flags&fAppoint != 0, rule: pi,
						perfect: c.perfect(i), fine: toks[i].w == "fined",
					})
				}
			}
			ti = tj
		}
	}
	return out
}

// warningFails reports a warning pattern (fWould) of fixed length whose
// sentence lacks the "would" and the punishment accept asks for after it:
// accept reads them in the sentence's words, not the clause's, so it
// fails in every clause ("said" is a head word of most sentences).
func warningFails(p *enPattern, toks []token, end int) bool {
	if p.flags&fWould == 0 || !p.fixed {
		return false
	}
	would, punish := false, false
	for k := end; k < min(len(toks), end+40); k++ {
		tk := &toks[k]
		w := tk.w
		would = would || w == "would" || w == "will"
		punish = punish || enPunishWord.hasTok(tk)
	}
	return !would || !punish
}

// hit is a head word of a pattern that may match, at token tok of its
// sentence (of the report, in tokenize's heads).
type hit struct {
	tok      int
	patterns []int
}

// enHeads is a bit set over a small hash of the trigger head words (first
// and last letters, length): a filter that spares almost every other word
// the table lookup.
var enHeads [1 << 10]uint64

// enHeadSlots holds the head words and their patterns in a table open by
// headHash (linear probing, at most a quarter full): no map hashing per
// word.
var enHeadSlots [headSlotMask + 1]headSlot

const headSlotMask = 1<<11 - 1

// headSlot0 is the first slot to probe for a word of head hash h: the
// hash's bits spread (Fibonacci hashing), as its low bits cluster.
func headSlot0(h uint32) uint32 { return h * 2654435761 >> 21 }

type headSlot struct {
	w  string
	ps []int // indexes into enPatterns
}

func headHash(w string) uint32 {
	return (uint32(w[0])*131+uint32(w[len(w)-1]))*131 + uint32(len(w))&0xFFFF
}

// enHeadPatterns returns the patterns whose first word is w, or nil.
func enHeadPatterns(w string) []int {
	for k := headSlot0(headHash(w)); ; k = (k + 1) & headSlotMask {
		switch enHeadSlots[k].w {
		case w:
			return enHeadSlots[k].ps
		case "":
			return nil
		}
	}
}

// foreignSentence reports a sentence about another state's officials
// (Chinese police, Beijing's drive): their acts are not events here.
func foreignSentence(s string, toks []token) bool {
	for k := range toks {
		t := &toks[k]
		if !enForeignLead.mayHaveTok(t) {
			continue // no word a case below starts with
		}
		next := ""
		if k+1 < len(toks) {
			next = toks[k+1].w
		}
		switch {
		case t.w == "beijing's" || t.w == "beijing’s":
			return true // Beijing's own drive; "the embassy in Beijing" is only a place
		case t.w == "beijing" && (next == "has" || next == "had" || next == "ordered" || next == "launched"):
			return true
		case enForeignState.hasTok(t) && enForeignOrgan.has(next):
			return true
		case t.w == "chinese" && next == "border" && k+2 < len(toks) && (toks[k+2].w == "guards" || toks[k+2].w == "police"):
			return true
		case t.w == "south" && next == "korean" && k+2 < len(toks) && (toks[k+2].w == "authorities" || toks[k+2].w == "police"):
			return true
		}
	}
	return false
}

// enForeignLead are the words foreignSentence's cases start with.
var enForeignLead = wordSet("beijing's", "beijing’s", "beijing", "chinese", "south", "japanese", "russian", "american", "vietnamese", "laotian", "thai", "mongolian", "cambodian")

// enForeignState are adjectives of states whose own organs' acts are not
// North Korea's.
var enForeignState = wordSet("chinese", "japanese", "russian", "american", "vietnamese", "laotian", "thai", "mongolian", "cambodian")

// enForeignPlace are places abroad where North Koreans are often caught
// (by that state's police, not North Korea's).
var enForeignPlace = wordSet("china", "dandong", "shenyang", "yanji", "tumen", "hunchun", "changbai", "beijing", "russia", "vladivostok", "laos", "vietnam", "thailand", "mongolia", "yanbian", "jilin", "liaoning", "longjing", "helong", "qingdao", "shanghai")

// enForeignOrgan are the words after "Chinese" that name China's own
// organs ("Chinese police", "the Chinese side").
var enForeignOrgan = wordSet("officials", "police", "authorities", "side", "bank", "security", "public", "guards", "officers", "customs")

// ctx is one clause's tokens within its sentence's.
type ctx struct {
	text   string
	all    []token
	lo, hi int // the clause's tokens are all[lo:hi]
	cl     casebook.Span
	money  []casebook.Money
	// theyOfficial: the sentence before names officials, so "they" here
	// may be them.
	theyOfficial bool
}

// month reports a "May" that names the month: capitalised inside a
// sentence, or after a date word ("in early may").
func (c *ctx) month(k int) bool {
	t := c.all[k]
	if c.text[t.lo] == 'M' && k > 0 {
		return true
	}
	if k > 0 {
		switch c.all[k-1].w {
		case "in", "early", "mid", "late", "since", "of", "until", "from", "last", "next", "this":
			return true
		}
	}
	return k+1 < len(c.all) && c.all[k+1].w[0] >= '0' && c.all[k+1].w[0] <= '9'
}

// voiceWord returns the nearest word before token i, skipping adverbs.
func (c *ctx) voiceWord(i int) string {
	for k := i - 1; k >= c.lo; k-- {
		tk := &c.all[k]
		w := tk.w
		if w == "being" || !(enAdverb.hasTok(tk) || strings.HasSuffix(w, "ly") && len(w) > 4) {
			return w
		}
	}
	return ""
}

// perfect reports a present perfect ("have been sent", "has arrested").
func (c *ctx) perfect(i int) bool {
	for k := i - 1; k >= max(c.lo, i-4); k-- {
		switch c.all[k].w {
		case "has", "have", "'ve":
			return true
		case "had", "was", "were", "will", "would":
			return false
		}
	}
	return false
}

// passive reports a participle after a form of "be" ("was arrested").
func (c *ctx) passive(i int) bool {
	switch c.voiceWord(i) {
	case "was", "were", "been", "be", "being", "is", "are", "got", "get":
		return true
	}
	return false
}

// personNear reports a person acted on: right after the trigger (active),
// or just before a passive one.
func (c *ctx) personNear(i, end int) bool {
	// After an active trigger the first noun decides: "ten mobile phones"
	// are goods, "ten residents" people; numbers only count in passives.
	to := min(c.hi, end+5)
	if end-i > 2 {
		to = end - 1 // "let her go": the person sits inside the words
	}
	for k := i + 1; k < to; k++ {
		tk := &c.all[k]
		w := tk.w
		if enGoods.hasTok(tk) || enGathering.hasTok(tk) {
			return false // "held a meeting with traders"
		}
		if w == "from" && k > i+1 {
			break // "seized phones from traders": the people are where the goods came from
		}
		if enPerson.hasTok(tk) && !enNumber.hasTok(tk) {
			return true
		}
	}
	if !c.passive(i) {
		return false
	}
	for k := max(0, i-10); k < i; k++ {
		if enPerson.hasTok(&c.all[k]) && !enGoods.hasTok(&c.all[k]) {
			return true
		}
	}
	return false
}

// accept applies the checks that tell a narrated act from a habit, a rule,
// a negation or a hypothesis.
func (c *ctx) accept(p *enPattern, i, end int) bool {
	toks := c.all
	// Negation just before the trigger ("has not been put on trial").
	for k := max(c.lo, i-4); k < i; k++ {
		tk := &toks[k]
		w := tk.w
		if enNegation.hasTok(tk) || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return false
		}
	}
	// Habits, rules and hypotheses: before the trigger, or just after it.
	for k := max(c.lo, i-40); k < min(c.hi, end+3); k++ {
		tk := &toks[k]
		w := tk.w
		if !enHabitCue.mayHaveTok(tk) {
			continue // none of the words below
		}
		if p.flags&fHypo == 0 && enModal.hasTok(tk) && !(w == "may" && c.month(k)) {
			return false
		}
		if enHabit.hasTok(tk) && !(p.flags&fHypo != 0 && (w == "anyone" || w == "whoever")) {
			return false
		}
		if (w == "every" || w == "each") && k+1 < len(toks) && enPeriod.hasTok(&toks[k+1]) && !(p.flags&fRegime != 0 && k > i) {
			return false
		}
		if (w == "those" || w == "anyone") && k+1 < len(toks) && toks[k+1].w == "who" && (p.flags&fHypo == 0 || p.flags&fTold != 0) {
			return false // "those who cannot pay": a rule
		}
		if w == "used" && k+1 < len(toks) && toks[k+1].w == "to" && k < i {
			// "used to demand": a past habit, unless a verb of its own
			// follows ("who used to sell … were picked up").
			own := false
			for j := k + 2; j < i; j++ {
				if enAuxPast.hasTok(&toks[j]) || toks[j].w == "was" || toks[j].w == "were" {
					own = true
				}
			}
			if !own {
				return false
			}
		}
		if w == "past" && k > 0 && toks[k-1].w == "the" && k-2 >= 0 && toks[k-2].w == "in" {
			return false // "in the past"
		}
	}
	// A relative clause on "those"/"anyone" states a rule ("those who cannot
	// pay have their phones confiscated").
	if c.lo > 0 && toks[c.lo].w == "who" && p.flags&fHypo == 0 {
		switch toks[c.lo-1].w {
		case "those", "anyone", "everyone", "whoever", "everybody", "anybody":
			return false
		}
	}
	if p.flags&fHypo == 0 {
		// "to arrest", "to be arrested": purposes and plans.
		// A demand in a purpose clause after a told act ("visited him last
		// week to demand 5,000 yuan") happened; a planned one did not.
		if i > c.lo && toks[i-1].w == "to" && (p.typ != casebook.EventBribeDemand || i > c.lo+1 && enIntent.hasTok(&toks[i-2])) {
			return false
		}
		if i > c.lo+1 && toks[i-1].w == "be" && toks[i-2].w == "to" {
			return false
		}
	}
	if p.flags&fPart != 0 {
		w := c.voiceWord(i)
		if enBeNow.has(w) && w != "being" {
			return false // "are confiscated on the spot": a rule
		}
		if enDet.has(w) && !(w == "by") {
			return false // "the arrested man", "recovering confiscated goods"
		}
		if end < c.hi && enGoods.hasTok(&toks[end]) && !(p.typ == casebook.EventConfiscation && (enAuxPast.has(w) || c.officialBefore(i))) {
			return false
		}
		// "the number of people detained has doubled": a participle right
		// before the finite verb sits inside the subject, telling no act.
		if end == i+1 && end < c.hi && enFinite.hasTok(&toks[end]) {
			aux := false
			for k := max(c.lo, i-3); k < i; k++ {
				aux = aux || enAuxPast.hasTok(&toks[k]) || toks[k].w == "was" || toks[k].w == "were"
			}
			if !aux {
				return false
			}
		}
	}
	// "are demanding ever larger bribes", "increasingly extorting": a
	// trend, not an act.
	for k := max(c.lo, i-2); k < min(c.hi-1, end+2); k++ {
		w, next := toks[k].w, toks[k+1].w
		if w == "increasingly" || w == "ever" && (next == "more" || strings.HasSuffix(next, "er") && len(next) > 4) {
			return false
		}
	}
	if p.typ == casebook.EventDetention {
		// "are still being held": the custody of an act told before.
		for k := max(c.lo, i-3); k < i; k++ {
			if toks[k].w == "still" {
				return false
			}
		}
		// "caught in Dandong": another state's arrest.
		if end+1 < c.hi && toks[end].w == "in" && enForeignPlace.hasTok(&toks[end+1]) {
			return false
		}
	}
	if p.typ == casebook.EventRelease && c.releasesDocument(i, end) {
		return false // "released a report": a publication, not a person freed
	}
	if p.typ == casebook.EventPersonnel && toks[i].w == "removed" && end < c.hi && toks[end-1].w == "from" && c.placeAfter(end) {
		return false // people removed from a place: an expulsion (another rule)
	}
	if toks[i].w == "caught" {
		// "residents caught making calls" is a rule; an arrest needs "was caught".
		ok := false
		for k := max(c.lo, i-3); k < i; k++ {
			if enAuxPast.hasTok(&toks[k]) || toks[k].w == "was" || toks[k].w == "were" {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	// "are aimed at tracking residents": a purpose, not an act.
	if p.flags&fIng != 0 && i >= c.lo+2 && (toks[i-1].w == "at" || toks[i-1].w == "for") {
		switch toks[i-2].w {
		case "aimed", "designed", "intended", "meant", "geared", "used":
			return false
		}
	}
	if p.flags&fIng != 0 {
		ok := false
		for k := max(0, i-4); k < i; k++ {
			if enAux.hasTok(&toks[k]) {
				ok = true
			}
		}
		// "has begun investigating … and sending them": the auxiliary of the
		// first verb carries over.
		if !ok && i > 0 && toks[i-1].w == "and" {
			for k := max(0, i-40); k < i; k++ {
				if enAux.hasTok(&toks[k]) {
					ok = true
				}
			}
		}
		if !ok {
			return false
		}
	}
	// "are under investigation by the ministry": people held for questioning,
	// not a campaign.
	if p.typ == casebook.EventCrackdown && i > c.lo && toks[i-1].w == "under" {
		return false
	}
	// "prices rose because so many were being seized": the cause of a
	// trend, told of no one in particular.
	for k := max(c.lo, i-6); k+2 < i; k++ {
		if toks[k].w == "because" && (toks[k+1].w == "so" || toks[k+1].w == "too") && (toks[k+2].w == "many" || toks[k+2].w == "much") {
			return false
		}
	}
	if p.flags&fHolder != 0 && !c.holderBefore(i) {
		return false
	}
	if p.flags&fPerson != 0 && !c.personNear(i, end) {
		return false
	}
	if p.flags&fNoPerson != 0 && c.personNear(i, end) && !c.goodsNear(i, end) {
		return false
	}
	if p.flags&(fMoney|fBribe|fOfficer) != 0 {
		ok := hasMoney(c.money, c.cl)
		if !ok && p.flags&(fBribe|fOfficer) != 0 {
			// "borrowed the money … and paid it": the word may come first.
			for k := max(c.lo, i-12); k < min(c.hi, end+30); k++ {
				if enBribe.hasTok(&toks[k]) {
					ok = true
				}
			}
		}
		if !ok && p.flags&fOfficer != 0 {
			// "paid police", "paid the agents", "paid two officers".
			k := end
			for k < c.hi && k < end+2 && (enDet.hasTok(&toks[k]) || enNumber.hasTok(&toks[k]) || toks[k].w == "off") {
				k++
			}
			ok = k < c.hi && enOfficer.hasTok(&toks[k]) && toks[k].w != "he" && toks[k].w != "they" || end < c.hi && enOfficer.hasTok(&toks[end])
		}
		if !ok {
			return false
		}
	}
	if p.flags&fAgent != 0 {
		ok := false
		for k := max(c.lo, i-30); k < min(c.hi, end+30); k++ {
			if enOfficer.hasTok(&toks[k]) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if p.flags&fOfficial != 0 {
		ok := false
		for k := max(c.lo, i-30); k < min(c.hi, end+30); k++ {
			if enOfficial.hasTok(&toks[k]) || c.theyOfficial && toks[k].w == "they" && k < i {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if p.flags&fSuccessor != 0 {
		ok := false
		for k := end; k < min(c.hi, end+4); k++ {
			ok = ok || enSuccessor.hasTok(&toks[k])
		}
		if !ok {
			return false
		}
	}
	if p.flags&fWarn != 0 {
		told, punish := false, false
		for k := end; k < min(len(toks), end+30); k++ {
			tk := &toks[k]
			w := tk.w
			told = told || w == "told" || w == "warned"
			punish = punish || told && (enThreatWord.hasTok(tk) || w == "shoot" || w == "punished" || w == "punishment")
		}
		if !punish {
			return false
		}
	}
	if p.typ == casebook.EventPersonnel && toks[i].w == "replaced" && p.flags&fAppoint == 0 && end < c.hi && toks[end].w == "by" {
		return false // the appointment rule takes "replaced by"
	}
	if p.flags&fPlace != 0 && !c.placeAfter(end) {
		return false
	}
	if p.flags&fTold != 0 {
		ok := false
		for k := max(0, i-40); k < i; k++ {
			// "were told", not "are told" (a rule).
			if enTelling.hasTok(&toks[k]) && !(k > 0 && enBeNow.hasTok(&toks[k-1])) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if p.flags&fSubjOfficer != 0 {
		ok := false
		for k := max(c.lo, i-4); k < i; k++ {
			if enOfficial.hasTok(&toks[k]) || c.theyOfficial && toks[k].w == "they" {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if p.flags&fEvent != 0 && !narrates(toks[max(c.lo, i-30):min(c.hi, end+30)]) {
		return false
	}
	if p.flags&fWould != 0 {
		would, punish := false, false
		for k := end; k < min(len(toks), end+40); k++ {
			tk := &toks[k]
			w := tk.w
			would = would || w == "would" || w == "will"
			punish = punish || enPunishWord.hasTok(tk)
		}
		if !would || !punish {
			return false
		}
	}
	if p.typ == casebook.EventCrackdown && toks[i].w == "ordered" && end < c.hi {
		switch toks[end].w {
		case "out", "away", "her", "him", "them", "to":
			return false // an expulsion or an order to one person
		}
	}
	return true
}

// enDocument are things published rather than people freed.
var enDocument = wordSet("report", "reports", "statement", "statements", "video", "videos", "footage", "data", "document", "documents", "study", "survey", "book", "images", "photos", "photographs", "findings", "paper", "list", "figures", "details", "transcript", "recording", "album", "film", "white")

// releasesDocument reports a "released" whose object is a document: "a
// report released on Thursday", "released a study"; a release needs a
// person held.
func (c *ctx) releasesDocument(i, end int) bool {
	if i > c.lo && enDocument.hasTok(&c.all[i-1]) {
		return true
	}
	for k := end; k < min(c.hi, end+4); k++ {
		tk := &c.all[k]
		w := tk.w
		if enDet.hasTok(tk) || w == "its" || w == "their" || w == "new" || w == "annual" || w == "a" || w == "an" {
			continue
		}
		return enDocument.hasTok(tk)
	}
	return false
}

// enPost are the words for one holding a post.
var enPost = wordSet("chief", "head", "secretary", "director", "chairman", "commander", "minister", "governor", "deputy", "cadre", "cadres", "official", "officials")

// holderBefore reports a passive (was removed) whose subject, a few words
// back in the clause, names a post holder ("the city security chief").
func (c *ctx) holderBefore(i int) bool {
	if !c.passive(i) {
		return false
	}
	for k := i - 1; k >= max(c.lo, i-6); k-- {
		if enPost.hasTok(&c.all[k]) {
			return true
		}
	}
	return false
}

// placeAfter reports a place or home right after token k ("removed from
// Sosong district", "from their homes").
func (c *ctx) placeAfter(k int) bool {
	for j := k; j < min(c.hi, k+4); j++ {
		switch c.all[j].w {
		case "district", "county", "city", "capital", "homes", "home", "village", "town", "province", "houses", "area", "border":
			return true
		}
	}
	return false
}

// officialBefore reports officials named earlier in the clause, the
// subject of an active verb ("police searched the market and seized phones").
func (c *ctx) officialBefore(i int) bool {
	for k := c.lo; k < i; k++ {
		if enOfficial.hasTok(&c.all[k]) {
			return true
		}
	}
	return false
}

// goodsNear reports goods right after the trigger or just before it.
func (c *ctx) goodsNear(i, end int) bool {
	for k := max(c.lo, i-6); k < min(c.hi, end+6); k++ {
		if enGoods.hasTok(&c.all[k]) {
			return true
		}
	}
	return false
}

// enGathering are things held that are not people ("held a meeting with traders").
var enGathering = wordSet("meeting", "meetings", "lecture", "lectures", "session", "sessions", "talks", "event", "ceremony", "rally", "rallies", "conference", "funeral", "election", "elections", "trial", "trials", "festival", "drill", "drills")

// enSuccessor are the people an official is replaced by.
var enSuccessor = wordSet("cadre", "cadres", "official", "officer", "deputy", "secretary", "chief", "director", "successor", "head", "man", "woman", "colonel", "general", "someone", "member", "veteran", "loyalist", "protege")

// enTelling are verbs that put a condition or a threat to someone.
var enTelling = wordSet("told", "warned", "threatened", "informed", "notified", "ordered", "demanded", "said", "insisted")

var enIntent = wordSet("plan", "plans", "planned", "planning", "want", "wants", "wanted", "intend", "intends", "intended", "going", "about", "try", "tried", "trying", "expected", "expect", "expects", "likely", "hope", "hoped", "need", "needs", "able")
var enFinite = wordSet("has", "have", "is", "are", "remains", "remain", "rose", "has risen", "doubled", "grew", "increased", "fell")
var enNumber = wordSet("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "several", "dozens", "whole", "local", "couple", "group")
var enPeriod = wordSet("year", "years", "time", "times", "month", "months", "week", "weeks", "day", "days", "morning", "night", "season", "quarter", "summer", "winter", "spring", "autumn")
var enPunishWord = wordSet("sent", "handed", "kyohwaso", "exile", "expelled", "banished", "punishment", "punished", "punish", "arrested", "arrest", "exiled", "prison", "camp", "treated", "executed", "severe", "harsh", "penalty", "penalties", "jailed", "detained", "sentenced")

func hasMoney(money []casebook.Money, cl casebook.Span) bool {
	for _, m := range money {
		if m.Span.Overlaps(cl) {
			return true
		}
	}
	return false
}

var enPastIrregular = wordSet("was", "were", "had", "has", "have", "been", "did", "made", "took", "taken", "gave", "given", "sent", "caught", "held", "paid", "put", "began", "begun", "thrown", "threw", "told", "brought", "got", "found", "left", "kept", "went", "gone", "came", "became", "saw", "seen", "set", "broke", "broken", "led", "ran", "shut", "cut", "hit", "bought", "sold", "spent", "won", "lost", "seized", "met", "fell", "stood", "let", "used", "shook", "shaken", "threw", "stole", "stolen", "beat", "beaten", "struck", "fled", "hid", "hidden", "sought", "drove", "driven", "wrote", "spoke", "spoken", "chose", "forbade", "froze", "frozen", "swept", "burst", "dealt", "bound", "brought", "kept", "fought", "owed")

// narrates reports whether a clause tells of an act rather than a habit: it
// has a past or perfect verb or a progressive.
func narrates(toks []token) bool {
	for k := range toks {
		t := &toks[k]
		if enPastIrregular.hasTok(t) {
			return true
		}
		if len(t.w) > 4 && strings.HasSuffix(t.w, "ed") && !enGoods.hasTok(t) {
			return true
		}
		if strings.HasSuffix(t.w, "ing") {
			for j := k - 1; j >= max(0, k-3); j-- {
				tk := &toks[j]
				w := tk.w
				if w == "is" || w == "are" || w == "am" {
					return true
				}
				if !enAdverb.hasTok(tk) {
					break
				}
			}
		}
	}
	return false
}

// question reports a sentence that asks.
func question(text string, s casebook.Span) bool {
	// strings.TrimRight(…, "\"”’' )") on bytes.
	t := text[s[0]:s[1]]
	for len(t) > 0 {
		switch c := t[len(t)-1]; {
		case c == '"' || c == '\'' || c == ' ' || c == ')':
			t = t[:len(t)-1]
			continue
		case strings.HasSuffix(t, "”") || strings.HasSuffix(t, "’"):
			t = t[:len(t)-len("”")]
			continue
		}
		break
	}
	return strings.HasSuffix(t, "?")
}

// quotedSentence reports a sentence inside quotation marks: someone's words,
// not the reporter's (or an interviewer's) question.
func quotedSentence(text string, sents []sentence, si int) bool {
	s := sents[si]
	r, _ := firstRune(text[s.span[0]:])
	if r == '"' || r == '“' || r == '‘' {
		return true
	}
	start := s.span[0]
	for k := si - 1; k >= 0 && sents[k].para == s.para; k-- {
		start = sents[k].span[0]
	}
	return inQuote(text, start, s.span[0])
}

// threatQuestion reports a question put to "you" about punishment.
func threatQuestion(toks []token) bool {
	you, punish := false, false
	for k := range toks {
		t := &toks[k]
		you = you || t.w == "you"
		punish = punish || enThreatWord.hasTok(t)
	}
	return you && punish
}

var enThreatWord = wordSet("exiled", "banished", "expelled", "camp", "prison", "kyohwaso", "kwalliso", "arrested", "punished", "executed", "jail", "jailed", "mountains", "shot")
