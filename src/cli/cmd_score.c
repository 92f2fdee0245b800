/*
 * esgdiag score: reads answers files row by row, scores each respondent
 * and streams the chosen format out.  Bad rows are reported and skipped;
 * the valid ones are still output, and the exit status says 3.  CI policy
 * (thresholds, obligations, regression against a baseline) makes the
 * status 1 when a respondent falls short, with one line each on stderr.
 * --aggregate adds the observatory statistics (alone with --no-respondents,
 * to publish them); --peers positions each respondent within its group of
 * such a published file.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "esgdiag/aggregate.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/csv_answers.h"
#include "esgdiag/hash.h"
#include "esgdiag/idset.h"
#include "esgdiag/model.h"
#include "esgdiag/peers.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "score_policy.h"
#include "source.h"

enum {
	OPT_SHEETS = OPT_CMD, OPT_AGGREGATE, OPT_BY, OPT_MIN_GROUP,
	OPT_FAIL_UNDER, OPT_FAIL_OBLIGATION, OPT_FAIL_REGRESSION, OPT_QUIET,
	OPT_EXCEL, OPT_PEERS, OPT_NO_RESPONDENTS,
};

struct score_run {
	struct cli *cli;
	const struct esg_renderer *renderer;
	struct esg_render_opts opts;
	struct cli_source_opts src;
	struct esg_result *result;
	struct esg_answers answers;
	struct esg_buf buf;
	size_t count;
	struct esg_input *inputs;	/* one per file, hashed as read */
	struct policy policy;
	bool aggregate, quiet, per_respondent;
	const char *by;
	size_t min_group;
	struct esg_agg *agg;
	struct agg_spec spec;
	const char *peers_path;		/* --peers */
	struct esg_peers *peers;
	bool no_respondents;		/* --no-respondents: statistics only */
	/* --aggregate over several files: the ids read, to warn of repeats. */
	struct esg_idset *seen;
};

static int
worse(int a, int b)
{
	return a > b ? a : b;
}

/* Output a respondent: report, statistics, policy. */
static int
one(struct score_run *run)
{
	struct esg_result *r = run->result;

	esg_score(r, &run->answers);
	if (run->agg)
		esg_agg_add(run->agg, r, esg_render_nrecs(r, &run->opts));
	policy_check(&run->policy, r);
	if (run->per_respondent)
		run->renderer->respondent(&run->buf, r, &run->opts, run->count);
	run->count++;
	if (run->quiet && run->cli->out == stdout)
		esg_buf_reset(&run->buf);
	return run->buf.len >= 65536 ? cli_out_write(run->cli, &run->buf) : EXIT_OK;
}

/* Scores one file, and records its name and SHA-256 in *in. */
static int
score_file(struct score_run *run, const char *path, struct esg_input *in)
{
	struct cli_source *src;
	/* Only a format that lists its inputs needs the hash: do not pay otherwise. */
	bool hash = run->renderer->caps & ESG_RENDER_INPUTS;
	int rc = cli_source_open(run->cli, &run->src, path, hash, &src);

	size_t repeats = 0;

	in->name = src ? cli_source_name(src) : path;
	while (rc == EXIT_OK && cli_source_next(src, &run->answers)) {
		if (run->seen && cli_source_has_id(src) &&
		    !esg_idset_add(run->seen, run->answers.id))
			repeats++;
		rc = one(run);
	}
	/* A file read twice, or an export holding another's rows. */
	if (repeats > 0)
		fprintf(stderr, ngettext("esgdiag: %s: %zu respondent id was "
		    "already read from an earlier file; the statistics count "
		    "it again\n", "esgdiag: %s: %zu respondent ids were already "
		    "read from an earlier file; the statistics count them "
		    "again\n", repeats), in->name, repeats);
	return worse(rc, cli_source_close(src, in->sha256));
}

