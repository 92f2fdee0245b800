/*
 * The encoding layer (decode.h): detection on the first non-ASCII byte,
 * conversion with iconv.  A byte iconv cannot convert, and a UTF-8
 * sequence inside a Windows-1252 file, come out as 0xFF, a byte that is
 * never valid UTF-8: the CSV reader then reports the row concerned, which
 * is what SPEC §4 asks of a file mixing encodings.
 */
#include "esgdiag/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/text.h"
#include "esgdiag/xalloc.h"

enum mode { SNIFF, PASS, CONVERT };

enum { DEC_BUF = 65536, DEC_WINDOW = 4096 };

struct esg_decoder {
	esg_read_fn rd;
	void *ctx;
	enum mode mode;
	bool cp1252, detected, eof, started, ioerr;
	const char *from;
	iconv_t cd;
	char in[DEC_BUF];
	size_t pos, len;
};

struct esg_decoder *
esg_decoder_new(esg_read_fn rd, void *ctx, const char *forced)
{
	struct esg_decoder *d = esg_xcalloc(1, sizeof *d);

	d->rd = rd;
	d->ctx = ctx;
	d->cd = (iconv_t)-1;
	d->mode = SNIFF;
	if (forced == NULL)
		return d;
	d->from = forced;
	if (strcmp(forced, "UTF-8") == 0 || strcmp(forced, "utf-8") == 0 ||
	    strcmp(forced, "utf8") == 0) {
		d->mode = PASS;
		d->from = NULL;
		return d;
	}
	if ((d->cd = iconv_open("UTF-8", forced)) == (iconv_t)-1) {
		esg_decoder_free(d);
		return NULL;
	}
	d->mode = CONVERT;
	return d;
}

void
esg_decoder_free(struct esg_decoder *d)
{
	if (d == NULL)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d);
}

const char *
esg_decoder_converted(const struct esg_decoder *d)
{
	return d->mode == CONVERT ? d->from : NULL;
}

bool
esg_decoder_detected(const struct esg_decoder *d)
{
	return d->detected;
}

/* Moves the unread bytes to the front and reads until full or at the end. */
static int
fill(struct esg_decoder *d)
{
	memmove(d->in, d->in + d->pos, d->len - d->pos);
	d->len -= d->pos;
	d->pos = 0;
	while (!d->eof && d->len < sizeof d->in) {
		long k = d->rd(d->ctx, d->in + d->len, sizeof d->in - d->len);

		if (k < 0) {
			d->ioerr = true;
			return -1;
		}
		if (k == 0)
			d->eof = true;
		d->len += (size_t)k;
	}
	return 0;
}

/*
 * Length of the well-formed multi-byte UTF-8 sequence at s, 0 if it is
 * malformed, (size_t)-1 if the n bytes end inside it.
 */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t len = *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc0 ? 2 : 0;

	if (len == 0)
		return 0;
	for (size_t k = 1; k < len && k < n; k++)
		if ((s[k] & 0xc0) != 0x80)
			return 0;
	if (n < len)
		return (size_t)-1;
	return esg_utf8_valid((const char *)s, len, NULL) ? len : 0;
}

/* Windows-1252 when the window holds malformed UTF-8 and no well-formed. */
static bool
looks_cp1252(const unsigned char *s, size_t n)
{
	size_t valid = 0, invalid = 0;

	for (size_t i = 0; i < n;) {
		size_t k;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_seq(s + i, n - i)) == (size_t)-1)
			break;
		if (k == 0) {
			invalid++;
			i++;
		} else {
			valid++;
			i += k;
		}
	}
	return invalid > 0 && valid == 0;
}

