/*
 * The encoding layer in front of the CSV reader (SPEC §4): whatever the
 * file's encoding, the reader is given UTF-8.  It sits between a byte
 * source and esg_csv_new(), as an esg_read_fn, so the tokenizer never
 * learns about encodings.
 *
 * Without a forced encoding: a UTF-16 byte order mark means UTF-16; else
 * bytes pass through until the first one that is not ASCII.  If that byte
 * and the rest of what has been read hold a malformed UTF-8 sequence and no
 * well-formed multi-byte one, the file is Windows-1252 (French Excel's
 * "CSV (séparateur : point-virgule)") and is converted from there on;
 * otherwise it is UTF-8.  In a converted Windows-1252 file, a well-formed
 * UTF-8 multi-byte sequence means the file mixes encodings: it is passed on
 * behind a byte that is never valid UTF-8, so that its row is reported by
 * the reader's cell check instead of being read as mojibake.
 */
#ifndef ESG_DECODE_H
#define ESG_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "esgdiag/csv.h"

struct esg_decoder;

/*
 * A decoder reading raw bytes through rd/ctx.  forced is an iconv encoding
 * name to convert from ("UTF-8" passes through), or NULL to detect.
 * Returns NULL when iconv does not know forced.
 */
struct esg_decoder *esg_decoder_new(esg_read_fn rd, void *ctx, const char *forced);
void esg_decoder_free(struct esg_decoder *d);
/*
 * Reads ahead (up to 64 KiB) so that the encoding is known before the
 * first esg_decoder_read() when the file's first non-ASCII byte is in it.
 * Optional.  Returns 0, or -1 on a read error.
 */
int esg_decoder_start(struct esg_decoder *d);
/* The esg_read_fn giving UTF-8; ctx is the decoder. */
long esg_decoder_read(void *ctx, char *buf, size_t n);
/*
 * The encoding the input was converted from, once known ("WINDOWS-1252",
 * "UTF-16", or the forced name), or NULL while it is read as UTF-8.
 */
const char *esg_decoder_converted(const struct esg_decoder *d);
/* Whether the encoding was detected rather than forced. */
bool esg_decoder_detected(const struct esg_decoder *d);

#endif
