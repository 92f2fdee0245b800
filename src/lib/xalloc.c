/*
 * Allocation wrappers that die on exhaustion.  This is the one place in the
 * library allowed to end the process, because there is no sensible way to
 * continue without memory.
 */
#include "esgdiag/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void
esg_oom(void)
{
	static const char msg[] = "esgdiag: out of memory\n";

	/* write(2), not stdio: stdio may itself need memory. */
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		abort();
	abort();
}

void *
esg_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		esg_oom();
	return p;
}

void *
esg_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		esg_oom();
	return p;
}

void *
esg_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		esg_oom();
	return q;
}

void *
esg_xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		esg_oom();
	return esg_xrealloc(p, nmemb * size);
}

char *
esg_xstrndup(const char *s, size_t n)
{
	char *p = esg_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
esg_xstrdup(const char *s)
{
	return esg_xstrndup(s, strlen(s));
}
