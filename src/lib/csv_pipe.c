/*
 * The reader's second thread (see csv_pipe.h).  Parsing with libcsv costs
 * about as much as validating, scoring and rendering a respondent, so on
 * two cores the two overlap.  Records are copied into batches of
 * BATCH_RECORDS so that the threads meet once a batch, not once a record;
 * QUEUE_SLOTS batches bound the memory (a few hundred kilobytes).  The
 * consumer keeps the batch it reads from until its next call, so the
 * records it hands out stay valid as long as esg_csv_next promises.
 */
#include "csv_pipe.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/xalloc.h"

enum { BATCH_RECORDS = 128, QUEUE_SLOTS = 4 };

struct prec {
	size_t first, n;		/* its fields in the batch's field array */
	unsigned line;
	const char *malformed;
};

struct batch {
	char *bytes;			/* field texts, each NUL-terminated */
	size_t len, cap;
	size_t *off;			/* start of each field in bytes */
	size_t *flen;
	size_t nf, fcap;
	struct prec rec[BATCH_RECORDS];
	size_t nrec;
	bool last;			/* the stream ends after these records */
	int end;			/* what ended it */
	int err;			/* errno of a read error */
};

struct esg_csv_pipe {
	esg_csv_next_fn next;
	void *ctx;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t can_put, can_get;
	struct batch slot[QUEUE_SLOTS];
	size_t head, count;		/* filled batches, the oldest at head */
	bool stop;
	struct batch *cur;		/* the consumer's, still counted */
	size_t at;
	struct esg_csv_field *fields;
	size_t fieldcap;
};

static void
add_record(struct batch *b, const struct esg_csv_rec *rec)
{
	struct prec *pr = &b->rec[b->nrec++];
	const char *base = rec->n > 0 ? rec->f[0].p : "";
	size_t size = rec->n > 0 ?
	    (size_t)(rec->f[rec->n - 1].p - base) + rec->f[rec->n - 1].n + 1 : 0;

	pr->first = b->nf;
	pr->n = rec->n;
	pr->line = rec->line;
	pr->malformed = rec->malformed;
	if (b->fcap - b->nf < rec->n) {
		while (b->fcap - b->nf < rec->n)
			b->fcap = b->fcap ? b->fcap * 2 : 1024;
		b->off = esg_xreallocarray(b->off, b->fcap, sizeof *b->off);
		b->flen = esg_xreallocarray(b->flen, b->fcap, sizeof *b->flen);
	}
	if (b->cap - b->len < size) {
		while (b->cap - b->len < size)
			b->cap = b->cap ? b->cap * 2 : 65536;
		b->bytes = esg_xrealloc(b->bytes, b->cap);
	}
	memcpy(b->bytes + b->len, base, size);
	for (size_t i = 0; i < rec->n; i++) {
		b->off[b->nf] = b->len + (size_t)(rec->f[i].p - base);
		b->flen[b->nf++] = rec->f[i].n;
	}
	b->len += size;
}

/* Fills b with up to BATCH_RECORDS records; false once the stream ended. */
static bool
fill_batch(struct esg_csv_pipe *p, struct batch *b)
{
	struct esg_csv_rec rec;

	b->len = b->nf = b->nrec = 0;
	b->last = false;
	while (b->nrec < BATCH_RECORDS) {
		int rc = p->next(p->ctx, &rec);

		if (rc != 1) {
			b->last = true;
			b->end = rc;
			b->err = errno;
			return false;
		}
		add_record(b, &rec);
	}
	return true;
}

static void *
producer(void *arg)
{
	struct esg_csv_pipe *p = arg;
	bool more = true;

	while (more) {
		struct batch *b;

		pthread_mutex_lock(&p->mu);
		while (p->count == QUEUE_SLOTS && !p->stop)
			pthread_cond_wait(&p->can_put, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		b = &p->slot[(p->head + p->count) % QUEUE_SLOTS];
		pthread_mutex_unlock(&p->mu);
		more = fill_batch(p, b);
		pthread_mutex_lock(&p->mu);
		p->count++;
		pthread_cond_signal(&p->can_get);
		pthread_mutex_unlock(&p->mu);
	}
	return NULL;
}

struct esg_csv_pipe *
esg_csv_pipe_start(esg_csv_next_fn next, void *ctx)
{
	struct esg_csv_pipe *p = esg_xcalloc(1, sizeof *p);

	p->next = next;
	p->ctx = ctx;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->can_put, NULL);
	pthread_cond_init(&p->can_get, NULL);
	if (pthread_create(&p->thread, NULL, producer, p) != 0) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->can_put);
		pthread_cond_destroy(&p->can_get);
		free(p);
		return NULL;
	}
	return p;
}

/* Hands the batch read back to the producer and waits for the next one. */
static void
take_batch(struct esg_csv_pipe *p)
{
	pthread_mutex_lock(&p->mu);
	if (p->cur != NULL) {
		p->head = (p->head + 1) % QUEUE_SLOTS;
		p->count--;
		pthread_cond_signal(&p->can_put);
	}
	while (p->count == 0)
		pthread_cond_wait(&p->can_get, &p->mu);
	p->cur = &p->slot[p->head];
	p->at = 0;
	pthread_mutex_unlock(&p->mu);
}

int
esg_csv_pipe_next(struct esg_csv_pipe *p, struct esg_csv_rec *rec)
{
	const struct prec *pr;
	const struct batch *b;

	if (p->cur == NULL || (p->at == p->cur->nrec && !p->cur->last))
		take_batch(p);
	b = p->cur;
	if (p->at == b->nrec) {
		errno = b->err;
		return b->end;
	}
	pr = &b->rec[p->at++];
	if (p->fieldcap < pr->n) {
		p->fieldcap = pr->n;
		p->fields = esg_xreallocarray(p->fields, p->fieldcap,
		    sizeof *p->fields);
	}
	for (size_t i = 0; i < pr->n; i++) {
		p->fields[i].p = b->bytes + b->off[pr->first + i];
		p->fields[i].n = b->flen[pr->first + i];
	}
	rec->f = p->fields;
	rec->n = pr->n;
	rec->line = pr->line;
	rec->malformed = pr->malformed;
	return 1;
}

void
esg_csv_pipe_free(struct esg_csv_pipe *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_signal(&p->can_put);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	for (size_t i = 0; i < QUEUE_SLOTS; i++) {
		free(p->slot[i].bytes);
		free(p->slot[i].off);
		free(p->slot[i].flen);
	}
	free(p->fields);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->can_put);
	pthread_cond_destroy(&p->can_get);
	free(p);
}
