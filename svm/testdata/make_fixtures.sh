#!/bin/sh
# Regenerates the LIBSVM fixtures under svm/testdata. Run from the repository
# root on a machine with Debian's libsvm-tools and libsvm-dev 3.24 installed.
# The Go tests only read the files this writes; they never call LIBSVM.
set -eu
cd svm/testdata
go run ./fixturegen -data "${DATA:-/work/shared/data}" -out .
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -o "$tmp/decision_values" decision_values.c -I/usr/include/libsvm -lsvm
for dir in iris2_rbf iris2_rbf_float64 iris3_rbf cancer_linear random_psd random_psd_smallc; do
	c=$(cat "$dir/C")
	svm-train -t 4 -c "$c" -e 1e-8 "$dir/train.txt" "$dir/model" > "$dir/train.log"
	svm-predict "$dir/test.txt" "$dir/model" "$dir/predict_test.txt" > "$dir/predict.log"
	"$tmp/decision_values" "$dir/model" "$dir/train.txt" > "$dir/decision_train.txt"
	"$tmp/decision_values" "$dir/model" "$dir/test.txt" > "$dir/decision_test.txt"
done
