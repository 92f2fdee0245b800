/*
 * The YAML questionnaire loader (SPEC §3).  It takes text, not a path: the
 * caller does the I/O, which keeps the loader testable and fuzzable.
 */
#ifndef ESG_LOAD_H
#define ESG_LOAD_H

#include <stddef.h>

#include "esgdiag/diag.h"

struct esg_questionnaire;

/* What a questionnaire may cost; larger input is an error, not a hang. */
enum {
	ESG_YAML_MAX_BYTES = 8 * 1024 * 1024,
	ESG_YAML_MAX_VISITS = 1000000,	/* nodes walked, aliases expanded */
	ESG_MAX_FIELDS = 10000,
	ESG_MAX_OPTIONS = 1000,		/* per field, scale range included */
	ESG_YAML_MAX_DEPTH = 64,	/* nested mappings and sequences */
};

/*
 * Loads and validates the questionnaire in text[0..len), naming it `name`
 * in diagnostics (which borrow name: keep it alive while d is used).
 * Reports every problem found to d.  On success *out is a questionnaire
 * the caller frees with esg_questionnaire_free(); text is copied.
 * Returns ESG_OK or ESG_EINPUT.
 */
enum esg_status esg_load_yaml(const char *name, const char *text, size_t len,
    struct esg_questionnaire **out, struct esg_diags *d);

#endif
