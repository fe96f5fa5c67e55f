package datasets

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func classCounts(y []int, k int) []int {
	c := make([]int, k)
	for _, v := range y {
		c[v]++
	}
	return c
}

func requireShape(t *testing.T, d *Dataset, n, f int) {
	t.Helper()
	require.Len(t, d.X, n)
	require.Len(t, d.Y, n)
	for i, row := range d.X {
		require.Len(t, row, f, "row %d", i)
	}
	if d.FeatureNames != nil {
		require.Len(t, d.FeatureNames, f)
	}
}

func TestIris(t *testing.T) {
	d, err := Iris()
	require.NoError(t, err)
	requireShape(t, d, 150, 4)
	assert.Equal(t, []string{"setosa", "versicolor", "virginica"}, d.ClassNames)
	assert.Equal(t, "petal width (cm)", d.FeatureNames[3])
	assert.Equal(t, []float64{5.1, 3.5, 1.4, 0.2}, d.X[0])
	assert.Equal(t, 0, d.Y[0])
	assert.Equal(t, []float64{5.9, 3.0, 5.1, 1.8}, d.X[149])
	assert.Equal(t, 2, d.Y[149])
	assert.Equal(t, []int{50, 50, 50}, classCounts(d.Y, 3))
}

func TestWine(t *testing.T) {
	d, err := Wine()
	require.NoError(t, err)
	requireShape(t, d, 178, 13)
	assert.Equal(t, []string{"class_0", "class_1", "class_2"}, d.ClassNames)
	assert.Equal(t, "proline", d.FeatureNames[12])
	assert.Equal(t, 14.23, d.X[0][0])
	assert.Equal(t, 1065.0, d.X[0][12])
	assert.Equal(t, 560.0, d.X[177][12])
	assert.Equal(t, []int{59, 71, 48}, classCounts(d.Y, 3))
}

func TestBreastCancer(t *testing.T) {
	d, err := BreastCancer()
	require.NoError(t, err)
	requireShape(t, d, 569, 30)
	assert.Equal(t, []string{"malignant", "benign"}, d.ClassNames)
	assert.Equal(t, []string{"mean radius", "mean texture", "mean perimeter", "mean area"}, d.FeatureNames[:4])
	assert.Equal(t, "radius error", d.FeatureNames[10])
	assert.Equal(t, "worst fractal dimension", d.FeatureNames[29])
	assert.Equal(t, []float64{17.99, 10.38, 122.8, 1001}, d.X[0][:4])
	assert.Equal(t, 0, d.Y[0])
	assert.Equal(t, 0.07039, d.X[568][29])
	assert.Equal(t, 1, d.Y[568])
	assert.Equal(t, []int{212, 357}, classCounts(d.Y, 2))
}

func TestDigits(t *testing.T) {
	d, err := Digits()
	require.NoError(t, err)
	requireShape(t, d, 1797, 64)
	assert.Equal(t, "pixel_0_2", d.FeatureNames[2])
	assert.Equal(t, "pixel_7_7", d.FeatureNames[63])
	assert.Equal(t, []float64{0, 0, 5, 13, 9, 1, 0, 0}, d.X[0][:8])
	assert.Equal(t, []int{0, 1}, d.Y[:2])
	assert.Equal(t, 8, d.Y[1796])
	assert.Equal(t, []int{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, classCounts(d.Y, 10))
	for _, row := range d.X {
		for _, v := range row {
			require.True(t, v >= 0 && v <= 16)
		}
	}
}

func TestCovariantGraphs(t *testing.T) {
	g7, err := CovariantGraph7()
	require.NoError(t, err)
	requireShape(t, g7, 128, 14)
	assert.Equal(t, []string{"-1", "+1"}, g7.ClassNames)
	assert.Equal(t, -1.935744789981031500e-01, g7.X[0][0])
	assert.Equal(t, []int{1, 0}, g7.Y[:2], "file labels +1, −1")
	assert.Equal(t, []int{64, 64}, classCounts(g7.Y, 2))

	g10, err := CovariantGraph10()
	require.NoError(t, err)
	requireShape(t, g10, 200, 20)
	assert.Equal(t, -1.113579885006178716e-01, g10.X[199][0])
	assert.Equal(t, 0, g10.Y[199])
	assert.Equal(t, []int{100, 100}, classCounts(g10.Y, 2))
}

func TestAdHocReference(t *testing.T) {
	for _, seed := range []string{"0", "1", "12345"} {
		train, test, err := AdHocReference(seed)
		require.NoError(t, err, seed)
		requireShape(t, train, 40, 2)
		requireShape(t, test, 10, 2)
		assert.Equal(t, []int{20, 20}, classCounts(train.Y, 2), seed)
		assert.Equal(t, 0, train.Y[0])
		assert.Equal(t, 1, train.Y[39])
		for _, row := range append(train.X, test.X...) {
			for _, v := range row {
				assert.True(t, v >= 0 && v <= 6.2832, "feature %v outside [0, 2π]", v)
			}
		}
	}
	train, test, err := AdHocReference("0")
	require.NoError(t, err)
	assert.Equal(t, []float64{5.46637121724624, 0.8168140899333463}, train.X[0])
	assert.Equal(t, []float64{2.9530970943744057, 2.387610416728243}, test.X[0])

	_, _, err = AdHocReference("2")
	assert.ErrorContains(t, err, `no seed "2" (have "0", "1", "12345")`)
}
