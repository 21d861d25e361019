package agency

import "casebook"

// name is one way of naming an organ or its people.
type name struct {
	text   string
	code   string
	person bool
}

const (
	mss   = casebook.AgencyMSS
	mps   = casebook.AgencyMPS
	wpk   = casebook.AgencyWPK
	kpa   = casebook.AgencyKPA
	pros  = casebook.AgencyProsecution
	other = casebook.AgencyOther
)

// people are the nouns for an organ's people; "security" + one of them is
// state security, "people's safety" + one of them the police, and so on.
var people = []string{"agent", "agents", "official", "officials", "officer", "officers", "personnel",
	"cadre", "cadres", "investigator", "investigators", "operative", "operatives", "chief", "chiefs",
	"director", "directors", "head", "employee", "employees", "staff", "men", "member", "members",
	"guard", "guards", "inspector", "inspectors", "worker", "workers"}

// organs are the nouns for an organ itself.
var organs = []string{"forces", "force", "department", "departments", "ministry", "bureau", "bureaus", "agency", "agencies",
	"office", "offices", "branch", "branches", "authorities", "organs", "organ", "services",
	"apparatus", "body", "bodies", "station", "stations", "headquarters", "unit", "units", "division"}

// stems take the people and organ nouns: "state security agents",
// "people's safety ministry".
var stems = []struct {
	stem string
	code string
}{
	{"state security", mss}, {"security", mss}, {"national security", mss}, {"ssd", mss}, {"mss", mss},
	{"nsa", mss}, {"bowibu", mss}, {"state political security", mss}, {"political security", mss},
	{"provincial security", mss}, {"county security", mss}, {"city security", mss},
	{"secret police", mss}, {"counter intelligence", mss}, {"counterintelligence", mss},
	{"peoples security", mps}, {"public security", mps}, {"social security", mps}, {"peoples safety", mps},
	{"safety", mps}, {"police", mps}, {"mps", mps}, {"anjeonbu", mps}, {"boanseo", mps}, {"inminboan", mps},
	{"railway police", mps}, {"traffic police", mps}, {"special police", mps},
	{"party", wpk}, {"wpk", wpk}, {"kwp", wpk}, {"workers party", wpk}, {"central committee", wpk},
	{"provincial party", wpk}, {"city party", wpk}, {"county party", wpk}, {"local party", wpk},
	{"military security", kpa}, {"military", kpa}, {"army", kpa}, {"kpa", kpa}, {"border guard", kpa},
	{"border patrol", kpa}, {"border garrison", kpa}, {"navy", kpa}, {"naval", kpa},
	{"prosecution", pros}, {"prosecutors", pros}, {"prosecutor", pros}, {"court", pros},
	{"customs", other},
}

