/*
 * Parsed cells remembered per column.  A survey column holds few distinct
 * spellings ("Oui", "Non", "En cours", a handful of numbers) repeated over
 * thousands of rows, and a cell's answer depends only on its column and
 * its bytes; so the reader parses each spelling once and copies the answer
 * for the next row that writes it the same way.  Only answers that parsed
 * without error are remembered, so every bad cell is still reported.
 *
 * Memory is bounded: each column keeps at most ESG_MEMO_KEEP spellings of
 * at most ESG_MEMO_KEY_MAX bytes, and all columns together (keys and
 * tables) take at most ESG_MEMO_BYTES.  A column of free values (populations, budgets)
 * fills its table; if by then fewer than half of its cells were found, it
 * is no longer looked up at all.
 */
#ifndef ESG_CELL_MEMO_H
#define ESG_CELL_MEMO_H

#include <stddef.h>

struct esg_answer;
struct esg_memo;

enum {
	ESG_MEMO_KEEP = 128,
	ESG_MEMO_KEY_MAX = 256,
	ESG_MEMO_BYTES = 4 * 1024 * 1024,
};

/* A memo for ncols columns, all empty. */
struct esg_memo *esg_memo_new(size_t ncols);
void esg_memo_free(struct esg_memo *m);

/*
 * The answer remembered for column col and the cell p[0..n), or NULL.
 * Its sel, when not NULL, is borrowed from the memo: copy it.
 */
const struct esg_answer *esg_memo_get(struct esg_memo *m, size_t col,
    const char *p, size_t n);

/*
 * Remembers a (the answer p[0..n) parsed to, its note ignored) for column
 * col; nsel is the number of flags behind a->sel (0 when it has none).
 * Does nothing when the column is full or the cell too long.
 */
void esg_memo_put(struct esg_memo *m, size_t col, const char *p, size_t n,
    const struct esg_answer *a, size_t nsel);

#endif
