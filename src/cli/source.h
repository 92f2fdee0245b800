/*
 * Opening an answers source: the one way every command that reads answers
 * (score, explain, compare, obligations, ask --resume, --fail-on-regression)
 * gets its respondents.  A path or "-", the shared options (--map,
 * --id-column, --encoding), the encoding layer, the SHA-256 of the bytes
 * as read, and the messages that go with them (--verbose's column table,
 * the note that a file was converted) all live here, once.
 */
#ifndef ESG_SOURCE_H
#define ESG_SOURCE_H

#include <stdbool.h>

#include "cmd.h"

struct esg_answers;
struct esg_map;

/* The options of every command that reads answers. */
struct cli_source_opts {
	const char *id_column;	/* --id-column, or NULL for "id" */
	const char *map_path;	/* --map */
	const char *encoding;	/* --encoding, or NULL to detect */
	const struct esg_map *map;	/* owned; loaded by cli_source_setup() */
};

#define CLI_SOURCE_OPTS \
	{ "id-column", required_argument, NULL, OPT_SRC_ID_COLUMN }, \
	{ "map", required_argument, NULL, OPT_SRC_MAP }, \
	{ "encoding", required_argument, NULL, OPT_SRC_ENCODING }

/* Takes option c if it is one of CLI_SOURCE_OPTS; returns whether it was. */
bool cli_source_opt(struct cli_source_opts *o, int c, const char *arg);
/* Loads the map, once the questionnaire is loaded; returns an exit status. */
int cli_source_setup(struct cli *cli, struct cli_source_opts *o);
void cli_source_opts_release(struct cli_source_opts *o);

struct cli_source;

/*
 * Opens path ("-": standard input) and reads its header.  With hash, the
 * SHA-256 of the bytes is computed as they are read.  Returns an exit
 * status (problems reported).  *out is NULL only when the file could not
 * be opened; a file whose header is invalid gives a source with no
 * respondent, whose close returns that status (and still hashes it).
 */
int cli_source_open(struct cli *cli, const struct cli_source_opts *o,
    const char *path, bool hash, struct cli_source **out);
/* The next valid respondent into ans: 1, or 0 at the end. */
int cli_source_next(struct cli_source *s, struct esg_answers *ans);
/* Ids of the rows refused so far, when known (borrowed). */
const char *const *cli_source_rejected(const struct cli_source *s, size_t *n);
/* Whether the file has a respondent id column. */
bool cli_source_has_id(const struct cli_source *s);
/* The name used in messages ("(standard input)" for "-"); borrowed. */
const char *cli_source_name(const struct cli_source *s);
/*
 * Closes the source (NULL is fine) and returns the exit status of the
 * whole read, opening included: invalid input anywhere, or an I/O error.  When hex is
 * not NULL, it receives the SHA-256 of the whole file (or "" without hash).
 */
int cli_source_close(struct cli_source *s, char hex[65]);

#endif
