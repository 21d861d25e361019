package auth

import (
	"math"
	"strings"
	"sync"
	"time"
)

// Limiter slows password guessing: every failed login takes a token from a
// bucket for the user name and one for the client IP; when either bucket is
// empty, logins for that name or from that IP wait until it refills. A
// successful login refills the name's bucket. The zero value is not usable;
// call NewLimiter.
type Limiter struct {
	// UserBurst failed logins for one name are allowed at once, then one per
	// UserEvery. IPBurst and IPEvery do the same per client address, with a
	// larger burst because offices share one address.
	UserBurst int
	UserEvery time.Duration
	IPBurst   int
	IPEvery   time.Duration

	now  func() time.Time
	mu   sync.Mutex
	user map[string]*bucket
	ip   map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxBuckets bounds the limiter's memory under a flood of made-up names.
const maxBuckets = 100_000

// NewLimiter returns a limiter with 5 failures per name then one a minute,
// and 20 per IP then one every 10 seconds. now is the clock (nil: time.Now),
// injected so tests need not sleep.
func NewLimiter(now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{
		UserBurst: 5, UserEvery: time.Minute,
		IPBurst: 20, IPEvery: 10 * time.Second,
		now:  now,
		user: map[string]*bucket{},
		ip:   map[string]*bucket{},
	}
}

// Allow reports how long a login for name from ip must wait; 0 means it may
// go ahead now. It takes no token: call Fail after a wrong password.
func (l *Limiter) Allow(name, ip string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	w := l.wait(l.user, userKey(name), l.UserBurst, l.UserEvery, now)
	if iw := l.wait(l.ip, ip, l.IPBurst, l.IPEvery, now); iw > w {
		w = iw
	}
	return w
}

// Fail records a failed login for name from ip.
func (l *Limiter) Fail(name, ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.take(l.user, userKey(name), l.UserBurst, l.UserEvery, now)
	l.take(l.ip, ip, l.IPBurst, l.IPEvery, now)
}

// Succeed records a successful login: the name's failures are forgotten. The
// IP's are kept, so one good account does not unlock guessing at others.
func (l *Limiter) Succeed(name, ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.user, userKey(name))
}

func userKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// level returns the bucket's tokens refilled up to now.
func level(b *bucket, burst int, every time.Duration, now time.Time) float64 {
	if b == nil {
		return float64(burst)
	}
	el := now.Sub(b.at)
	if el < 0 {
		el = 0
	}
	return math.Min(float64(burst), b.tokens+float64(el)/float64(every))
}

func (l *Limiter) wait(m map[string]*bucket, key string, burst int, every time.Duration, now time.Time) time.Duration {
	t := level(m[key], burst, every, now)
	if t >= 1 {
		return 0
	}
	return time.Duration(math.Ceil((1 - t) * float64(every)))
}

func (l *Limiter) take(m map[string]*bucket, key string, burst int, every time.Duration, now time.Time) {
	t := level(m[key], burst, every, now)
	if m[key] == nil && len(m) >= maxBuckets {
		prune(m, burst, every, now)
	}
	m[key] = &bucket{tokens: math.Max(0, t-1), at: now}
}

// prune drops buckets that have refilled (they carry no memory of failures);
// if none has, it drops them all rather than grow without bound.
func prune(m map[string]*bucket, burst int, every time.Duration, now time.Time) {
	for k, b := range m {
		if level(b, burst, every, now) >= float64(burst) {
			delete(m, k)
		}
	}
	if len(m) >= maxBuckets {
		clear(m)
	}
}
