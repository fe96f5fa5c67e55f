package datasets

import "embed"

// files holds the embedded data sets; see data/PROVENANCE.md.
//
//go:embed data/iris.csv data/wine_data.csv data/breast_cancer.csv data/digits.csv.gz
//go:embed data/ad_hoc_ref.json data/dataset_graph7.csv data/dataset_graph10.csv
var files embed.FS
