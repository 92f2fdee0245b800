/*
 * Fuzz target: the condition language (tokenizer, parser, type checker)
 * and evaluation against a respondent with a few answers.
 */
#include <stdlib.h>
#include <string.h>

#include "esgdiag/cond.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct esg_questionnaire *q;
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_arena a = ESG_ARENA_INIT;
	struct esg_cond_site site = { "c", 1, 1, true };
	struct esg_cond *c;
	char msg[256], *src;
	unsigned off;

	if (size > 8192)
		return 0;
	if (q == NULL && esg_load_yaml("q.yaml", fuzz_questionnaire,
	    sizeof fuzz_questionnaire - 1, &q, &d) != ESG_OK)
		__builtin_trap();
	src = malloc(size + 1);
	memcpy(src, data, size);
	src[size] = '\0';
	c = esg_cond_parse(src, &a, msg, sizeof msg, &off);
	if (c != NULL && esg_cond_check(c, q, &site, &d) == 0) {
		struct esg_answers ans;
		struct esg_buf why = ESG_BUF_INIT;
		unsigned char app[16];
		struct esg_env env = { q, NULL, app };

		esg_answers_init(&ans, q);
		memset(app, ESG_TRUE, sizeof app);
		esg_cell_parse(&q->fields[0], "epci", 4, &ans.a[0], &ans.arena, &why);
		esg_cell_parse(&q->fields[1], "62 480", 6, &ans.a[1], &ans.arena, &why);
		esg_cell_parse(&q->fields[4], "z", 1, &ans.a[4], &ans.arena, &why);
		env.answers = ans.a;
		(void)esg_cond_eval(c, &env);
		esg_buf_release(&why);
		esg_answers_release(&ans);
	}
	free(src);
	esg_arena_release(&a);
	esg_diags_release(&d);
	return 0;
}
