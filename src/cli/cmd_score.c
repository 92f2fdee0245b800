/*
 * esgdiag score: reads answers files row by row, scores each respondent
 * and streams the chosen format out.  Bad rows are reported and skipped;
 * the valid ones are still output, and the exit status says 3.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/hash.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"

enum { OPT_SHEETS = OPT_CMD, OPT_ID_COLUMN };

struct score_run {
	struct cli *cli;
	const struct esg_renderer *renderer;
	struct esg_render_opts opts;
	const char *id_column;
	struct esg_result *result;
	struct esg_answers answers;
	struct esg_buf buf;
	size_t count;
	struct esg_input *inputs;	/* one per file, hashed as read */
};

/* An answers file being read: the bytes also feed its SHA-256. */
struct stream {
	FILE *fp;
	struct esg_sha256 h;
};

static long
read_stream(void *ctx, char *buf, size_t n)
{
	struct stream *s = ctx;
	size_t k = fread(buf, 1, n, s->fp);

	if (k == 0 && ferror(s->fp))
		return -1;
	esg_sha256_update(&s->h, buf, k);
	return (long)k;
}

static int
worse(int a, int b)
{
	return a > b ? a : b;
}

static void
list_ignored(const struct esg_reader *r, const char *name)
{
	size_t n;
	const char *const *cols = esg_reader_ignored(r, &n);

	for (size_t i = 0; i < n; i++)
		fprintf(stderr, _("%s: ignored column '%s'\n"), name, cols[i]);
}

static int
score_stream(struct score_run *run, struct stream *sm, const char *name)
{
	enum esg_status st;
	struct esg_reader *r = esg_reader_open(run->cli->q, name, read_stream,
	    sm, run->id_column, &run->cli->diags, &st);
	int rc = EXIT_OK;

	if (r == NULL)
		return st == ESG_EIO ? cli_error(EXIT_IO, _("cannot read '%s': %s"),
		    name, strerror(errno)) : EXIT_INPUT;
	if (run->cli->verbose)
		list_ignored(r, name);
	while (rc == EXIT_OK && esg_reader_next(r, &run->answers)) {
		esg_score(run->result, &run->answers);
		run->renderer->respondent(&run->buf, run->result, &run->opts,
		    run->count++);
		rc = cli_out_write(run->cli, &run->buf);
	}
	st = esg_reader_status(r);
	esg_reader_free(r);
	if (st == ESG_EIO)
		return cli_error(EXIT_IO, _("cannot read '%s': %s"), name,
		    strerror(errno));
	return worse(rc, st == ESG_EINPUT ? EXIT_INPUT : EXIT_OK);
}

/* Scores one file, and records its name and SHA-256 in *in. */
static int
score_file(struct score_run *run, const char *path, struct esg_input *in)
{
	struct stream sm = { NULL, { { 0 } } };
	char buf[65536];
	int rc;

	in->name = strcmp(path, "-") == 0 ? _("(standard input)") : path;
	sm.fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (sm.fp == NULL)
		return cli_error(EXIT_IO, _("cannot open '%s': %s"), path,
		    strerror(errno));
	esg_sha256_init(&sm.h);
	rc = score_stream(run, &sm, in->name);
	/* Hash what the reader left unread too (it stops early on errors). */
	while (rc != EXIT_IO && read_stream(&sm, buf, sizeof buf) > 0)
		;
	esg_sha256_hex(&sm.h, in->sha256);
	if (sm.fp != stdin)
		fclose(sm.fp);
	return rc;
}

static bool
parse_sheets(const char *s, size_t *out)
{
	char *end;
	unsigned long n;

	if (strcmp(s, "all") == 0) {
		*out = SIZE_MAX;
		return true;
	}
	errno = 0;
	n = strtoul(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0)
		return false;
	*out = n;
	return true;
}

static int
run_files(struct score_run *run, int n, char **files)
{
	struct cli *cli = run->cli;
	int status;

	if ((status = cli_out_open(cli)) != EXIT_OK)
		return status;
	cli_render_opts(cli, cli->out, &run->opts);
	run->result = esg_result_new(cli->q);
	esg_answers_init(&run->answers, cli->q);
	run->inputs = calloc((size_t)n, sizeof *run->inputs);
	if (run->inputs == NULL)
		return cli_error(EXIT_IO, "%s", strerror(ENOMEM));
	run->renderer->begin(&run->buf, cli->q, &run->opts);
	for (int i = 0; i < n && status != EXIT_IO; i++) {
		status = worse(status, score_file(run, files[i], &run->inputs[i]));
		run->opts.ninputs = (size_t)i + 1;
	}
	run->opts.inputs = run->inputs;
	run->renderer->end(&run->buf, cli->q, &run->opts, run->count);
	if (status != EXIT_IO)
		status = worse(status, cli_out_write(cli, &run->buf));
	status = worse(status, cli_out_close(cli, status != EXIT_IO));
	esg_result_free(run->result);
	esg_answers_release(&run->answers);
	esg_buf_release(&run->buf);
	free(run->inputs);
	return status;
}

int
cmd_score(int argc, char **argv, struct cli *cli)
{
	static const struct option longopts[] = {
		{ "sheets", required_argument, NULL, OPT_SHEETS },
		{ "id-column", required_argument, NULL, OPT_ID_COLUMN },
		CLI_GLOBAL_OPTS,
	};
	struct score_run run = { .cli = cli, .opts = ESG_RENDER_OPTS_INIT };
	int c, status;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "", longopts, cli,
	    cli_find_cmd("score"))) != -1) {
		if (c == 'h')
			return EXIT_OK;
		if (c == '?')
			return EXIT_USAGE;
		if (c == OPT_SHEETS && !parse_sheets(optarg, &run.opts.max_sheets))
			return cli_usage_error(_("--sheets takes a number or "
			    "'all', not '%s'"), optarg);
		if (c == OPT_ID_COLUMN)
			run.id_column = optarg;
	}
	if (optind == argc)
		return cli_usage_error(_("score: no answers file given"));
	run.renderer = esg_renderer_find(cli->format ? cli->format : "text");
	if (run.renderer == NULL)
		return cli_usage_error(_("unknown format '%s' (expected one of: "
		    "%s)"), cli->format, esg_renderer_names());
	if ((status = cli_load(cli)) != EXIT_OK)
		return status;
	return run_files(&run, argc - optind, argv + optind);
}
