/*
 * Answers sources (source.h): file -> hash -> encoding layer -> answers
 * reader, set up and torn down in one place for every command.
 */
#include "source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "esgdiag/csv_answers.h"
#include "esgdiag/decode.h"
#include "esgdiag/map.h"
#include "esgdiag/xalloc.h"

struct cli_source {
	struct cli *cli;
	const char *name;
	struct cli_stream raw;
	struct esg_decoder *dec;
	struct esg_reader *r;	/* NULL when the header could not be read */
	int status;		/* of opening */
	bool said;		/* the conversion note is out */
};

bool
cli_source_opt(struct cli_source_opts *o, int c, const char *arg)
{
	switch (c) {
	case OPT_SRC_ID_COLUMN: o->id_column = arg; return true;
	case OPT_SRC_MAP: o->map_path = arg; return true;
	case OPT_SRC_ENCODING: o->encoding = arg; return true;
	default: return false;
	}
}

int
cli_source_setup(struct cli *cli, struct cli_source_opts *o)
{
	struct esg_decoder *d;

	/* An unknown encoding is a usage error, before anything is output. */
	if (o->encoding != NULL) {
		if ((d = esg_decoder_new(NULL, NULL, o->encoding)) == NULL)
			return cli_usage_error(_("--encoding: unknown encoding "
			    "'%s'"), o->encoding);
		esg_decoder_free(d);
	}
	if (o->map_path == NULL || o->map != NULL)
		return EXIT_OK;
	return cli_load_map(cli, o->map_path, &o->map);
}

void
cli_source_opts_release(struct cli_source_opts *o)
{
	esg_map_free((struct esg_map *)o->map);
	o->map = NULL;
}

static const char *
how_text(enum esg_col_how how)
{
	switch (how) {
	case ESG_COL_MAP: return _("by the map");
	case ESG_COL_CODE: return _("LimeSurvey code");
	case ESG_COL_TEXT: return _("question text");
	default: return _("field id");
	}
}

/* --verbose: which field each column feeds, and the columns ignored. */
static void
list_columns(const struct cli_source *s)
{
	struct esg_reader_col c;

	for (size_t i = 0; i < esg_reader_ncolumns(s->r); i++) {
		esg_reader_column(s->r, i, &c);
		if (c.how == ESG_COL_IGNORED)
			fprintf(stderr, _("%s: ignored column '%s'\n"), s->name,
			    c.name);
		else if (c.id)
			fprintf(stderr, _("%s: column '%s' -> respondent id\n"),
			    s->name, c.name);
		else if (c.option)
			fprintf(stderr, _("%s: column '%s' -> %s, option %s (%s)\n"),
			    s->name, c.name, c.field, c.option, how_text(c.how));
		else
			fprintf(stderr, _("%s: column '%s' -> %s%s (%s)\n"),
			    s->name, c.name, c.field, c.note ? ".note" : "",
			    how_text(c.how));
	}
}

/* One line on stderr when the file was not read as UTF-8. */
static void
say_converted(struct cli_source *s)
{
	const char *from = esg_decoder_converted(s->dec);

	if (from != NULL && esg_decoder_detected(s->dec) && !s->said)
		fprintf(stderr, _("%s: not UTF-8; read as %s (--encoding "
		    "chooses another)\n"), s->name, from);
	s->said |= from != NULL;
}

static int
read_error(const struct cli_source *s)
{
	return cli_error(EXIT_IO, _("cannot read '%s': %s"), s->name,
	    strerror(errno));
}

static struct cli_source *
source_new(struct cli *cli, const char *path, bool hash)
{
	struct cli_source *s = esg_xcalloc(1, sizeof *s);
	bool std = strcmp(path, "-") == 0;

	s->cli = cli;
	s->name = std ? _("(standard input)") : path;
	s->raw.fp = std ? stdin : fopen(path, "rb");
	s->raw.hash = hash;
	esg_sha256_init(&s->raw.h);
	return s;
}

int
cli_source_open(struct cli *cli, const struct cli_source_opts *o,
    const char *path, bool hash, struct cli_source **out)
{
	struct cli_source *s = source_new(cli, path, hash);
	enum esg_status st;

	*out = NULL;
	if (s->raw.fp == NULL) {
		int e = errno;

		free(s);
		return cli_error(EXIT_IO, _("cannot open '%s': %s"), path,
		    strerror(e));
	}
	if ((s->dec = esg_decoder_new(cli_stream_read, &s->raw, o->encoding)) == NULL) {
		cli_source_close(s, NULL);
		return cli_usage_error(_("--encoding: unknown encoding '%s'"),
		    o->encoding);
	}
	if (esg_decoder_start(s->dec) == 0)
		say_converted(s);
	s->r = esg_reader_open_mapped(cli->q, s->name, esg_decoder_read, s->dec,
	    o->id_column, o->map, &cli->diags, &st);
	*out = s;
	if (s->r == NULL)
		return s->status = st == ESG_EIO ? read_error(s) : EXIT_INPUT;
	if (cli->verbose)
		list_columns(s);
	return EXIT_OK;
}

int
cli_source_next(struct cli_source *s, struct esg_answers *ans)
{
	return s->r != NULL && esg_reader_next(s->r, ans);
}

const char *const *
cli_source_rejected(const struct cli_source *s, size_t *n)
{
	*n = 0;
	return s->r != NULL ? esg_reader_rejected(s->r, n) : NULL;
}

bool
cli_source_has_id(const struct cli_source *s)
{
	return s->r != NULL && esg_reader_has_id(s->r);
}

const char *
cli_source_name(const struct cli_source *s)
{
	return s->name;
}

int
cli_source_close(struct cli_source *s, char hex[65])
{
	int rc;

	if (s == NULL)
		return EXIT_OK;
	rc = s->status;
	if (s->r != NULL) {
		enum esg_status st = esg_reader_status(s->r);

		if (st == ESG_EIO)
			rc = read_error(s);
		else if (st == ESG_EINPUT && rc == EXIT_OK)
			rc = EXIT_INPUT;
		/* Stops the reader's thread, which calls the decoder (csv.h). */
		esg_reader_free(s->r);
	}
	if (s->dec != NULL)
		say_converted(s);
	if (hex != NULL)
		cli_stream_finish(&s->raw, hex);
	esg_decoder_free(s->dec);
	if (s->raw.fp != stdin)
		fclose(s->raw.fp);
	free(s);
	return rc;
}
