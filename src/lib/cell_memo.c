/*
 * Parsed cells remembered per column (see cell_memo.h): one small
 * open-addressing table per column, made at the column's first answer.
 */
#include "cell_memo.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/arena.h"
#include "esgdiag/xalloc.h"

/* Five eighths of the slots stay free, so that a probe ends quickly. */
enum { MEMO_FULL = ESG_MEMO_SLOTS / 8 * 3 };

struct memo_slot {
	uint64_t hash;
	const char *key;	/* in the memo's arena; NULL: the slot is free */
	size_t len;
	struct esg_answer a;
};

struct memo_table {
	struct memo_slot slot[ESG_MEMO_SLOTS];
	size_t n;
	size_t lookups, hits;
	bool off;		/* a column of free values: no longer looked up */
};

struct esg_memo {
	struct memo_table **col;	/* NULL until the column's first put */
	size_t ncols;
	struct esg_arena keys;		/* keys and copies of sel */
};

struct esg_memo *
esg_memo_new(size_t ncols)
{
	struct esg_memo *m = esg_xcalloc(1, sizeof *m);

	m->col = esg_xcalloc(ncols ? ncols : 1, sizeof *m->col);
	m->ncols = ncols;
	return m;
}

void
esg_memo_free(struct esg_memo *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->ncols; i++)
		free(m->col[i]);
	free(m->col);
	esg_arena_release(&m->keys);
	free(m);
}

static uint64_t
load8(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

static uint64_t
mix(uint64_t h)
{
	h *= UINT64_C(0xbf58476d1ce4e5b9);
	return h ^ (h >> 31);
}

/*
 * A hit must cost little, and cells are short: the first, middle and last
 * eight bytes (overlapping when shorter) and the length.  Cells that agree
 * there only share a slot chain; the key is always compared in full.
 */
static uint64_t
hash_cell(const char *p, size_t n)
{
	uint64_t w = 0;

	if (n >= 8)
		return mix(mix(mix(load8(p) ^ n) ^ load8(p + (n - 8) / 2)) ^
		    load8(p + n - 8));
	for (size_t i = 0; i < n; i++)
		w = w << 8 | (unsigned char)p[i];
	return mix(w ^ (uint64_t)n << 56);
}

/* The slot holding p[0..n), or the free slot where it would go. */
static struct memo_slot *
probe(const struct memo_table *t, uint64_t h, const char *p, size_t n)
{
	size_t i = (size_t)h & (ESG_MEMO_SLOTS - 1);

	for (;; i = (i + 1) & (ESG_MEMO_SLOTS - 1)) {
		const struct memo_slot *s = &t->slot[i];

		if (s->key == NULL || (s->hash == h && s->len == n &&
		    memcmp(s->key, p, n) == 0))
			return (struct memo_slot *)s;
	}
}

const struct esg_answer *
esg_memo_get(struct esg_memo *m, size_t col, const char *p, size_t n)
{
	struct memo_table *t = col < m->ncols ? m->col[col] : NULL;
	const struct memo_slot *s;

	if (t == NULL || t->off || n > ESG_MEMO_KEY_MAX)
		return NULL;
	t->lookups++;
	s = probe(t, hash_cell(p, n), p, n);
	if (s->key == NULL)
		return NULL;
	t->hits++;
	return &s->a;
}

void
esg_memo_put(struct esg_memo *m, size_t col, const char *p, size_t n,
    const struct esg_answer *a, size_t nsel)
{
	struct memo_table *t;
	struct memo_slot *s;
	uint64_t h;

	if (col >= m->ncols || n > ESG_MEMO_KEY_MAX)
		return;
	if (m->col[col] == NULL)
		m->col[col] = esg_xcalloc(1, sizeof *m->col[col]);
	t = m->col[col];
	if (t->n == MEMO_FULL) {
		/* Full, and missing more often than not: free values. */
		t->off = t->hits < t->lookups / 2;
		return;
	}
	h = hash_cell(p, n);
	s = probe(t, h, p, n);
	if (s->key != NULL)
		return;
	/* The key gets a byte more, so that an empty cell's key is not NULL. */
	s->key = esg_arena_strndup(&m->keys, p, n);
	s->hash = h;
	s->len = n;
	s->a = *a;
	s->a.note = NULL;
	s->a.text = NULL;
	s->a.sel = NULL;
	if (a->sel != NULL && nsel > 0) {
		s->a.sel = esg_arena_alloc(&m->keys, nsel);
		memcpy(s->a.sel, a->sel, nsel);
	}
	t->n++;
}
