/*
 * esgdiag obligations: which legal obligations apply to a profile, and
 * why.  The profile comes as --FIELD VALUE for each profile field of the
 * questionnaire (the options are made from the questionnaire itself), or
 * as an answers CSV, whose other answers then also say whether each
 * obligation is met.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "source.h"

enum { OPT_FIELD = OPT_CMD + 100 };

struct run {
	struct cli *cli;
	const struct esg_obl_renderer *fmt;
	struct esg_render_opts opts;
	struct esg_buf out;
	size_t n;
	struct cli_source_opts src;
};

static void
report(struct run *run, const struct esg_result *r, bool answers)
{
	run->fmt->report(&run->out, r, answers, run->n, &run->opts);
	run->n++;
}

/* The -q given after the command, needed before the options can be made. */
static const char *
find_questionnaire(int argc, char **argv, const char *dflt)
{
	for (int i = 1; i < argc; i++) {
		if ((!strcmp(argv[i], "-q") || !strcmp(argv[i], "--questionnaire")) &&
		    i + 1 < argc)
			return argv[i + 1];
		if (!strncmp(argv[i], "--questionnaire=", 16))
			return argv[i] + 16;
		if (!strncmp(argv[i], "-q", 2) && argv[i][2])
			return argv[i] + 2;
		if (!strcmp(argv[i], "--"))
			break;
	}
	return dflt;
}

/*
 * The command's fixed options (cmd.h); make_options() puts one --FIELD per
 * profile field of the questionnaire in front of them.
 */
const struct option cli_obligations_opts[] = { CLI_SOURCE_OPTS, CLI_GLOBAL_OPTS };

static struct option *
make_options(const struct esg_questionnaire *q)
{
	const struct option *globals = cli_obligations_opts;
	size_t ng = sizeof cli_obligations_opts / sizeof cli_obligations_opts[0];
	struct option *o = calloc(q->nprofile + ng, sizeof *o);

	if (o == NULL)
		return NULL;
	for (size_t i = 0; i < q->nprofile; i++)
		o[i] = (struct option){ q->fields[i].id, required_argument, NULL,
		    OPT_FIELD + (int)i };
	memcpy(o + q->nprofile, globals, sizeof cli_obligations_opts);
	return o;
}

/* Parses --FIELD VALUE into the answer of field i; returns an exit status. */
static int
profile_value(const struct esg_questionnaire *q, struct esg_answers *ans,
    size_t i, const char *v)
{
	struct esg_buf why = ESG_BUF_INIT;
	int rc = EXIT_OK;

	if (esg_cell_parse(&q->fields[i], v, strlen(v), &ans->a[i], &ans->arena,
	    &why) != 0)
		rc = cli_usage_error(_("--%s: '%s': %s"), q->fields[i].id, v,
		    esg_buf_str(&why));
	esg_buf_release(&why);
	return rc;
}

/* Reports every respondent of an answers file; returns an exit status. */
static int
from_csv(struct run *run, const char *path, struct esg_answers *ans,
    struct esg_result *res)
{
	struct cli_source *src;
	int rc = cli_source_open(run->cli, &run->src, path, false, &src);

	while (src != NULL && cli_source_next(src, ans)) {
		esg_score(res, ans);
		report(run, res, true);
	}
	return src != NULL ? cli_source_close(src, NULL) : rc;
}

/*
 * The options the usage can only name as --FIELD, listed from the loaded
 * questionnaire: under the usage (-h) or after an unknown option.
 */
static void
print_fields(const struct esg_questionnaire *q, bool help)
{
	struct esg_buf list = ESG_BUF_INIT, lead = ESG_BUF_INIT, b = ESG_BUF_INIT;

	if (q->nprofile == 0)
		return;
	for (size_t i = 0; i < q->nprofile; i++)
		esg_buf_printf(&list, "%s--%s", i ? ", " : "", q->fields[i].id);
	if (help) {
		esg_buf_printf(&lead, "  %s ", _("profile fields:"));
		esg_render_wrap(&b, esg_buf_str(&lead), 4, esg_buf_str(&list), 80);
		fputs(esg_buf_str(&b), stdout);
	} else
		cli_error(EXIT_USAGE, "%s %s", _("profile fields:"),
		    esg_buf_str(&list));
	esg_buf_release(&list);
	esg_buf_release(&lead);
	esg_buf_release(&b);
}

