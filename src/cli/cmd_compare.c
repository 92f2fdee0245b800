/*
 * esgdiag compare: progress between two assessments of the same
 * respondents (last year's answers and this year's).
 */

#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/compare.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "source.h"

/* Scores every respondent of path into s; returns an exit status. */
static int
snapshot(struct cli *cli, const struct cli_source_opts *o, const char *path,
    struct esg_snaps *s)
{
	struct cli_source *src;
	struct esg_answers ans;
	struct esg_result *res;
	const char *const *bad;
	size_t nbad;
	int rc = cli_source_open(cli, o, path, true, &src);

	s->name = path;
	s->q = cli->q;
	s->french = cli_french();
	if (src == NULL)
		return rc;
	esg_answers_init(&ans, cli->q);
	res = esg_result_new(cli->q);
	while (cli_source_next(src, &ans)) {
		esg_score(res, &ans);
		esg_snaps_add(s, res);
	}
	bad = cli_source_rejected(src, &nbad);
	for (size_t i = 0; i < nbad; i++)
		esg_snaps_add_unread(s, bad[i]);
	rc = cli_source_close(src, s->sha256);
	esg_result_free(res);
	esg_answers_release(&ans);
	return rc;
}

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_compare_opts[] = {
	CLI_SOURCE_OPTS,
	CLI_GLOBAL_OPTS,
};

int
cmd_compare(int argc, char **argv, struct cli *cli)
{
	struct cli_source_opts so = { 0 };
	struct esg_snaps before = { 0 }, after = { 0 };
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	struct esg_buf b = ESG_BUF_INIT;
	const char *fmt;
	int c, rc, rc2;

	while ((c = cli_getopt(argc, argv, cli, NULL)) != -1) {
		cli_source_opt(&so, c, optarg);
	}
	if (argc - optind != 2)
		return cli_usage_error(_("compare takes two answers files: before "
		    "and after"));
	if ((fmt = cli_format(cli)) == NULL)
		return EXIT_USAGE;
	cli_add_input(cli, argv[optind]);
	cli_add_input(cli, argv[optind + 1]);
	if ((rc = cli_check_output(cli, cli->output)) != EXIT_OK ||
	    (rc = cli_source_setup(cli, &so)) != EXIT_OK) {
		cli_source_opts_release(&so);
		return rc;
	}
	rc = snapshot(cli, &so, argv[optind], &before);
	rc2 = snapshot(cli, &so, argv[optind + 1], &after);
	cli_source_opts_release(&so);
	rc = rc > rc2 ? rc : rc2;
	if (rc != EXIT_IO && (rc2 = cli_out_open(cli)) == EXIT_OK) {
		cli_render_opts(cli, cli->out, &o);
		esg_renderer_find(fmt)->compare(&b, &before, &after, &o);
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
