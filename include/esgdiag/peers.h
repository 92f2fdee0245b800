/*
 * Positioning among peers (score --peers): a published observatory, the
 * JSON of a `score --aggregate [--by FIELD[:bands]]` run, is read once;
 * each respondent is then placed within its group (or within all
 * respondents when its group is suppressed or missing) from the group's
 * published quartiles only.  Nothing but the file's statistics and the
 * respondent's own score is used, so positioning reveals nothing the
 * publisher did not publish.  See docs/observatory.md.
 */
#ifndef ESG_PEERS_H
#define ESG_PEERS_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/diag.h"

struct esg_buf;
struct esg_questionnaire;
struct esg_result;
struct esg_render_opts;

/* The largest observatory file read, and how deep its JSON may nest. */
#define ESG_PEERS_MAX_BYTES (64UL << 20)
#define ESG_PEERS_MAX_DEPTH 32

/*
 * Where a score falls, compared at the two decimals published: strictly
 * below q1; from q1 (included) to the median (excluded); equal to the
 * median; above the median up to q3 (included); strictly above q3.  A
 * score equal to a quartile thus counts in the middle half.
 */
enum esg_peer_pos {
	ESG_PEER_NONE = -1,	/* no score, or no statistic to compare with */
	ESG_PEER_BELOW_Q1,
	ESG_PEER_Q1_MEDIAN,
	ESG_PEER_MEDIAN,
	ESG_PEER_MEDIAN_Q3,
	ESG_PEER_ABOVE_Q3,
};

/*
 * A published statistic: n scores, and the rest only when n > 0; min and
 * max are NAN where the publisher left them out.
 */
struct esg_peer_stats {
	size_t n;
	double q1, median, q3, min, max;
};

struct esg_peer_group {
	char *key;		/* NULL: respondents with no value (or "all") */
	size_t n;		/* respondents */
	bool usable;		/* published and at least min_group respondents */
	bool band;		/* key is a band [lo, hi) of a number field */
	double lo, hi;		/* -INFINITY / INFINITY at the open ends */
	struct esg_peer_stats *st;	/* [1 + npillars + nsections], or NULL */
};

struct esg_peers {
	const struct esg_questionnaire *q;	/* borrowed */
	char *name;		/* the file, for messages and the trace */
	char sha256[65];	/* of the file's bytes */
	size_t by;		/* field index, or ESG_NONE without groups */
	size_t min_group;
	struct esg_peer_group *groups;
	size_t ngroups;
	struct esg_peer_group all;
};

/*
 * Reads an observatory (text[0..len), named name in messages) for the
 * questionnaire q, whose id and version it must carry.  Every problem is
 * reported to d with the file's line and column where the JSON parser
 * knows them, else with the path of the value in the document.  On
 * success *out is the caller's, to free with esg_peers_free().
 */
enum esg_status esg_peers_load(const char *name, const char *text, size_t len,
    const struct esg_questionnaire *q, struct esg_peers **out,
    struct esg_diags *d);
void esg_peers_free(struct esg_peers *p);

enum esg_peer_fallback {
	ESG_PEER_OWN,		/* its own group */
	ESG_PEER_NO_GROUPS,	/* the observatory has no groups: all */
	ESG_PEER_SUPPRESSED,	/* its group is too small to be used: all */
	ESG_PEER_MISSING,	/* no such group in the file: all */
};

/* The group a respondent is compared with. */
struct esg_peer_match {
	const struct esg_peer_group *g;	/* borrowed from the esg_peers */
	enum esg_peer_fallback why;
	bool has_key;		/* whether the respondent has a value */
	const char *key;	/* its group key, in key_buf; "" without */
};

/* Finds r's group in p; key_buf holds the key text afterwards. */
void esg_peers_match(const struct esg_peers *p, const struct esg_result *r,
    struct esg_peer_match *m, struct esg_buf *key_buf);
/* Where score falls within s (see enum esg_peer_pos). */
enum esg_peer_pos esg_peer_position(const struct esg_peer_stats *s, double score);
/* The stable name of a position in JSON and CSV ("below_q1"...), or NULL. */
const char *esg_peer_pos_name(enum esg_peer_pos pos);

/* The render hooks, one per format; each does nothing when o->peers is NULL. */
void esg_peers_text(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o);
void esg_peers_markdown(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o);
void esg_peers_html(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n);
/* The respondent's "peers" key, and the file's trace at the top level. */
void esg_peers_json(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o);
void esg_peers_json_trace(struct esg_buf *b, const struct esg_render_opts *o);
void esg_peers_csv_head(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o);
void esg_peers_csv_row(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o);

#endif
