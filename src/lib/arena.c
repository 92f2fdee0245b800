/*
 * Bump allocation in growing blocks; see arena.h for why.
 */
#include "esgdiag/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/xalloc.h"

struct esg_arena_block {
	struct esg_arena_block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

enum { BLOCK_MIN = 16 * 1024 };

static struct esg_arena_block *
block_new(size_t size)
{
	struct esg_arena_block *b;

	/* The header too must fit: the sum would wrap to a tiny block. */
	if (size > SIZE_MAX - sizeof *b)
		esg_oom();
	b = esg_xmalloc(sizeof *b + size);

	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *
esg_arena_alloc(struct esg_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	struct esg_arena_block *b = a->head;
	size_t need;
	void *p;

	if (n > SIZE_MAX - align)
		esg_oom();		/* rounding up would wrap */
	need = (n + align - 1) & ~(align - 1);
	if (b == NULL || b->size - b->used < need) {
		size_t size = need > BLOCK_MIN ? need : BLOCK_MIN;

		if (b != NULL && b->size * 2 > size && b->size < (1u << 24))
			size = b->size * 2;
		b = block_new(size);
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += need;
	a->total += need;
	memset(p, 0, n);
	return p;
}

void *
esg_arena_array(struct esg_arena *a, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		esg_oom();
	return esg_arena_alloc(a, nmemb * size);
}

char *
esg_arena_strndup(struct esg_arena *a, const char *s, size_t n)
{
	char *p = esg_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
esg_arena_strdup(struct esg_arena *a, const char *s)
{
	return esg_arena_strndup(a, s, strlen(s));
}

void
esg_arena_reset(struct esg_arena *a)
{
	struct esg_arena_block *b = a->head, *next;

	if (b == NULL)
		return;
	/* Keep the newest (largest) block so steady-state use allocates nothing. */
	for (struct esg_arena_block *o = b->next; o != NULL; o = next) {
		next = o->next;
		free(o);
	}
	b->next = NULL;
	b->used = 0;
	a->total = 0;
}

void
esg_arena_release(struct esg_arena *a)
{
	struct esg_arena_block *b = a->head, *next;

	for (; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}
