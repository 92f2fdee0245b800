/*
 * "Why is my score that?": for one scored respondent, every question with
 * its answer, normalised score, weight, pillar factors and what it adds to
 * its section and pillars; what was excluded and by which condition; and
 * each total written as its formula.  Text for people, JSON for programs.
 */
#ifndef ESG_EXPLAIN_H
#define ESG_EXPLAIN_H

#include <stddef.h>

struct esg_buf;
struct esg_result;

struct esg_render_opts;
/* For people: labels, numbers the French way when o->french, o->width. */
void esg_explain_text(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o);
/* o is unused: a machine format has one form (renderer table's signature). */
void esg_explain_json(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o);

#endif
