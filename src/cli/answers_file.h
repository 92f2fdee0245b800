/*
 * The answers file that `ask` edits: one respondent's row in a CSV file
 * that may hold others, columns the questionnaire does not know, another
 * delimiter, a BOM or CRLF line ends.  Only that row changes (and only the
 * cells whose answer or note changed); every other byte is kept.  A column
 * the answers need and the header lacks (a note, a question of a newer
 * questionnaire) is added at the end of the header, and the other rows get
 * an empty cell for it and nothing else.
 *
 * The file is read with the library's readers (csv.h for the records,
 * csv_answers.h for the columns and the respondent's answers); each record
 * is then checked to be exactly the bytes of the file, so that the bytes
 * kept are known to be the right ones.  A file for which that check fails
 * is refused (status 3) rather than rewritten in some other form.
 */
#ifndef ESG_ANSWERS_FILE_H
#define ESG_ANSWERS_FILE_H

#include <stdbool.h>
#include <stddef.h>

struct cli;
struct esg_answers;
struct esg_buf;
struct esg_questionnaire;
struct answers_file;

/*
 * Reads path and the answers of one respondent into ans (initialised for
 * q): the one whose id is id, else the only one.  With an id that the file
 * does not hold, and an id column, a new row is added for it; so it is
 * for a file with a header and no row.  Problems are reported; returns an
 * exit status.  *id_out: the respondent's id (borrowed from *out).
 */
int answers_file_open(struct cli *cli, const char *path, const char *id,
    struct esg_answers *ans, struct answers_file **out, const char **id_out);
/* A new file for one respondent (with an id column when id is set). */
struct answers_file *answers_file_new(const struct esg_questionnaire *q,
    const char *id);
/* Field i's answer, or its note, changed: its cell is written anew. */
void answers_file_touch(struct answers_file *f, size_t field, bool note);
/*
 * Appends the whole file as it is to be saved, in the file's encoding
 * (answers_enc.h); -1 if some new text cannot be written in it.
 */
int answers_file_render(const struct answers_file *f,
    const struct esg_answers *ans, struct esg_buf *out);
/* Whether the UTF-8 text s can be written in the file's encoding. */
bool answers_file_fits(const struct answers_file *f, const char *s);
void answers_file_free(struct answers_file *f);

#endif