static int
start_convert(struct esg_decoder *d, const char *from, bool cp1252)
{
	if ((d->cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
		return -1;
	d->from = from;
	d->cp1252 = cp1252;
	d->detected = true;
	d->mode = CONVERT;
	return 0;
}

/* Chooses the encoding at the first non-ASCII byte, d->in[d->pos]. */
static int
decide(struct esg_decoder *d)
{
	if (d->len - d->pos < DEC_WINDOW && fill(d) != 0)
		return -1;
	if (looks_cp1252((unsigned char *)d->in + d->pos, d->len - d->pos))
		return start_convert(d, "WINDOWS-1252", true);
	d->mode = PASS;
	return 0;
}

static void
check_bom(struct esg_decoder *d)
{
	const unsigned char *s = (const unsigned char *)d->in;

	d->started = true;
	if (d->mode == SNIFF && d->len >= 2 &&
	    ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
		start_convert(d, "UTF-16", false);
}

/* Copies bytes as they are: ASCII while sniffing, anything in PASS mode. */
static long
pass(struct esg_decoder *d, char *buf, size_t n)
{
	size_t k = 0, avail = d->len - d->pos;

	if (d->mode == PASS)
		k = avail < n ? avail : n;
	else
		while (k < avail && k < n && (unsigned char)d->in[d->pos + k] < 0x80)
			k++;
	memcpy(buf, d->in + d->pos, k);
	d->pos += k;
	return (long)k;
}

/* Where the next well-formed UTF-8 sequence starts in a Windows-1252 run. */
static size_t
next_utf8(const struct esg_decoder *d)
{
	const unsigned char *s = (const unsigned char *)d->in;

	for (size_t i = d->pos; i < d->len; i++)
		if (s[i] >= 0x80) {
			size_t k = utf8_seq(s + i, d->len - i);

			if (k != 0 && k != (size_t)-1)
				return i;
		}
	return d->len;
}

/* Emits 0xFF for bytes that cannot be read, skipping skip of them. */
static long
bad_bytes(struct esg_decoder *d, char *buf, size_t skip)
{
	size_t avail = d->len - d->pos;

	buf[0] = (char)0xff;
	d->pos += skip < avail ? skip : avail;
	return 1;
}

static long
convert(struct esg_decoder *d, char *buf, size_t n)
{
	size_t stop = d->cp1252 ? next_utf8(d) : d->len;
	char *ip = d->in + d->pos, *op = buf;
	size_t il = stop - d->pos, ol = n;

	if (stop == d->pos)
		return bad_bytes(d, buf, utf8_seq((unsigned char *)ip, d->len - d->pos));
	if (iconv(d->cd, &ip, &il, &op, &ol) == (size_t)-1 && op == buf) {
		if (errno == EILSEQ || (errno == EINVAL && d->eof))
			return bad_bytes(d, buf, d->cp1252 ? 1 : 2);
		if (errno == EINVAL) {
			d->pos = (size_t)(ip - d->in);
			return fill(d) == 0 ? convert(d, buf, n) : -1;
		}
	}
	d->pos = (size_t)(ip - d->in);
	return (long)(op - buf);
}

int
esg_decoder_start(struct esg_decoder *d)
{
	size_t i;

	if (d->started)
		return 0;
	if (fill(d) != 0)
		return -1;
	check_bom(d);
	for (i = d->pos; d->mode == SNIFF && i < d->len; i++)
		if ((unsigned char)d->in[i] >= 0x80) {
			/* The bytes before pass through unchanged either way. */
			if (looks_cp1252((unsigned char *)d->in + i, d->len - i))
				return start_convert(d, "WINDOWS-1252", true);
			d->mode = PASS;
		}
	return 0;
}

long
esg_decoder_read(void *ctx, char *buf, size_t n)
{
	struct esg_decoder *d = ctx;

	for (;;) {
		if (d->pos == d->len || (d->mode == CONVERT && !d->eof &&
		    d->len - d->pos < 8)) {
			if (fill(d) != 0)
				return -1;
			if (!d->started)
				check_bom(d);
			if (d->pos == d->len)
				return 0;
		}
		if (n == 0)
			return 0;
		if (d->mode == CONVERT)
			return convert(d, buf, n);
		if (d->mode == SNIFF && (unsigned char)d->in[d->pos] >= 0x80) {
			if (decide(d) != 0)
				return -1;
			continue;
		}
		return pass(d, buf, n);
	}
}
