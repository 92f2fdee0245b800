/*
 * Parsed cells remembered per column (see cell_memo.h): one small
 * open-addressing table per column, made at the column's first answer and
 * doubled as it fills.
 */
#include "cell_memo.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/answers.h"
#include "esgdiag/arena.h"
#include "esgdiag/xalloc.h"

enum { FIRST_SLOTS = 16 };

struct memo_slot {
	uint64_t hash;
	const char *key;	/* in the memo's arena; NULL: the slot is free */
	size_t len;
	struct esg_answer a;
};

/* At most half full, so that a probe ends quickly. */
struct memo_table {
	struct memo_slot *slot;
	size_t size, n;		/* size: a power of two */
	size_t lookups, hits;
	bool off;		/* a column of free values: no longer looked up */
};

struct esg_memo {
	struct memo_table *col;
	size_t ncols;
	struct esg_arena keys;		/* keys and copies of sel */
	size_t slot_bytes;		/* of all the tables' slots */
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
		free(m->col[i].slot);
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
	size_t mask = t->size - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		const struct memo_slot *s = &t->slot[i];

		if (s->key == NULL || (s->hash == h && s->len == n &&
		    memcmp(s->key, p, n) == 0))
			return (struct memo_slot *)s;
	}
}

const struct esg_answer *
esg_memo_get(struct esg_memo *m, size_t col, const char *p, size_t n)
{
	struct memo_table *t = col < m->ncols ? &m->col[col] : NULL;
	const struct memo_slot *s;

	if (t == NULL || t->n == 0 || t->off || n > ESG_MEMO_KEY_MAX)
		return NULL;
	t->lookups++;
	s = probe(t, hash_cell(p, n), p, n);
	if (s->key == NULL)
		return NULL;
	t->hits++;
	return &s->a;
}

/* Doubles the table, or makes its first slots. */
static void
grow(struct esg_memo *m, struct memo_table *t)
{
	struct memo_table old = *t;

	t->size = old.size ? old.size * 2 : FIRST_SLOTS;
	t->slot = esg_xcalloc(t->size, sizeof *t->slot);
	m->slot_bytes += (t->size - old.size) * sizeof *t->slot;
	for (size_t i = 0; i < old.size; i++)
		if (old.slot[i].key != NULL)
			*probe(t, old.slot[i].hash, old.slot[i].key,
			    old.slot[i].len) = old.slot[i];
	free(old.slot);
}

/* Whether one more spelling may be kept in t (turning it off if not). */
static bool
room(struct esg_memo *m, struct memo_table *t)
{
	bool must_grow = 2 * (t->n + 1) > t->size;
	size_t more = must_grow ? (t->size ? t->size : FIRST_SLOTS) *
	    sizeof *t->slot : 0;

	if (t->n == ESG_MEMO_KEEP ||
	    m->keys.total + m->slot_bytes + more > ESG_MEMO_BYTES) {
		/* Full, and missing more often than not: free values. */
		t->off = t->hits < t->lookups / 2;
		return false;
	}
	if (must_grow)
		grow(m, t);
	return true;
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
	t = &m->col[col];
	if (!room(m, t))
		return;
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
