/*
 * Mapping a survey tool's export onto a questionnaire (--map FILE):
 *
 *   columns:            # export column -> field id, ID.note, or id
 *     Q1: type
 *     "Nombre d'habitants": population
 *   values:             # per field: export text -> option value
 *     type:
 *       Communauté de communes: epci
 *   choices:            # one export column per option of a multiple choice
 *     inclusion:
 *       Q7_1: mediation
 *       Q7_2: accueil
 *
 * An option column counts as ticked when its cell is not empty and is not
 * 0, n, no, non or false.  Values are matched like answer cells (trimmed,
 * ignoring case); a value that is not mapped goes through unchanged.
 */
#ifndef ESG_MAP_H
#define ESG_MAP_H

#include <stddef.h>

#include "esgdiag/arena.h"
#include "esgdiag/diag.h"

struct esg_questionnaire;

struct esg_map_column {
	const char *from, *to;
};

struct esg_map_value {
	size_t field;
	const char *from;	/* folded and trimmed */
	const char *to;
};

struct esg_map_part {
	const char *column;
	size_t field, opt;
};

struct esg_map {
	struct esg_arena arena;
	struct esg_map_column *columns;
	size_t ncolumns;
	struct esg_map_value *values;
	size_t nvalues;
	struct esg_map_part *parts;
	size_t nparts;
};

/* Loads and checks a map against q; ESG_OK or ESG_EINPUT (reported to d). */
enum esg_status esg_map_load(const char *name, const char *text, size_t len,
    const struct esg_questionnaire *q, struct esg_map **out, struct esg_diags *d);
void esg_map_free(struct esg_map *m);

#endif
