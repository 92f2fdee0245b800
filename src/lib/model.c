/*
 * Look-ups on the questionnaire model.
 */
#include "esgdiag/model.h"

#include <stdlib.h>
#include <string.h>

#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"

void
esg_questionnaire_free(struct esg_questionnaire *q)
{
	struct esg_arena a;

	if (q == NULL)
		return;
	/* q itself lives in its arena. */
	a = q->arena;
	esg_arena_release(&a);
}

size_t
esg_field_find(const struct esg_questionnaire *q, const char *id)
{
	for (size_t i = 0; i < q->nfields; i++)
		if (strcmp(q->fields[i].id, id) == 0)
			return i;
	return ESG_NONE;
}

size_t
esg_sheet_find(const struct esg_questionnaire *q, const char *id)
{
	for (size_t i = 0; i < q->nsheets; i++)
		if (strcmp(q->sheets[i].id, id) == 0)
			return i;
	return ESG_NONE;
}

bool
esg_field_scored(const struct esg_field *f)
{
	return !f->is_profile && f->type != ESG_QTYPE_TEXT;
}

const char *
esg_level_of(const struct esg_questionnaire *q, double rounded)
{
	const char *label = NULL;

	for (size_t i = 0; i < q->nlevels; i++)
		if (q->levels[i].min <= rounded)
			label = q->levels[i].label;
	return label;
}

/* The nearest candidate, freeing the candidates' array. */
static const char *
nearest_of(const char *word, const char **cands, size_t n)
{
	const char *hint = esg_nearest(word, cands, n);

	free(cands);
	return hint;
}

const char *
esg_field_hint(const struct esg_questionnaire *q, const char *word)
{
	const char **c = esg_xcalloc(q->nfields + 1, sizeof *c);

	for (size_t i = 0; i < q->nfields; i++)
		c[i] = q->fields[i].id;
	return nearest_of(word, c, q->nfields);
}

const char *
esg_option_hint(const struct esg_field *f, const char *word)
{
	const char **c = esg_xcalloc(f->noptions + 1, sizeof *c);

	for (size_t i = 0; i < f->noptions; i++)
		c[i] = f->options[i].value;
	return nearest_of(word, c, f->noptions);
}

const char *
esg_sheet_hint(const struct esg_questionnaire *q, const char *word)
{
	const char **c = esg_xcalloc(q->nsheets + 1, sizeof *c);

	for (size_t i = 0; i < q->nsheets; i++)
		c[i] = q->sheets[i].id;
	return nearest_of(word, c, q->nsheets);
}
