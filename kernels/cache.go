package kernels

import (
	"container/list"
	"encoding/binary"
	"math"
	"sync"
)

// stateCache keeps dense states as planar rows (real and imaginary parts),
// keyed by the exact bits of the data vector, evicting the least recently
// used entry once the stored bytes would exceed the limit.
type stateCache struct {
	mu       sync.Mutex
	limit    int64
	bytes    int64
	order    *list.List // front: most recently used
	entries  map[string]*list.Element
	hits     int64
	misses   int64
	rowBytes int64
}

type cacheEntry struct {
	key    string
	re, im []float64
}

func newStateCache(limit int64, dim int) *stateCache {
	return &stateCache{limit: limit, order: list.New(), entries: make(map[string]*list.Element), rowBytes: 16 * int64(dim)}
}

// dataKey is the exact bit pattern of x: two vectors share a key only when
// every float64 is bit-identical.
func dataKey(x []float64) string {
	b := make([]byte, 8*len(x))
	for i, v := range x {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return string(b)
}

// load copies the cached state for key into re and im and reports whether
// it was there.
func (c *stateCache) load(key string, re, im []float64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		c.misses++
		return false
	}
	c.hits++
	c.order.MoveToFront(el)
	e := el.Value.(*cacheEntry)
	copy(re, e.re)
	copy(im, e.im)
	return true
}

// store keeps a copy of the state for key if it fits under the limit.
func (c *stateCache) store(key string, re, im []float64) {
	if c.rowBytes > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		return
	}
	for c.bytes+c.rowBytes > c.limit {
		last := c.order.Back()
		e := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.entries, e.key)
		c.bytes -= c.rowBytes
	}
	e := &cacheEntry{key: key, re: append([]float64(nil), re...), im: append([]float64(nil), im...)}
	c.entries[key] = c.order.PushFront(e)
	c.bytes += c.rowBytes
}

func (c *stateCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order.Init()
	clear(c.entries)
	c.bytes = 0
}

func (c *stateCache) stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{States: len(c.entries), Bytes: c.bytes, Hits: c.hits, Misses: c.misses}
}

// CacheStats describes a kernel's state cache.
type CacheStats struct {
	// States and Bytes are what the cache holds now.
	States int
	Bytes  int64
	// Hits and Misses count lookups since the kernel was made.
	Hits, Misses int64
}
