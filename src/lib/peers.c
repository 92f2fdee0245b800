/*
 * Which published group a respondent belongs to, and where its score falls
 * within that group's quartiles; see peers.h.  Loading is in peers_load.c,
 * rendering in peers_render.c and peers_html.c.
 */
#include "esgdiag/peers.h"

#include <math.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"

/*
 * The group aggregate.c would have put r in: the null group without a
 * value, the band holding the number, else the key as the cell is written.
 */
static const struct esg_peer_group *
find_group(const struct esg_peers *p, const struct esg_result *r, bool has,
    const char *key)
{
	double x = r->ans->a[p->by].num;

	for (size_t i = 0; i < p->ngroups; i++) {
		const struct esg_peer_group *g = &p->groups[i];

		if (!has ? g->key == NULL : g->key == NULL ? false :
		    g->band ? g->lo <= x && x < g->hi : strcmp(g->key, key) == 0)
			return g;
	}
	return NULL;
}

void
esg_peers_match(const struct esg_peers *p, const struct esg_result *r,
    struct esg_peer_match *m, struct esg_buf *key_buf)
{
	const struct esg_answer *a;
	const struct esg_peer_group *g;

	esg_buf_reset(key_buf);
	m->has_key = false;
	m->key = "";
	m->g = &p->all;
	m->why = ESG_PEER_NO_GROUPS;
	if (p->by == ESG_NONE)
		return;
	a = &r->ans->a[p->by];
	m->has_key = a->state == ESG_A_VALUE && r->when[p->by] == 1;
	if (m->has_key)
		esg_cell_format(key_buf, &p->q->fields[p->by], a);
	g = find_group(p, r, m->has_key, esg_buf_str(key_buf));
	if (g != NULL && g->band) {
		esg_buf_reset(key_buf);
		esg_buf_puts(key_buf, g->key);
	}
	m->key = esg_buf_str(key_buf);
	m->why = g == NULL ? ESG_PEER_MISSING : g->usable ? ESG_PEER_OWN :
	    ESG_PEER_SUPPRESSED;
	if (g != NULL && g->usable)
		m->g = g;
}

/* Hundredths, so that equal published numbers compare equal. */
static long
cents(double x)
{
	return lround(esg_round2(x) * 100);
}

enum esg_peer_pos
esg_peer_position(const struct esg_peer_stats *s, double score)
{
	long x, q1, med, q3;

	if (s == NULL || s->n == 0 || esg_score_is_null(score))
		return ESG_PEER_NONE;
	x = cents(score);
	q1 = cents(s->q1);
	med = cents(s->median);
	q3 = cents(s->q3);
	if (x == med)
		return ESG_PEER_MEDIAN;
	if (x < med)
		return x < q1 ? ESG_PEER_BELOW_Q1 : ESG_PEER_Q1_MEDIAN;
	return x > q3 ? ESG_PEER_ABOVE_Q3 : ESG_PEER_MEDIAN_Q3;
}

const char *
esg_peer_pos_name(enum esg_peer_pos pos)
{
	static const char *const names[] = { "below_q1", "q1_median", "median",
	    "median_q3", "above_q3" };

	return pos == ESG_PEER_NONE ? NULL : names[pos];
}
