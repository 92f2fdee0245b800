/*
 * Private to the peers renderers (peers_render.c, peers_html.c): the
 * pieces every format shows in its own way.
 */
#ifndef ESG_PEERS_IMPL_H
#define ESG_PEERS_IMPL_H

#include "esgdiag/peers.h"

/* A respondent matched against the observatory, for one rendering. */
struct peer_view {
	const struct esg_peers *p;
	const struct esg_result *r;
	struct esg_peer_match m;
	struct esg_buf *key;		/* holds m.key */
	size_t ncols;			/* overall, pillars, sections */
	const struct esg_render_opts *o;	/* numbers the French way or not */
};

void esg_peers_view_init(struct peer_view *v, const struct esg_render_opts *o,
    const struct esg_result *r, struct esg_buf *key);
/* Column c: 0 overall, then pillars, then sections. */
const char *esg_peers_col_label(const struct esg_questionnaire *q, size_t c);
double esg_peers_col_score(const struct esg_result *r, size_t c);
/* The statistics column c is compared with, or NULL when none is usable. */
const struct esg_peer_stats *esg_peers_col_stats(const struct peer_view *v,
    size_t c);
/* Which group the respondent is compared with, and why, in a sentence. */
void esg_peers_describe(struct esg_buf *b, const struct peer_view *v);
/* "above the median of the group “X”, in the top quarter". */
void esg_peers_sentence(struct esg_buf *b, const struct peer_view *v,
    enum esg_peer_pos pos);
/* One row of the tables: column c's numbers as text, none where absent. */
struct peer_cells {
	const char *label;
	bool section;		/* a section row, shown under the pillars */
	/* n: up to 20 digits and 6 three-byte group separators (U+202F). */
	char score[32], n[48], q1[32], median[32], q3[32];
	enum esg_peer_pos pos;
};

void esg_peers_cells(const struct peer_view *v, size_t c,
    struct peer_cells *out, const char *none);
/* The sentence for the overall score, as a full sentence. */
void esg_peers_overall(struct esg_buf *b, const struct peer_view *v);
/* "top quarter": the position in a table cell. */
const char *esg_peers_pos_short(enum esg_peer_pos pos);

#endif
