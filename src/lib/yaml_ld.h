/*
 * Private to the YAML loader: the walking state shared by yaml_load.c
 * (document level) and yaml_field.c (questions and profile fields), and the
 * schema helpers of yaml_node.c.  Only these three files, and yaml_words.c
 * (libyaml's messages translated), include <yaml.h>.
 */
#ifndef ESG_YAML_LD_H
#define ESG_YAML_LD_H

#include <stdbool.h>
#include <yaml.h>

#include "esgdiag/cond.h"
#include "esgdiag/diag.h"
#include "esgdiag/model.h"

/* A condition waiting for every field to be known before it is checked. */
struct pending_cond {
	struct esg_cond *cond;
	struct esg_cond_site site;
};

struct ld {
	const char *file;
	yaml_document_t doc;
	struct esg_questionnaire *q;
	struct esg_arena *a;
	struct esg_diags *d;
	size_t visits;
	bool over_budget;
	size_t fields_cap;
	/* `when` of fields[i] is pending[i]; obligations' come after. */
	struct pending_cond *pending;
	size_t npending, pending_cap;
};

void esg_ld_err(struct ld *ld, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Counts a visited node; false (reported once) past the budget. */
bool esg_ld_visit(struct ld *ld);
yaml_node_t *esg_ld_node(struct ld *ld, yaml_node_item_t i);

/*
 * Checks that n is a mapping whose keys are all in keys[0..nkeys), each
 * once, and stores each value node in vals[k] (NULL when absent).  Returns
 * false if n is not a mapping.
 */
bool esg_ld_map(struct ld *ld, yaml_node_t *n, const char *const *keys,
    size_t nkeys, yaml_node_t **vals, const char *what);
/* Reports the key as missing from the mapping n when v is NULL. */
bool esg_ld_need(struct ld *ld, yaml_node_t *n, yaml_node_t *v, const char *key,
    const char *what);
/* The items of a sequence, or NULL (reported) if v is not one. */
yaml_node_item_t *esg_ld_seq(struct ld *ld, yaml_node_t *v, const char *key,
    size_t *count);

/* Scalars, converted by the schema; NULL/false on error (reported). */
const char *esg_ld_str(struct ld *ld, yaml_node_t *v, const char *key);
const char *esg_ld_ident(struct ld *ld, yaml_node_t *v, const char *key);
bool esg_ld_num(struct ld *ld, yaml_node_t *v, const char *key, double *out);
bool esg_ld_int(struct ld *ld, yaml_node_t *v, const char *key, int *out);
bool esg_ld_bool(struct ld *ld, yaml_node_t *v, const char *key, bool *out);
/* A list of strings. */
const char **esg_ld_strlist(struct ld *ld, yaml_node_t *v, const char *key,
    size_t *count);
/* Parses a condition and queues it for checking; NULL on syntax error. */
struct esg_cond *esg_ld_cond(struct ld *ld, yaml_node_t *v, const char *key,
    const char **src);

struct esg_pos esg_ld_pos(const yaml_node_t *n);

/* False (reported) when text nests deeper than ESG_YAML_MAX_DEPTH. */
bool esg_ld_depth_ok(struct ld *ld, const char *text, size_t len);

/* yaml_field.c */
void esg_ld_profile(struct ld *ld, yaml_node_t *v);
void esg_ld_sections(struct ld *ld, yaml_node_t *v);

/* libyaml's message s in the user's language when known, else s. */
const char *esg_yaml_words(const char *s);

#endif
