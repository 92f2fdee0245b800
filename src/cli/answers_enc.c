/*
 * Windows-1252 answers files edited in place; see answers_enc.h.
 */
#include "answers_enc.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/decode.h"
#include "esgdiag/xalloc.h"

#define CP1252 "WINDOWS-1252"

long
answers_mem_read(void *ctx, char *buf, size_t n)
{
	struct answers_mem *m = ctx;

	if (n > m->n - m->pos)
		n = m->n - m->pos;
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	return (long)n;
}

/* Converts s[0..n) with iconv into out; -1 on any byte it cannot convert. */
static int
convert(const char *to, const char *from, const char *s, size_t n,
    struct esg_buf *out)
{
	iconv_t cd = iconv_open(to, from);
	char *in = (char *)s, chunk[4096];
	size_t il = n;
	int rc = 0;

	if (cd == (iconv_t)-1)
		return -1;
	while (il > 0 && rc == 0) {
		char *op = chunk;
		size_t ol = sizeof chunk;

		if (iconv(cd, &in, &il, &op, &ol) == (size_t)-1 && op == chunk)
			rc = -1;
		esg_buf_add(out, chunk, (size_t)(op - chunk));
	}
	iconv_close(cd);
	return rc;
}

/* The file decoded as score decodes it; the encoding found, or NULL. */
static const char *
decode(const char *raw, size_t len, struct esg_buf *out)
{
	struct answers_mem m = { raw, len, 0 };
	struct esg_decoder *d = esg_decoder_new(answers_mem_read, &m, NULL);
	const char *from;
	char chunk[4096];
	long k;

	while ((k = esg_decoder_read(d, chunk, sizeof chunk)) > 0)
		esg_buf_add(out, chunk, (size_t)k);
	from = esg_decoder_converted(d);
	esg_decoder_free(d);
	return from != NULL && strcmp(from, CP1252) == 0 ? CP1252 : from;
}

int
answers_enc_read(const char *path, char **raw, size_t *len, const char **enc)
{
	struct esg_buf u = ESG_BUF_INIT, back = ESG_BUF_INIT;
	const char *from = decode(*raw, *len, &u);
	bool same = false;

	*enc = NULL;
	if (from != NULL && strcmp(from, CP1252) == 0 &&
	    convert(CP1252, "UTF-8", u.data, u.len, &back) == 0)
		same = back.len == *len && memcmp(back.data, *raw, *len) == 0;
	esg_buf_release(&back);
	if (from == NULL || !same) {
		esg_buf_release(&u);
		if (from == NULL)
			return EXIT_OK;
		return cli_error(EXIT_INPUT, _("'%s' is not in UTF-8 and cannot "
		    "be edited in place without changing some of its bytes; "
		    "the file is left unchanged. Convert it first, e.g. "
		    "iconv -f %s -t UTF-8 '%s' > answers-utf8.csv"), path,
		    from, path);
	}
	fprintf(stderr, _("%s: not UTF-8; read as %s, and the answers are "
	    "written back in %s\n"), path, from, from);
	free(*raw);
	*len = u.len;
	*raw = esg_xstrndup(esg_buf_str(&u), u.len);
	esg_buf_release(&u);
	*enc = CP1252;
	return EXIT_OK;
}

bool
answers_enc_fits(const char *enc, const char *s)
{
	struct esg_buf out = ESG_BUF_INIT;
	bool ok = enc == NULL || convert(enc, "UTF-8", s, strlen(s), &out) == 0;

	esg_buf_release(&out);
	return ok;
}

int
answers_enc_write(const char *enc, struct esg_buf *b)
{
	struct esg_buf out = ESG_BUF_INIT;
	int rc = 0;

	if (enc == NULL)
		return 0;
	if ((rc = convert(enc, "UTF-8", b->data, b->len, &out)) == 0) {
		esg_buf_reset(b);
		esg_buf_add(b, out.data, out.len);
	}
	esg_buf_release(&out);
	return rc;
}
