/*
 * esgdiag compare: progress between two assessments of the same
 * respondents (last year's answers and this year's).
 */
#include <errno.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/compare.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/hash.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"

/* Scores every respondent of path into s; returns an exit status. */
static int
snapshot(struct cli *cli, const char *path, struct esg_snaps *s)
{
	struct cli_stream sm = { fopen(path, "rb"), true, { { 0 } } };
	struct esg_answers ans;
	struct esg_result *res;
	struct esg_reader *r;
	enum esg_status st;

	s->name = path;
	if (sm.fp == NULL)
		return cli_error(EXIT_IO, _("cannot open '%s': %s"), path,
		    strerror(errno));
	esg_sha256_init(&sm.h);
	esg_answers_init(&ans, cli->q);
	res = esg_result_new(cli->q);
	r = esg_reader_open(cli->q, path, cli_stream_read, &sm, NULL, &cli->diags, &st);
	while (r != NULL && esg_reader_next(r, &ans)) {
		esg_score(res, &ans);
		esg_snaps_add(s, res);
	}
	if (r != NULL) {
		st = esg_reader_status(r);
		esg_reader_free(r);
	}
	cli_stream_finish(&sm, s->sha256);
	s->q = cli->q;
	fclose(sm.fp);
	esg_result_free(res);
	esg_answers_release(&ans);
	return st == ESG_EIO ? EXIT_IO : st == ESG_EINPUT ? EXIT_INPUT : EXIT_OK;
}

int
cmd_compare(int argc, char **argv, struct cli *cli)
{
	static const struct option longopts[] = { CLI_GLOBAL_OPTS };
	struct esg_snaps before = { 0 }, after = { 0 };
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	struct esg_buf b = ESG_BUF_INIT;
	const char *fmt;
	int c, rc, rc2;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "", longopts, cli,
	    cli_find_cmd("compare"))) != -1)
		if (c == 'h' || c == '?')
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
	if (argc - optind != 2)
		return cli_usage_error(_("compare takes two answers files: before "
		    "and after"));
	fmt = cli->format ? cli->format : "text";
	if (!strcmp(fmt, "md"))
		fmt = "markdown";
	if (strcmp(fmt, "text") && strcmp(fmt, "json") && strcmp(fmt, "markdown"))
		return cli_usage_error(_("unknown format '%s' (expected one of: "
		    "text markdown json)"), fmt);
	if ((rc = cli_load(cli)) != EXIT_OK)
		return rc;
	rc = snapshot(cli, argv[optind], &before);
	rc2 = snapshot(cli, argv[optind + 1], &after);
	rc = rc > rc2 ? rc : rc2;
	if (rc != EXIT_IO && (rc2 = cli_out_open(cli)) == EXIT_OK) {
		cli_render_opts(cli, cli->out, &o);
		if (!strcmp(fmt, "json"))
			esg_compare_json(&b, &before, &after);
		else if (!strcmp(fmt, "markdown"))
			esg_compare_markdown(&b, &before, &after);
		else
			esg_compare_text(&b, &before, &after, o.width);
		rc2 = cli_out_write(cli, &b);
		rc2 = rc2 == EXIT_OK ? cli_out_close(cli, true) :
		    (cli_out_close(cli, false), rc2);
	}
	rc = rc > rc2 ? rc : rc2;
	esg_buf_release(&b);
	esg_snaps_release(&before);
	esg_snaps_release(&after);
	return rc;
}
