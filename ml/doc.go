// Package ml holds the classical machine-learning utilities that quantum
// kernel pipelines need around the kernel itself: metrics, stratified
// splitting and cross-validation, feature scaling, PCA and k-means.
//
// Samples are rows of a [][]float64 and labels are []int, the layout of the
// datasets package. Fitted transformers (StandardScaler, MinMaxScaler, PCA)
// are fitted on training data and then applied to any data of the same
// width, so test data are scaled with training statistics.
//
// Conventions, chosen to match scikit-learn where it has a definition:
//   - Accuracy, BalancedAccuracy (mean per-class recall over classes in the
//     truth) and ConfusionMatrix (rows are truth, columns predictions,
//     labels sorted).
//   - StratifiedSplit: ⌈fraction·n⌉ test samples apportioned to classes by
//     largest remainders; StratifiedKFold deals shuffled classes
//     round-robin. Both are deterministic functions of their seed (a PCG
//     generator from math/rand/v2) and document their exact rules.
//   - StandardScaler divides by the population standard deviation; columns
//     constant up to rounding get scale 1. MinMaxScaler uses
//     x·scale + offset with scale = (high − low)/(max − min), a constant
//     column's range counting as 1; values outside the training range are
//     not clipped.
//   - PCA centres the data, takes gonum's thin SVD, reports variances with
//     the n − 1 denominator and signs each component so its largest-magnitude
//     entry is positive.
//   - KMeans: greedy k-means++ seeding with 2 + ⌊ln k⌋ candidates per centre,
//     Lloyd iterations with scikit-learn's relative tolerance, best of NInit
//     runs by inertia. NearestSamples returns the real sample closest to each
//     centroid (dataset distillation as in Cajas Ordóñez et al.).
//
// All functions validate their input (shapes, NaN/Inf, ranges) and return
// errors naming the problem.
package ml
