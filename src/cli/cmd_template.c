/*
 * esgdiag template: a blank answers CSV (the header of field ids; with
 * --excel, as French Excel opens it in columns), a printable questionnaire,
 * the questionnaire's own YAML source, or the survey for LimeSurvey.
 */
#include "cmd.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"

enum { OPT_EXCEL = OPT_CMD };

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_template_opts[] = {
	{ "excel", no_argument, NULL, OPT_EXCEL },
	CLI_GLOBAL_OPTS,
};

int
cmd_template(int argc, char **argv, struct cli *cli)
{
	struct esg_buf b = ESG_BUF_INIT;
	struct esg_render_opts o = ESG_RENDER_OPTS_INIT;
	const struct esg_renderer *r;
	const char *fmt;
	bool excel = false;
	int c, status;

	while ((c = cli_getopt(argc, argv, cli, NULL)) != -1) {
		excel |= c == OPT_EXCEL;
	}
	if (optind < argc)
		return cli_usage_error(_("template takes no argument"));
	if ((fmt = cli_format(cli)) == NULL)
		return EXIT_USAGE;
	r = esg_renderer_find(fmt);
	if (excel && !(r->caps & ESG_RENDER_EXCEL))
		return cli_usage_error(_("--excel goes with -f csv"));
	if ((status = cli_out_open(cli)) != EXIT_OK)
		return status;
	cli_render_opts(cli, cli->out, &o);
	o.excel = excel;
	status = r->template(&b, cli->q, &o, &cli->diags) == 0 ? EXIT_OK :
	    EXIT_INPUT;
	if (status == EXIT_OK)
		status = cli_out_write(cli, &b);
	esg_buf_release(&b);
	return status == EXIT_OK ? cli_out_close(cli, true) :
	    (cli_out_close(cli, false), status);
}
