/*
 * decision_values: print LIBSVM's own decision values for a data file.
 *
 *   decision_values MODEL DATA
 *
 * For each line of DATA (LIBSVM format) it prints the label predicted by
 * svm_predict_values followed by the k(k-1)/2 decision values, all with
 * %.17g so that doubles round-trip exactly.
 *
 * Build: gcc -O2 -o decision_values decision_values.c -I/usr/include/libsvm -lsvm
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "svm.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s MODEL DATA\n", argv[0]);
		return 2;
	}
	struct svm_model *model = svm_load_model(argv[1]);
	if (model == NULL) {
		fprintf(stderr, "cannot load model %s\n", argv[1]);
		return 1;
	}
	FILE *in = fopen(argv[2], "r");
	if (in == NULL) {
		fprintf(stderr, "cannot open %s\n", argv[2]);
		return 1;
	}
	int k = svm_get_nr_class(model);
	int npairs = k * (k - 1) / 2;
	double *dec = malloc(sizeof(double) * npairs);
	size_t cap = 1 << 20;
	char *line = malloc(cap);
	size_t ncap = 1024;
	struct svm_node *x = malloc(sizeof(struct svm_node) * ncap);
	while (fgets(line, (int)cap, in) != NULL) {
		if (strlen(line) == cap - 1) {
			fprintf(stderr, "line too long\n");
			return 1;
		}
		char *save = NULL;
		char *tok = strtok_r(line, " \t\n", &save); /* the label */
		if (tok == NULL)
			continue;
		size_t n = 0;
		while ((tok = strtok_r(NULL, " \t\n", &save)) != NULL) {
			if (n + 1 >= ncap) {
				ncap *= 2;
				x = realloc(x, sizeof(struct svm_node) * ncap);
			}
			char *colon = strchr(tok, ':');
			if (colon == NULL) {
				fprintf(stderr, "bad token %s\n", tok);
				return 1;
			}
			*colon = '\0';
			x[n].index = atoi(tok);
			x[n].value = strtod(colon + 1, NULL);
			n++;
		}
		x[n].index = -1;
		double label = svm_predict_values(model, x, dec);
		printf("%.17g", label);
		for (int p = 0; p < npairs; p++)
			printf(" %.17g", dec[p]);
		printf("\n");
	}
	fclose(in);
	free(dec);
	free(line);
	free(x);
	svm_free_and_destroy_model(&model);
	return 0;
}
