/*
 * Build tool: prints a C file that defines `const char NAME[]` holding the
 * bytes of FILE and `const unsigned long NAME_len`.  Used to compile the
 * default questionnaire into the binary without xxd or linker tricks.
 */
#include <stdio.h>

int
main(int argc, char **argv)
{
	FILE *fp;
	unsigned long n = 0;
	int c;

	if (argc != 3 || (fp = fopen(argv[2], "rb")) == NULL) {
		fprintf(stderr, "usage: embed NAME FILE\n");
		return 2;
	}
	printf("/* Generated from %s by tools/embed.c; do not edit. */\n", argv[2]);
	printf("const char %s[] = {", argv[1]);
	while ((c = getc(fp)) != EOF)
		printf("%s%d,", n++ % 20 ? "" : "\n", c);
	printf("0\n};\nconst unsigned long %s_len = %luUL;\n", argv[1], n);
	if (ferror(fp) || fclose(fp) != 0)
		return 1;
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
