package svm_test

import (
	"testing"

	"github.com/qmlkit/qmlkit/datasets"
	"github.com/qmlkit/qmlkit/svm"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scikit-learn's gamma="scale" is 1/(n_features·X.var()) with X.var() the
// population variance over every entry. For Iris that variance, computed
// independently with Python's float sum over the CSV, is 3.8960564166666565.
func TestGammaScaleIris(t *testing.T) {
	iris, err := datasets.Iris()
	require.NoError(t, err)
	g, err := svm.GammaScale(iris.X)
	require.NoError(t, err)
	assert.InEpsilon(t, 1/(4*3.8960564166666565), g, 1e-13)
}
