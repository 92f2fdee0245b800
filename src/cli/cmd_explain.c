/*
 * esgdiag explain: how one respondent's scores were reached.
 */
#include <errno.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/explain.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"

enum { OPT_ID = OPT_CMD };

/* Finds the respondent (the first, or the one with id) into ans. */
static int
find(struct cli *cli, const char *path, const char *id, struct esg_answers *ans)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct cli_stream sm = { fp, false, { { 0 } } };
	enum esg_status st;
	struct esg_reader *r;
	bool found = false;

	if (fp == NULL)
		return cli_error(EXIT_IO, _("cannot open '%s': %s"), path,
		    strerror(errno));
	r = esg_reader_open(cli->q, path, cli_stream_read, &sm, NULL, &cli->diags, &st);
	while (r != NULL && !found && esg_reader_next(r, ans))
		found = id == NULL || strcmp(ans->id, id) == 0;
	if (r != NULL) {
		if (!found)
			st = esg_reader_status(r);
		esg_reader_free(r);
	}
	if (fp != stdin)
		fclose(fp);
	if (found)
		return EXIT_OK;
	if (r == NULL || st != ESG_OK)
		return st == ESG_EIO ? EXIT_IO : EXIT_INPUT;
	return cli_error(EXIT_INPUT, _("%s: no valid respondent '%s'"), path, id);
}

int
cmd_explain(int argc, char **argv, struct cli *cli)
{
	static const struct option longopts[] = {
		{ "id", required_argument, NULL, OPT_ID },
		CLI_GLOBAL_OPTS,
	};
	struct esg_answers ans = { 0 };
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_result *res;
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	const char *id = NULL, *fmt;
	int c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, "", longopts, cli,
	    cli_find_cmd("explain"))) != -1) {
		if (c == 'h' || c == '?')
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		if (c == OPT_ID)
			id = optarg;
	}
	if (argc - optind != 1)
		return cli_usage_error(_("explain takes one answers file"));
	fmt = cli->format ? cli->format : "text";
	if (strcmp(fmt, "text") && strcmp(fmt, "json"))
		return cli_usage_error(_("unknown format '%s' (expected text or json)"),
		    fmt);
	if ((rc = cli_load(cli)) != EXIT_OK)
		return rc;
	esg_answers_init(&ans, cli->q);
	if ((rc = find(cli, argv[optind], id, &ans)) == EXIT_OK &&
	    (rc = cli_out_open(cli)) == EXIT_OK) {
		res = esg_result_new(cli->q);
		esg_score(res, &ans);
		cli_render_opts(cli, cli->out, &o);
		if (strcmp(fmt, "json") == 0)
			esg_explain_json(&b, res);
		else
			esg_explain_text(&b, res, o.width);
		esg_result_free(res);
		rc = cli_out_write(cli, &b);
		rc = rc == EXIT_OK ? cli_out_close(cli, true) :
		    (cli_out_close(cli, false), rc);
	}
	esg_buf_release(&b);
	esg_answers_release(&ans);
	return rc;
}
