/*
 * Allocation that never returns NULL.  Running out of memory is not an
 * error path a diagnostic tool can recover from (as in tmux and jq): these
 * functions print one line and abort the process instead.
 */
#ifndef ESG_XALLOC_H
#define ESG_XALLOC_H

#include <stddef.h>

void *esg_xmalloc(size_t n);
void *esg_xcalloc(size_t nmemb, size_t size);
void *esg_xrealloc(void *p, size_t n);
/* Grows an array of nmemb elements of size bytes; checks the product. */
void *esg_xreallocarray(void *p, size_t nmemb, size_t size);
char *esg_xstrdup(const char *s);
char *esg_xstrndup(const char *s, size_t n);
/* Prints "out of memory" and aborts: for sizes no allocation could meet. */
_Noreturn void esg_oom(void);

#endif
