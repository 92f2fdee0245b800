/*
 * Growable NUL-terminated text buffer; see buf.h.
 */
#include "esgdiag/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c_locale.h"
#include "esgdiag/xalloc.h"

void
esg_buf_grow(struct esg_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (need < b->len)
		need = (size_t)-1;	/* overflow: let xrealloc fail */
	b->cap = b->cap ? b->cap : 64;
	while (b->cap < need)
		b->cap = b->cap * 2 > b->cap ? b->cap * 2 : need;
	b->data = esg_xrealloc(b->data, b->cap);
}

void
esg_buf_addu(struct esg_buf *b, size_t n)
{
	char tmp[24];
	size_t k = sizeof tmp;

	do {
		tmp[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	esg_buf_add(b, tmp + k, sizeof tmp - k);
}

void
esg_buf_vprintf(struct esg_buf *b, const char *fmt, va_list ap)
{
	struct esg_cloc cl;
	va_list cp;
	int n;

	/* Numbers in "C" syntax whatever the program's locale (c_locale.h). */
	esg_cloc_enter(&cl);
	/* One pass when it fits (the common case), two when it must grow. */
	esg_buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		b->data[b->len] = '\0';
	else if ((size_t)n >= b->cap - b->len) {
		esg_buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	esg_cloc_leave(&cl);
	if (n > 0)
		b->len += (size_t)n;
}

void
esg_buf_printf(struct esg_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
esg_buf_repeat(struct esg_buf *b, const char *s, size_t n)
{
	while (n-- > 0)
		esg_buf_puts(b, s);
}

const char *
esg_buf_str(const struct esg_buf *b)
{
	return b->data ? b->data : "";
}

void
esg_buf_reset(struct esg_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
esg_buf_release(struct esg_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