// names are the whole names that stand alone.
var names = []name{
	// MSS
	{"ministry of state security", mss, false}, {"minister of state security", mss, true}, {"state security department", mss, false},
	{"state security ministry", mss, false}, {"state security", mss, false},
	{"national security agency", mss, false}, {"national security department", mss, false},
	{"state political security department", mss, false}, {"political security department", mss, false},
	{"ssd", mss, false}, {"mss", mss, false}, {"nsa", mss, false}, {"bowibu", mss, false},
	{"bowiwon", mss, true}, {"bowi bu", mss, false}, {"secret police", mss, false},
	{"security agents", mss, true}, {"security agent", mss, true},
	// MPS
	{"ministry of peoples security", mps, false}, {"minister of peoples security", mps, true},
	{"minister of social security", mps, true}, {"ministry of public security", mps, false},
	{"ministry of social security", mps, false}, {"ministry of peoples safety", mps, false},
	{"peoples security ministry", mps, false}, {"social security ministry", mps, false},
	{"peoples safety ministry", mps, false}, {"peoples safety agency", mps, false},
	{"peoples security", mps, false}, {"peoples safety", mps, false}, {"safety agency", mps, false},
	{"police", mps, false}, {"policeman", mps, true}, {"policemen", mps, true}, {"policewoman", mps, true},
	{"mps", mps, false}, {"msos", mps, false}, {"moss", mps, false}, {"mopss", mps, false}, {"anjeonbu", mps, false}, {"anjeonwon", mps, true},
	{"boanseo", mps, false}, {"boanwon", mps, true}, {"inminboanseong", mps, false},
	{"police station", mps, false}, {"police force", mps, false},
	// WPK
	{"workers party of korea", wpk, false}, {"korean workers party", wpk, false}, {"workers party", wpk, false},
	{"wpk", wpk, false}, {"kwp", wpk, false}, {"central committee", wpk, false},
	{"party committee", wpk, false}, {"party committees", wpk, false},
	{"organization and guidance department", wpk, false}, {"organisation and guidance department", wpk, false},
	{"ogd", wpk, false}, {"propaganda and agitation department", wpk, false},
	{"party secretary", wpk, true}, {"party secretaries", wpk, true}, {"party chief", wpk, true},
	{"central party", wpk, false}, {"party cell", wpk, false},
	// KPA
	{"korean peoples army", kpa, false}, {"peoples army", kpa, false}, {"kpa", kpa, false},
	{"army", kpa, false}, {"soldier", kpa, true}, {"soldiers", kpa, true}, {"troops", kpa, true},
	{"border guard", kpa, true}, {"border guards", kpa, true}, {"border guard command", kpa, false},
	{"border guard unit", kpa, false}, {"border patrol", kpa, false}, {"border patrols", kpa, false},
	{"military security command", kpa, false}, {"the military", kpa, false}, {"garrison", kpa, false},
	{"storm corps", kpa, false}, {"reconnaissance general bureau", kpa, false},
	{"ministry of peoples armed forces", kpa, false}, {"ministry of national defence", kpa, false},
	{"ministry of national defense", kpa, false}, {"guard command", kpa, false}, {"military police", kpa, false},
	{"navy", kpa, false}, {"korean peoples navy", kpa, false}, {"peoples navy", kpa, false},
	// PROSECUTION
	{"prosecutor", pros, true}, {"prosecutors", pros, true}, {"public prosecutor", pros, true},
	{"public prosecutors", pros, true}, {"prosecutors office", pros, false}, {"prosecutor office", pros, false},
	{"prosecution", pros, false}, {"procurator", pros, true}, {"procurators", pros, true},
	{"procuracy", pros, false}, {"public prosecutors office", pros, false},
	{"court", pros, false}, {"courts", pros, false}, {"peoples court", pros, false},
	{"central court", pros, false}, {"provincial court", pros, false}, {"judge", pros, true}, {"judges", pros, true},
	// OTHER
	{"bureau 27", other, false}, {"27 bureau", other, false}, {"bureau no. 27", other, false},
	{"109 sangmu", other, false}, {"sangmu 109", other, false}, {"group 109", other, false},
	{"109 group", other, false}, {"109 squad", other, false}, {"sangmu", other, false}, {"109 unit", other, false}, {"unified command", other, false},
	{"joint inspection group", other, false}, {"joint inspection groups", other, false},
	{"joint inspection team", other, false}, {"joint inspection teams", other, false},
	{"combined inspection group", other, false}, {"combined inspection groups", other, false},
	{"non socialist group", other, false}, {"anti socialist group", other, false},
	{"gruppa", other, false}, {"grupa", other, false}, {"peoples committee", other, false},
	{"customs office", other, false}, {"customs officials", other, true}, {"customs officers", other, true},
	// Other state organs that issue orders or act in reports; "the Cabinet"
	// only capitalised (a filing cabinet is not one).
	{"state planning commission", other, false}, {"ministry of foreign trade", other, false},
	{"ministry of external economic relations", other, false},
	{"state affairs commission", other, false}, {"national defence commission", other, false},
	{"national defense commission", other, false},
	{"market management office", other, false}, {"cabinet", other, false},
	{"central military commission", wpk, false}, {"general political bureau", kpa, false},

	// Korean. Syllables before (시, 도, 군, 국가) and after (particles) may attach.
	{"국가보위성", mss, false}, {"국가보위부", mss, false}, {"국가안전보위부", mss, false},
	{"보위성", mss, false}, {"보위부", mss, false}, {"보위기관", mss, false},
	{"보위원", mss, true}, {"보위지도원", mss, true}, {"보위부원", mss, true}, {"보위일꾼", mss, true},
	{"보위부장", mss, true}, {"반탐", mss, false},
	{"사회안전성", mps, false}, {"사회안전부", mps, false}, {"인민보안성", mps, false}, {"인민보안부", mps, false},
	{"안전부", mps, false}, {"안전국", mps, false}, {"안전원", mps, true},
	{"보안서", mps, false}, {"보안원", mps, true}, {"보안부", mps, false},
	{"분주소", mps, false}, {"경찰", mps, false}, {"안전부장", mps, true}, {"보안서장", mps, true},
	{"당위원회", wpk, false}, {"당 위원회", wpk, false}, {"중앙당", wpk, false}, {"당중앙", wpk, false},
	{"조직지도부", wpk, false}, {"선전선동부", wpk, false}, {"노동당", wpk, false}, {"로동당", wpk, false},
	{"당 간부", wpk, true}, {"당간부", wpk, true}, {"당 일꾼", wpk, true}, {"당일꾼", wpk, true},
	{"당비서", wpk, true}, {"책임비서", wpk, true}, {"시당", wpk, false}, {"도당", wpk, false}, {"군당", wpk, false},
	{"국경경비대", kpa, false}, {"경비대", kpa, false}, {"경비대원", kpa, true}, {"국경경비대원", kpa, true},
	{"인민군", kpa, false}, {"군부대", kpa, false}, {"군인", kpa, true}, {"군대", kpa, false}, {"보위사령부", kpa, false},
	{"경비사령부", kpa, false}, {"해군", kpa, false},
	// 보위국 is the army's security bureau (군 보위국, once 보위사령부); the state
	// security organ is 보위성/보위부.
	{"보위국", kpa, false}, {"국가보위국", mss, false}, {"정치보위국", mss, false}, {"국가정치보위국", mss, false}, {"국경수비대", kpa, false}, {"경무원", kpa, true}, {"폭풍군단", kpa, false},
	{"검찰소", pros, false}, {"검찰", pros, false}, {"검찰일꾼", pros, true}, {"재판소", pros, false},
	{"판사", pros, true},
	{"27국", other, false}, {"109상무", other, false}, {"109 상무", other, false}, {"그루빠", other, false},
	{"내각", other, false}, {"국가계획위원회", other, false}, {"대외경제성", other, false}, {"무역성", other, false},
	{"국무위원회", other, false},
	{"시장관리소", other, false}, {"상업관리소", other, false}, {"중앙군사위원회", wpk, false},
	{"총정치국", kpa, false}, {"호위사령부", kpa, false},
	{"연합지휘부", other, false}, {"합동검열단", other, false}, {"검열단", other, false}, {"검열그루빠", other, false}, {"인민위원회", other, false}, {"세관", other, false},
}
