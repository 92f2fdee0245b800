/*
 * Helpers shared by the unit tests: load a questionnaire from a string,
 * read answers from a string, and look at collected diagnostics.  Header
 * only, so every test program is one file.
 */
#ifndef ESG_TESTUTIL_H
#define ESG_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/diag.h"
#include "esgdiag/load.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"

struct memsrc {
	const char *p;
	size_t len, pos, chunk;	/* chunk: bytes per read, to test refills */
};

static inline long
mem_read(void *ctx, char *buf, size_t n)
{
	struct memsrc *m = ctx;
	size_t k = m->len - m->pos;

	if (k > n)
		k = n;
	if (m->chunk && k > m->chunk)
		k = m->chunk;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return (long)k;
}

/* All diagnostics joined, one per line, as the CLI prints them. */
static inline const char *
diags_text(const struct esg_diags *d, struct esg_buf *b)
{
	esg_buf_reset(b);
	for (size_t i = 0; i < d->n; i++) {
		esg_diag_format(b, &d->v[i]);
		esg_buf_putc(b, '\n');
	}
	return esg_buf_str(b);
}

/* Loads a questionnaire that must be valid; prints the errors if not. */
static inline struct esg_questionnaire *
load_ok(const char *yaml)
{
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_questionnaire *q = NULL;

	if (esg_load_yaml("t.yaml", yaml, strlen(yaml), &q, &d) != ESG_OK)
		print_error("unexpected errors:\n%s", diags_text(&d, &b));
	assert_non_null(q);
	assert_int_equal(d.nerrors, 0);
	esg_diags_release(&d);
	esg_buf_release(&b);
	return q;
}

/* Loads a questionnaire that must fail; returns the diagnostics text (static). */
static inline const char *
load_errors(const char *yaml)
{
	static struct esg_buf b = ESG_BUF_INIT;
	struct esg_diags d = ESG_DIAGS_INIT;
	struct esg_questionnaire *q = NULL;

	assert_int_equal(esg_load_yaml("t.yaml", yaml, strlen(yaml), &q, &d),
	    ESG_EINPUT);
	assert_null(q);
	diags_text(&d, &b);
	esg_diags_release(&d);
	return esg_buf_str(&b);
}

#define assert_contains(hay, needle) do {				\
	const char *h_ = (hay), *n_ = (needle);				\
	if (strstr(h_, n_) == NULL)					\
		fail_msg("'%s' not found in:\n%s", n_, h_);		\
} while (0)

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-9)

#endif
