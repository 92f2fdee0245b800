/*
 * A growable text buffer (git's strbuf, curl's dynbuf).  Renderers append
 * to one and the caller decides where the bytes go, so renderers do no I/O
 * and unit tests compare strings.  The contents are always NUL-terminated.
 */
#ifndef ESG_BUF_H
#define ESG_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct esg_buf {
	char *data;		/* owned; NULL until the first append */
	size_t len, cap;
};

#define ESG_BUF_INIT { NULL, 0, 0 }

void esg_buf_add(struct esg_buf *b, const void *p, size_t n);
/* Appends n in decimal digits (no printf: renderers call it per row). */
void esg_buf_addu(struct esg_buf *b, size_t n);
void esg_buf_puts(struct esg_buf *b, const char *s);
void esg_buf_putc(struct esg_buf *b, char c);
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
