/*
 * Benchmark baseline: parse a CSV file with libcsv and nothing else
 * (count fields and rows), the practical limit of any CSV-based scorer.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static size_t fields, rows;

static void
on_field(void *s, size_t n, void *d)
{
	(void)s;
	(void)n;
	(void)d;
	fields++;
}

static void
on_row(int c, void *d)
{
	(void)c;
	(void)d;
	rows++;
}

int
main(int argc, char **argv)
{
	static char buf[1 << 16];
	struct csv_parser p;
	FILE *fp;
	size_t n;

	if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL)
		return 2;
	csv_init(&p, 0);
	csv_set_delim(&p, ';');
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n)
			return 1;
	csv_fini(&p, on_field, on_row, NULL);
	csv_free(&p);
	fclose(fp);
	printf("%zu rows, %zu fields\n", rows, fields);
	return 0;
}