static bool
parse_count(const char *s, size_t *out, bool allow_all)
{
	char *end;
	unsigned long n;

	if (allow_all && (strcmp(s, "all") == 0 || strcmp(s, "tout") == 0)) {
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
	bool nothing;
	int status;

	if ((status = cli_out_open(cli)) != EXIT_OK)
		return status;
	cli_render_opts(cli, cli->out, &run->opts);
	run->result = esg_result_new(cli->q);
	if (run->agg != NULL && n > 1)
		run->seen = esg_idset_new();
	/* The statistics count the sheets recommended, whatever the format. */
	run->result->no_recs = !(run->renderer->caps & ESG_RENDER_SHEETS) &&
	    run->agg == NULL;
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
	if (run->agg) {
		esg_agg_finish(run->agg);
		run->opts.agg = run->agg;
	}
	/* --no-respondents: none was output, whatever was scored. */
	run->renderer->end(&run->buf, cli->q, &run->opts,
	    run->per_respondent ? run->count : 0);
	/* Invalid input of which no respondent could be read: an empty
	 * report would pass for a result, so none is written (nor -o left). */
	nothing = status == EXIT_INPUT && run->count == 0;
	if (nothing || (run->quiet && cli->out == stdout))
		esg_buf_reset(&run->buf);
	if (status != EXIT_IO)
		status = worse(status, cli_out_write(cli, &run->buf));
	status = worse(status, cli_out_close(cli, status != EXIT_IO && !nothing));
	/* Invalid input (3) and I/O errors (4) win over a threshold (1). */
	if (status == EXIT_OK && run->policy.failed)
		status = EXIT_THRESHOLD;
	return status;
}

static void
release(struct score_run *run)
{
	esg_result_free(run->result);
	esg_idset_free(run->seen);
	esg_answers_release(&run->answers);
	esg_buf_release(&run->buf);
	esg_agg_free(run->agg);
	free(run->inputs);
	policy_release(&run->policy);
	agg_spec_release(&run->spec);
	cli_source_opts_release(&run->src);
	esg_peers_free(run->peers);
}

struct raw_opts {
	const char *fail_under, *regression, *sheets, *min_group;
	bool fail_obligation;
};

/* main() has already refused -h and unknown options (check_options). */
static void
parse_options(int argc, char **argv, struct score_run *run, struct raw_opts *ro)
{
	int c;

	while ((c = cli_getopt(argc, argv, run->cli, NULL)) != -1) {
		switch (c) {
		default:
			cli_source_opt(&run->src, c, optarg);
			break;
		case OPT_SHEETS: ro->sheets = optarg; break;
		case OPT_AGGREGATE: run->aggregate = true; break;
		case OPT_BY: run->by = optarg; break;
		case OPT_MIN_GROUP: ro->min_group = optarg; break;
		case OPT_FAIL_UNDER: ro->fail_under = optarg; break;
		case OPT_FAIL_OBLIGATION: ro->fail_obligation = true; break;
		case OPT_FAIL_REGRESSION: ro->regression = optarg; break;
		case OPT_QUIET: run->quiet = true; break;
		case OPT_EXCEL: run->opts.excel = true; break;
		case OPT_PEERS: run->peers_path = optarg; break;
		case OPT_NO_RESPONDENTS: run->no_respondents = true; break;
		}
	}
}

/* Checks the options against each other; returns an exit status. */
static int
check_options(struct score_run *run, const struct raw_opts *ro, int nfiles)
{
	const char *fmt;
	unsigned caps;

	if (nfiles == 0)
		return cli_usage_error(_("score: no answers file given"));
	if ((fmt = cli_format(run->cli)) == NULL)
		return EXIT_USAGE;
	run->renderer = esg_renderer_find(fmt);
	caps = run->renderer->caps;
	if (ro->sheets && !parse_count(ro->sheets, &run->opts.max_sheets, true))
		return cli_usage_error(_("--sheets takes a number or 'all', not "
		    "'%s'"), ro->sheets);
	run->min_group = 5;
	if (ro->min_group && (!parse_count(ro->min_group, &run->min_group, false) ||
	    run->min_group == 0))
		return cli_usage_error(_("--min-group takes a number from 1, not "
		    "'%s'"), ro->min_group);
	if ((run->by || ro->min_group) && !run->aggregate)
		return cli_usage_error(_("--by and --min-group go with --aggregate"));
	if (run->aggregate && !(caps & ESG_RENDER_AGGREGATE))
		return cli_usage_error(_("--aggregate is not available in the %s "
		    "format"), fmt);
	if (run->opts.excel && !(caps & ESG_RENDER_EXCEL))
		return cli_usage_error(_("--excel goes with -f csv"));
	if (run->no_respondents && !run->aggregate)
		return cli_usage_error(_("--no-respondents goes with --aggregate"));
	if (run->peers_path && !(caps & ESG_RENDER_PEERS))
		return cli_usage_error(_("--peers is not available in the %s format"),
		    fmt);
	/* Statistics replace the profiles in formats made for reading. */
	run->per_respondent = !run->aggregate ||
	    ((caps & ESG_RENDER_BOTH) && !run->no_respondents);
	return EXIT_OK;
}

/* Reads the published observatory of --peers, which must fit q. */
static int
load_peers(struct score_run *run)
{
	char *text = NULL;
	size_t len = 0;
	int rc = cli_read_file(run->peers_path, ESG_PEERS_MAX_BYTES, &text, &len);

	if (rc != EXIT_OK)
		return rc;
	if (esg_peers_load(run->peers_path, text, len, run->cli->q, &run->peers,
	    &run->cli->diags) != ESG_OK)
		rc = EXIT_INPUT;
	free(text);
	run->opts.peers = run->peers;
	return rc;
}

/* What needs the questionnaire: thresholds, groups, map, baseline, peers. */
static int
setup(struct score_run *run, const struct raw_opts *ro)
{
	struct cli *cli = run->cli;
	const struct esg_questionnaire *q = cli->q;
	int rc = EXIT_OK;

	run->policy.q = q;
	run->policy.th.overall = NAN;
	run->policy.th.pillar = calloc(q->npillars ? q->npillars : 1, sizeof(double));
	if (run->policy.th.pillar == NULL)
		return cli_error(EXIT_IO, "%s", strerror(ENOMEM));
	for (size_t i = 0; i < q->npillars; i++)
		run->policy.th.pillar[i] = NAN;
	run->policy.th.obligations = ro->fail_obligation;
	run->opts.th = &run->policy.th;
	if (ro->fail_under)
		rc = policy_thresholds(&run->policy, q, ro->fail_under);
	run->spec.by.field = ESG_NONE;
	if (rc == EXIT_OK && run->by)
		rc = agg_spec_parse(&run->spec, q, run->by);
	if (rc == EXIT_OK)
		rc = cli_source_setup(cli, &run->src);
	if (rc == EXIT_OK && ro->regression)
		rc = policy_baseline(&run->policy, cli, ro->regression, &run->src);
	/* Set now: the CSV renderer's begin() writes no rows with it. */
	if (rc == EXIT_OK && run->aggregate) {
		run->opts.agg = run->agg = esg_agg_new(q, &run->spec.by,
		    run->min_group);
		/* The complementary rule goes beyond SPEC 6, for a file to
		 * publish only: --no-respondents says the output is one. */
		esg_agg_set_shield(run->agg, run->no_respondents);
	}
	if (rc == EXIT_OK && run->peers_path)
		rc = load_peers(run);
	return rc;
}

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_score_opts[] = {
	{ "sheets", required_argument, NULL, OPT_SHEETS },
	{ "aggregate", no_argument, NULL, OPT_AGGREGATE },
	{ "by", required_argument, NULL, OPT_BY },
	{ "min-group", required_argument, NULL, OPT_MIN_GROUP },
	{ "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
	{ "fail-on-obligation", no_argument, NULL, OPT_FAIL_OBLIGATION },
	{ "fail-on-regression", required_argument, NULL, OPT_FAIL_REGRESSION },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "excel", no_argument, NULL, OPT_EXCEL },
	CLI_SOURCE_OPTS,
	{ "peers", required_argument, NULL, OPT_PEERS },
	{ "no-respondents", no_argument, NULL, OPT_NO_RESPONDENTS },
	CLI_GLOBAL_OPTS,
};

int
cmd_score(int argc, char **argv, struct cli *cli)
{
	struct score_run run = { .cli = cli, .opts = ESG_RENDER_OPTS_INIT };
	struct raw_opts ro = { 0 };
	int rc;

	parse_options(argc, argv, &run, &ro);
	for (int i = optind; i < argc; i++)
		cli_add_input(cli, argv[i]);
	if (ro.regression)
		cli_add_input(cli, ro.regression);
	if (run.peers_path)
		cli_add_input(cli, run.peers_path);
	if ((rc = check_options(&run, &ro, argc - optind)) == EXIT_OK &&
	    (rc = cli_check_output(cli, cli->output)) == EXIT_OK &&
	    (rc = setup(&run, &ro)) == EXIT_OK)
		rc = run_files(&run, argc - optind, argv + optind);
	release(&run);
	return rc;
}
