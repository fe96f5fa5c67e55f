package datasets

// Feature names as scikit-learn 1.2.1 reports them for the same data.
var (
	irisFeatures = []string{"sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"}

	wineFeatures = []string{
		"alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
		"flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
		"od280/od315_of_diluted_wines", "proline",
	}

	cancerMeasurements = []string{
		"radius", "texture", "perimeter", "area", "smoothness", "compactness",
		"concavity", "concave points", "symmetry", "fractal dimension",
	}
)

// cancerFeatures spells the 30 names: "mean X", then "X error", then "worst X".
func cancerFeatures() []string {
	names := make([]string, 0, 30)
	for _, m := range cancerMeasurements {
		names = append(names, "mean "+m)
	}
	for _, m := range cancerMeasurements {
		names = append(names, m+" error")
	}
	for _, m := range cancerMeasurements {
		names = append(names, "worst "+m)
	}
	return names
}
