/*
 * Look-ups on the questionnaire model.
 */
#include "esgdiag/model.h"

#include <stdlib.h>
#include <string.h>

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
