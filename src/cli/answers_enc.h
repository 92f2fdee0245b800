/*
 * The encoding of an answers file edited in place (answers_file.h).  A
 * Windows-1252 file, which `score` reads after detecting it, is edited
 * as UTF-8 in memory and written back in Windows-1252: only when the
 * conversion gives back every byte of the file as it was, and only with
 * new text that Windows-1252 can hold; so no byte is ever changed but
 * those of the cells answered.
 */
#ifndef ESG_ANSWERS_ENC_H
#define ESG_ANSWERS_ENC_H

#include <stdbool.h>
#include <stddef.h>

struct esg_buf;

/* A buffer read as a stream, for the library's readers (esg_read_fn). */
struct answers_mem {
	const char *p;
	size_t n, pos;
};
long answers_mem_read(void *ctx, char *buf, size_t n);

/*
 * Makes *raw UTF-8 (it is replaced, and *len with it, when converted);
 * *enc is then the encoding to write back in, else NULL.  Returns an
 * exit status, having said why the file cannot be edited.
 */
int answers_enc_read(const char *path, char **raw, size_t *len,
    const char **enc);
/* Whether the UTF-8 text s can be written in enc (NULL: UTF-8). */
bool answers_enc_fits(const char *enc, const char *s);
/* Converts b from UTF-8 to enc in place; -1 if it cannot. */
int answers_enc_write(const char *enc, struct esg_buf *b);

#endif
