/*
 * Diagnostics: located messages about bad input.  A library function that
 * finds many problems (a questionnaire with ten typos, a survey with a bad
 * cell on every row) reports every one of them here and keeps going; the
 * caller decides whether they are printed as they come (a sink) or kept
 * (tests).  The format is GCC's: FILE:LINE:COL: error: message.
 */
#ifndef ESG_DIAG_H
#define ESG_DIAG_H

#include <stddef.h>

struct esg_buf;

/* Outcomes of library calls; the values are the CLI's exit statuses. */
enum esg_status {
	ESG_OK = 0,
	ESG_EINPUT = 3,		/* invalid questionnaire or answers */
	ESG_EIO = 4,		/* cannot read or write */
};

enum esg_severity { ESG_SEV_ERROR, ESG_SEV_WARNING, ESG_SEV_NOTE };

struct esg_diag {
	const char *file;	/* borrowed from the caller of the reporter */
	unsigned line, col;	/* 1-based; 0 when not known */
	enum esg_severity sev;
	char *msg;		/* owned by the esg_diags that holds it */
};

struct esg_diags {
	/* When set, each diagnostic goes to sink and is not kept. */
	void (*sink)(void *ctx, const struct esg_diag *d);
	void *ctx;
	size_t nerrors, nwarnings;
	struct esg_diag *v;	/* kept diagnostics, when sink is NULL */
	size_t n, cap;
};

#define ESG_DIAGS_INIT { NULL, NULL, 0, 0, NULL, 0, 0 }

void esg_diag_add(struct esg_diags *d, enum esg_severity sev,
    const char *file, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Appends "file:line:col: error: msg" (parts that are 0 or NULL left out). */
void esg_diag_format(struct esg_buf *b, const struct esg_diag *d);
void esg_diags_release(struct esg_diags *d);

#endif
