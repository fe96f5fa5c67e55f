package sysmem

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAvailable(t *testing.T) {
	avail, source := Available()
	assert.Positive(t, avail)
	assert.NotEmpty(t, source)
	// No machine this runs on has an exabyte free: a parse gone wrong would.
	assert.Less(t, avail, uint64(1)<<60)
}
