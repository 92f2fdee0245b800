/*
 * esgdiag explain: how one respondent's scores were reached.
 */
#include <string.h>

#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/explain.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "source.h"

enum { OPT_ID = OPT_CMD };

/* Finds the respondent (the first, or the one with id) into ans. */
static int
find(struct cli *cli, const struct cli_source_opts *o, const char *path,
    const char *id, struct esg_answers *ans)
{
	struct cli_source *src;
	bool found = false;
	int rc = cli_source_open(cli, o, path, false, &src);

	while (src != NULL && !found && cli_source_next(src, ans))
		found = id == NULL || strcmp(ans->id, id) == 0;
	rc = src != NULL ? cli_source_close(src, NULL) : rc;
	if (found)
		return EXIT_OK;
	if (rc != EXIT_OK)
		return rc;
	return cli_error(EXIT_INPUT, _("%s: no valid respondent '%s'"), path, id);
}

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_explain_opts[] = {
	{ "id", required_argument, NULL, OPT_ID },
	CLI_SOURCE_OPTS,
	CLI_GLOBAL_OPTS,
};

int
cmd_explain(int argc, char **argv, struct cli *cli)
{
	struct esg_answers ans = { 0 };
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_result *res;
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	struct cli_source_opts so = { 0 };
	const char *id = NULL, *fmt;
	int c, rc;

	while ((c = cli_getopt(argc, argv, cli, NULL)) != -1) {
		if (c == OPT_ID)
			id = optarg;
		else
			cli_source_opt(&so, c, optarg);
	}
	if (argc - optind != 1)
		return cli_usage_error(_("explain takes one answers file"));
	if ((fmt = cli_format(cli)) == NULL)
		return EXIT_USAGE;
	cli_add_input(cli, argv[optind]);
	if ((rc = cli_check_output(cli, cli->output)) != EXIT_OK ||
	    (rc = cli_source_setup(cli, &so)) != EXIT_OK) {
		cli_source_opts_release(&so);
		return rc;
	}
	esg_answers_init(&ans, cli->q);
	if ((rc = find(cli, &so, argv[optind], id, &ans)) == EXIT_OK &&
	    (rc = cli_out_open(cli)) == EXIT_OK) {
		res = esg_result_new(cli->q);
		esg_score(res, &ans);
		cli_render_opts(cli, cli->out, &o);
		esg_renderer_find(fmt)->explain(&b, res, &o);
		esg_result_free(res);
		rc = cli_out_write(cli, &b);
		rc = rc == EXIT_OK ? cli_out_close(cli, true) :
		    (cli_out_close(cli, false), rc);
	}
	esg_buf_release(&b);
	esg_answers_release(&ans);
	cli_source_opts_release(&so);
	return rc;
}
