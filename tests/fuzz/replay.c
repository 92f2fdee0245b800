/*
 * Runs a fuzz target over files, without libFuzzer: how `make check`
 * replays the seed corpus and every past finding under the sanitizers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int n = 0;

	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		size_t cap = 1 << 16, len = 0, k;
		uint8_t *buf = malloc(cap);

		if (fp == NULL || buf == NULL) {
			perror(argv[i]);
			return 2;
		}
		while ((k = fread(buf + len, 1, cap - len, fp)) > 0)
			if ((len += k) == cap && (buf = realloc(buf, cap *= 2)) == NULL)
				return 2;
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		n++;
	}
	printf("replayed %d inputs\n", n);
	return 0;
}
