/*
 * The set of respondent ids; see idset.h.
 */
#include "esgdiag/idset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/xalloc.h"

enum { TAIL = 1024, SLOTS = 2 * TAIL };

struct esg_idset {
	uint64_t *v;		/* [0, sorted) sorted, then the tail */
	size_t sorted, n, cap;
	uint64_t slot[SLOTS];	/* the tail's hashes; 0: free */
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	/* splitmix64's finaliser spreads FNV's weak low bits. */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9u;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebu;
	h ^= h >> 31;
	return h ? h : 1;	/* 0 marks a free slot */
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static bool
in_sorted(const struct esg_idset *set, uint64_t h)
{
	size_t lo = 0, hi = set->sorted;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (set->v[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < set->sorted && set->v[lo] == h;
}

/* Merges the sorted tail into the sorted part, from the back, in place. */
static void
merge_tail(struct esg_idset *set)
{
	size_t nt = set->n - set->sorted, i = set->sorted, j = nt, k = set->n;
	uint64_t *tail = esg_xmalloc(nt * sizeof *tail);

	qsort(set->v + set->sorted, nt, sizeof *set->v, cmp_u64);
	memcpy(tail, set->v + set->sorted, nt * sizeof *tail);
	while (j > 0) {
		if (i > 0 && set->v[i - 1] > tail[j - 1])
			set->v[--k] = set->v[--i];
		else
			set->v[--k] = tail[--j];
	}
	free(tail);
	set->sorted = set->n;
	memset(set->slot, 0, sizeof set->slot);
}

/* Adds h to the tail's table; false if it was already there. */
static bool
tail_add(struct esg_idset *set, uint64_t h)
{
	size_t i = (size_t)h & (SLOTS - 1);

	for (; set->slot[i] != 0; i = (i + 1) & (SLOTS - 1))
		if (set->slot[i] == h)
			return false;
	set->slot[i] = h;
	return true;
}

struct esg_idset *
esg_idset_new(void)
{
	return esg_xcalloc(1, sizeof(struct esg_idset));
}

void
esg_idset_free(struct esg_idset *s)
{
	if (s == NULL)
		return;
	free(s->v);
	free(s);
}

bool
esg_idset_add(struct esg_idset *set, const char *id)
{
	uint64_t h = hash(id);

	if (in_sorted(set, h) || !tail_add(set, h))
		return false;
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 4096;
		set->v = esg_xreallocarray(set->v, set->cap, sizeof *set->v);
	}
	set->v[set->n++] = h;
	if (set->n - set->sorted >= TAIL)
		merge_tail(set);
	return true;
}
