/*
 * A bump allocator.  Everything the questionnaire loader builds lives in one
 * arena and is released at once by esg_arena_release(), so the loader never
 * frees node by node (git's mem-pool).  esg_arena_reset() keeps the first
 * block for reuse, which gives per-row scratch memory that stays flat.
 */
#ifndef ESG_ARENA_H
#define ESG_ARENA_H

#include <stddef.h>

struct esg_arena_block;

struct esg_arena {
	struct esg_arena_block *head;
	size_t total;		/* bytes handed out, for limits and tests */
};

#define ESG_ARENA_INIT { NULL, 0 }

/* Zeroed memory aligned for any type; never NULL. */
void *esg_arena_alloc(struct esg_arena *a, size_t n);
void *esg_arena_array(struct esg_arena *a, size_t nmemb, size_t size);
char *esg_arena_strndup(struct esg_arena *a, const char *s, size_t n);
char *esg_arena_strdup(struct esg_arena *a, const char *s);
/* Frees all blocks but the first, which is kept and cleared for reuse. */
void esg_arena_reset(struct esg_arena *a);
void esg_arena_release(struct esg_arena *a);

#endif
