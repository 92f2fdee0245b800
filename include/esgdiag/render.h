/*
 * Renderers: one table row per output format (curl's writeout table,
 * redis-cli's format functions).  A renderer appends to a buffer and never
 * writes anywhere itself, so the CLI can stream respondents one by one and
 * unit tests can compare strings.
 */
#ifndef ESG_RENDER_H
#define ESG_RENDER_H

#include <stdbool.h>
#include <stddef.h>

struct esg_buf;
struct esg_questionnaire;
struct esg_result;

struct esg_render_opts {
	size_t max_sheets;	/* recommendations shown; SIZE_MAX for all */
	bool verbose;
};

struct esg_renderer {
	const char *name;
	void (*begin)(struct esg_buf *b, const struct esg_questionnaire *q,
	    const struct esg_render_opts *o);
	/* n is the 0-based position of the respondent in the output. */
	void (*respondent)(struct esg_buf *b, const struct esg_result *r,
	    const struct esg_render_opts *o, size_t n);
	void (*end)(struct esg_buf *b, const struct esg_questionnaire *q,
	    const struct esg_render_opts *o, size_t count);
};

const struct esg_renderer *esg_renderer_find(const char *name);
/* Space-separated names of the formats, for usage messages. */
const char *esg_renderer_names(void);

/* JSON pieces shared by the JSON renderers. */
void esg_json_str(struct esg_buf *b, const char *s);
/* A score rounded to 2 decimals as printf("%.2f"), or null. */
void esg_json_score(struct esg_buf *b, double x);
/* A respondent's profile value of field i, as SPEC §6 says. */
void esg_json_profile_value(struct esg_buf *b, const struct esg_result *r,
    size_t i);

/* The number of recommendations a renderer shows. */
size_t esg_render_nrecs(const struct esg_result *r,
    const struct esg_render_opts *o);

#endif
