package auth

import (
	"fmt"
	"testing"
	"time"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *fakeClock               { return &fakeClock{time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} }

func TestLimiterPerUser(t *testing.T) {
	c := newClock()
	l := NewLimiter(c.now)
	for i := range l.UserBurst {
		if w := l.Allow("kim", "10.0.0.1"); w != 0 {
			t.Fatalf("attempt %d must wait %v, want 0", i+1, w)
		}
		l.Fail("kim", "10.0.0.1")
	}
	w := l.Allow("kim", "10.0.0.2") // another address does not help
	if w <= 0 || w > l.UserEvery {
		t.Fatalf("after %d failures wait = %v, want in (0, %v]", l.UserBurst, w, l.UserEvery)
	}
	if w := l.Allow(" KIM ", "10.0.0.3"); w == 0 {
		t.Error("the name's case and spaces evade the limit")
	}
	if w := l.Allow("lee", "10.0.0.2"); w != 0 {
		t.Errorf("another user waits %v", w)
	}
	c.add(w - time.Second)
	if l.Allow("kim", "10.0.0.2") == 0 {
		t.Error("allowed before the bucket refilled")
	}
	c.add(time.Second)
	if got := l.Allow("kim", "10.0.0.2"); got != 0 {
		t.Errorf("still waiting %v after the refill time", got)
	}
	l.Fail("kim", "10.0.0.2")
	if l.Allow("kim", "10.0.0.2") == 0 {
		t.Error("a failure after refill did not block again")
	}
	l.Succeed("kim", "10.0.0.2")
	if got := l.Allow("kim", "10.0.0.2"); got != 0 {
		t.Errorf("waiting %v after a successful login", got)
	}
}

func TestLimiterPerIP(t *testing.T) {
	c := newClock()
	l := NewLimiter(c.now)
	// Password spraying: one address, a different name each time.
	for i := range l.IPBurst {
		name := fmt.Sprintf("user%d", i)
		if w := l.Allow(name, "192.0.2.7"); w != 0 {
			t.Fatalf("attempt %d waits %v", i+1, w)
		}
		l.Fail(name, "192.0.2.7")
	}
	if l.Allow("fresh-name", "192.0.2.7") == 0 {
		t.Error("spraying from one address is not limited")
	}
	if w := l.Allow("fresh-name", "192.0.2.8"); w != 0 {
		t.Errorf("another address waits %v", w)
	}
	l.Succeed("user0", "192.0.2.7")
	if l.Allow("fresh-name", "192.0.2.7") == 0 {
		t.Error("one successful login unlocked the address")
	}
	c.add(l.IPEvery)
	if w := l.Allow("fresh-name", "192.0.2.7"); w != 0 {
		t.Errorf("address still waits %v after refill", w)
	}
}

func TestLimiterClockBackwards(t *testing.T) {
	c := newClock()
	l := NewLimiter(c.now)
	for range l.UserBurst {
		l.Fail("park", "10.1.1.1")
	}
	c.add(-time.Hour)
	if l.Allow("park", "10.1.1.1") == 0 {
		t.Error("a clock stepping back unlocked the user")
	}
}

func TestLimiterBoundedMemory(t *testing.T) {
	c := newClock()
	l := NewLimiter(c.now)
	for i := range maxBuckets + 10 {
		l.Fail(fmt.Sprint("n", i), fmt.Sprint("ip", i))
	}
	if len(l.user) > maxBuckets || len(l.ip) > maxBuckets {
		t.Errorf("buckets: %d users, %d ips, max %d", len(l.user), len(l.ip), maxBuckets)
	}
}
