/*
 * A growable text buffer (git's strbuf, curl's dynbuf).  Renderers append
 * to one and the caller decides where the bytes go, so renderers do no I/O
 * and unit tests compare strings.  The contents are always NUL-terminated.
 */
#ifndef ESG_BUF_H
#define ESG_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct esg_buf {
	char *data;		/* owned; NULL until the first append */
	size_t len, cap;
};

#define ESG_BUF_INIT { NULL, 0, 0 }

/* Makes room for n more bytes and the NUL: the appends' slow path. */
void esg_buf_grow(struct esg_buf *b, size_t n);

/*
 * The appends are inline, as git's strbuf_addch: renderers make a hundred
 * of them a respondent, nearly all into room already there, and a call
 * each cost more than the copy.  Inline, esg_buf_puts of a string literal
 * also has its length counted at compile time.
 */
static inline void
esg_buf_add(struct esg_buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n)
		esg_buf_grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
esg_buf_puts(struct esg_buf *b, const char *s)
{
	esg_buf_add(b, s, strlen(s));
}

static inline void
esg_buf_putc(struct esg_buf *b, char c)
{
	esg_buf_add(b, &c, 1);
}

/* Appends n in decimal digits (no printf: renderers call it per row). */
void esg_buf_addu(struct esg_buf *b, size_t n);
/*
 * printf into the buffer, numbers always in the "C" syntax (a dot) whatever
 * the program's locale: every machine format of the library comes through
 * here.  A human format that wants a decimal comma converts explicitly.
 */
void esg_buf_printf(struct esg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void esg_buf_vprintf(struct esg_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Appends c n times (padding). */
void esg_buf_repeat(struct esg_buf *b, const char *s, size_t n);
/* The contents as a string; "" for an empty buffer.  Borrowed. */
const char *esg_buf_str(const struct esg_buf *b);
void esg_buf_reset(struct esg_buf *b);
void esg_buf_release(struct esg_buf *b);

#endif
