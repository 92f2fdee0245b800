/*
 * A two-stage pipeline for the record reader (internal to src/lib): one
 * thread reads and tokenizes, the caller's thread validates, scores and
 * renders.  Records travel in batches through a bounded queue, in order.
 */
#ifndef ESG_CSV_PIPE_H
#define ESG_CSV_PIPE_H

#include "esgdiag/csv.h"

/*
 * Returns 1 with a record, or anything else to end (see esg_csv_next).
 * A record's fields lie in order in one buffer, each followed by its NUL,
 * so that the whole record is copied at once.
 */
typedef int (*esg_csv_next_fn)(void *ctx, struct esg_csv_rec *rec);

struct esg_csv_pipe;

/*
 * Starts a thread calling next(ctx) until it returns other than 1.  From
 * then on ctx belongs to that thread until esg_csv_pipe_free() returns.
 * NULL when no thread can be started (the caller reads on by itself).
 */
struct esg_csv_pipe *esg_csv_pipe_start(esg_csv_next_fn next, void *ctx);
/*
 * The next record, as next() returned it (valid until the next call), or
 * the value that ended the stream, again at every later call; errno is
 * that of the reading thread when it is -2.
 */
int esg_csv_pipe_next(struct esg_csv_pipe *p, struct esg_csv_rec *rec);
/* Stops the thread at its next record, waits for it, frees everything. */
void esg_csv_pipe_free(struct esg_csv_pipe *p);

#endif