static int
parse_args(int argc, char **argv, struct run *run, const struct option *opts,
    struct esg_answers *ans, bool *given)
{
	struct cli *cli = run->cli;
	int c, rc;

	while ((c = cli_getopt(argc, argv, cli, opts)) != -1) {
		if (c == 'h' || c == '?') {
			print_fields(cli->q, c == 'h');
			return c == 'h' ? -1 : EXIT_USAGE;
		}
		if (c < OPT_FIELD) {
			cli_source_opt(&run->src, c, optarg);
			continue;
		}
		if ((rc = profile_value(cli->q, ans, (size_t)(c - OPT_FIELD),
		    optarg)) != EXIT_OK)
			return rc;
		*given = true;
	}
	return EXIT_OK;
}

static int
run_report(struct run *run, int argc, char **argv, struct esg_answers *ans,
    bool given)
{
	struct esg_result *res = esg_result_new(run->cli->q);
	int rc = EXIT_OK;

	if (run->fmt->begin)
		run->fmt->begin(&run->out);
	if (given) {
		ans->id = "profile";
		esg_score(res, ans);
		report(run, res, false);
	}
	for (int i = optind; i < argc; i++)
		rc = rc > EXIT_OK ? rc : from_csv(run, argv[i], ans, res);
	if (run->fmt->end)
		run->fmt->end(&run->out);
	esg_result_free(res);
	return rc;
}

int
cmd_obligations(int argc, char **argv, struct cli *cli)
{
	struct run run = { .cli = cli, .out = ESG_BUF_INIT,
	    .opts = ESG_RENDER_OPTS_INIT };
	struct esg_answers ans = { 0 };
	struct option *opts = NULL;
	bool given = false;
	const char *fmt = NULL;
	int rc;

	cli->qfile = find_questionnaire(argc, argv, cli->qfile);
	if ((rc = cli_load(cli)) != EXIT_OK)
		return rc;
	if ((opts = make_options(cli->q)) == NULL)
		return cli_error(EXIT_IO, "%s", strerror(ENOMEM));
	esg_answers_init(&ans, cli->q);
	rc = parse_args(argc, argv, &run, opts, &ans, &given);
	if (rc == EXIT_OK)
		rc = cli_source_setup(cli, &run.src);
	if (rc == EXIT_OK &&
	    (fmt = cli_format(cli)) == NULL)
		rc = EXIT_USAGE;
	if (rc == EXIT_OK)
		run.fmt = esg_renderer_find(fmt)->obligations;
	if (rc == EXIT_OK && !given && optind == argc)
		rc = cli_usage_error(_("obligations needs a profile (--FIELD VALUE, "
		    "e.g. --%s ...) or an answers file"), cli->q->nprofile ?
		    cli->q->fields[0].id : "type");
	for (int i = optind; rc == EXIT_OK && i < argc; i++)
		cli_add_input(cli, argv[i]);
	if (rc == EXIT_OK && (rc = cli_out_open(cli)) == EXIT_OK) {
		cli_render_opts(cli, cli->out, &run.opts);
		rc = run_report(&run, argc, argv, &ans, given);
		if (cli_out_write(cli, &run.out) != EXIT_OK)
			rc = EXIT_IO;
		rc = rc > EXIT_OK ? (cli_out_close(cli, rc != EXIT_IO), rc) :
		    cli_out_close(cli, true);
	}
	esg_buf_release(&run.out);
	cli_source_opts_release(&run.src);
	esg_answers_release(&ans);
	free(opts);
	return rc < 0 ? EXIT_OK : rc;
}
