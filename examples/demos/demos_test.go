package demos

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/qmlkit/qmlkit/examples/repro"
)

func TestDemosPassTheirChecks(t *testing.T) {
	for _, r := range Reproductions() {
		res, err := r.Run(context.Background(), repro.Options{Quick: true, Seed: 7})
		require.NoError(t, err, r.Name)
		require.NotEmpty(t, res.Checks, r.Name)
		assert.Empty(t, res.Failed(), r.Name)
		assert.NotEmpty(t, res.Text, r.Name)
	}
}
