/*
 * esgdiag's entry point: global options, locale, the command table.
 * getopt_long's leading '+' stops at the command name, so each command
 * parses the rest of argv itself (git's run_builtin, tmux's cmd table).
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "esgdiag/model.h"
#include "esgdiag/text.h"

/* What -f takes, per command; the default first. */
static const char *const text_json[] = { "text", "json", NULL };
static const char *const text_md_json[] = { "text", "markdown", "json", NULL };
static const char *const template_formats[] = {
	"csv", "markdown", "yaml", "limesurvey", NULL,
};

static const struct cli_cmd cmds[] = {
	{ "ask", cmd_ask, N_("ask [-o FILE] [--resume | --force] [--id NAME]\n"
	    "  Interactive self-assessment. Every answer is saved at once in FILE\n"
	    "  (default esgdiag-answers.csv); ends with the maturity profile.\n"
	    "  --resume   continue FILE at its first unanswered question, editing\n"
	    "             that respondent's row in place\n"
	    "  --force    replace an existing FILE\n"
	    "  --id NAME  the respondent: the row --resume edits (added if new),\n"
	    "             or the id written in a new file\n"), cli_ask_opts, NULL,
	    CLI_LOAD },
	{ "compare", cmd_compare, N_("compare [-f text|json|markdown] [SOURCE "
	    "OPTIONS] BEFORE.csv AFTER.csv\n"
	    "  Progress between two assessments, respondents matched by id: score\n"
	    "  changes, levels gained or lost, obligations newly met or broken,\n"
	    "  answers changed.  Source options as for score.\n"), cli_compare_opts,
	    text_md_json, CLI_LOAD },
	{ "explain", cmd_explain, N_("explain [--id ID] [-f text|json] [SOURCE "
	    "OPTIONS] ANSWERS.csv\n"
	    "  How each score of one respondent (the first, or ID) was reached:\n"
	    "  answers, weights, contributions, and what was excluded and why.\n"
	    "  Source options as for score.\n"), cli_explain_opts, text_json,
	    CLI_LOAD },
	{ "obligations", cmd_obligations, N_("obligations [--FIELD VALUE]... "
	    "[-f text|json] [ANSWERS.csv...]\n"
	    "  Which legal obligations apply to a profile and why: give the profile\n"
	    "  fields as options (e.g. --type ca --population 65000 --achats 60),\n"
	    "  or answers files, which also say whether each one is met.\n"
	    "  Source options as for score.\n"), cli_obligations_opts, text_json,
	    CLI_OWN_OPTIONS },
	{ "score", cmd_score, N_("score [-f FORMAT] [-o FILE] [OPTIONS] ANSWERS.csv...\n"
	    "  Scores every respondent of the answers files (- reads standard "
	    "input).\n"
	    "  Formats: text json csv markdown html junit.\n"
	    "  Source options (every command that reads answers):\n"
	    "  --id-column NAME           column holding respondent ids (default id)\n"
	    "  --map FILE                 rename an export's columns and values\n"
	    "  --encoding NAME            the file's encoding (default: UTF-8,\n"
	    "                             Windows-1252 or UTF-16 detected)\n"
	    "  Report options:\n"
	    "  --sheets N|all             recommended sheets to show (default 3)\n"
	    "  --aggregate                statistics over all respondents...\n"
	    "  --by FIELD[:L1,L2,...]     ...by group, or by bands of a number\n"
	    "  --min-group N              publish no statistic of a group under N "
	    "(5)\n"
	    "  --no-respondents           with --aggregate: statistics only, to "
	    "publish,\n"
	    "                             withholding a group that would reveal "
	    "a small one\n"
	    "  --peers FILE               place each respondent in its group of "
	    "FILE\n"
	    "  --fail-under N|ID=N,...    status 1 if an overall or pillar score is "
	    "lower\n"
	    "  --fail-on-obligation       status 1 if an obligation is not met\n"
	    "  --fail-on-regression FILE  status 1 if a score drops against FILE,\n"
	    "                             the earlier answers CSV (not a JSON "
	    "result)\n"
	    "  --quiet                    no report on standard output\n"
	    "  --excel                    with -f csv: ';', decimal comma, BOM\n"), cli_score_opts,
	    CLI_RENDERERS, CLI_LOAD },
	{ "sheets", cmd_sheets, N_("sheets [-f text|markdown|json] [ID]\n"
	    "  Lists the action sheets, or shows one in full.\n"), cli_sheets_opts,
	    text_md_json, CLI_LOAD },
	{ "template", cmd_template, N_("template [-f csv|markdown|yaml|limesurvey] "
	    "[--excel]\n"
	    "  Prints a blank answers CSV header (csv, the default; --excel: ';',\n"
	    "  BOM and CRLF for French Excel), a printable questionnaire\n"
	    "  (markdown), the questionnaire's source (yaml), or the survey in\n"
	    "  LimeSurvey's tab-separated import format (limesurvey), whose\n"
	    "  response export score reads as it is.\n"), cli_template_opts,
	    template_formats, CLI_LOAD },
	{ "validate", cmd_validate, N_("validate [FILE]\n"
	    "  Checks a questionnaire (FILE, -q FILE or the default) and "
	    "prints every\n  problem as FILE:LINE:COL: error: message.\n"), cli_validate_opts,
	    NULL, 0 },
};

const struct cli_cmd *
cli_find_cmd(const char *name)
{
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

/*
 * For the build, not for users (hence not in --help): one line per command,
 * its name then its long options, after a first line of the global ones.
 * tools/completion.sh makes the bash completion from it and tests/docs
 * checks the manual against it.
 */
static void
dump_options(const struct option *globals)
{
	fputs("global", stdout);
	for (const struct option *o = globals; o->name; o++)
		if (o->val != OPT_DUMP_OPTIONS)
			printf(" --%s", o->name);
	putchar('\n');
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		fputs(cmds[i].name, stdout);
		for (const struct option *o = cmds[i].opts; o->name; o++) {
			bool global = false;

			for (const struct option *g = globals; g->name; g++)
				global = global || strcmp(g->name, o->name) == 0;
			if (!global)
				printf(" --%s", o->name);
		}
		putchar('\n');
	}
}

static int
unknown_command(const char *name)
{
	const char *names[sizeof cmds / sizeof cmds[0]], *hint;

	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		names[i] = cmds[i].name;
	hint = esg_nearest(name, names, sizeof cmds / sizeof cmds[0]);
	if (hint != NULL)
		cli_usage_error(_("unknown command '%s' (did you mean '%s'?)"), name,
		    hint);
	else
		cli_usage_error(_("unknown command '%s'"), name);
	cli_usage_hint(NULL);
	return EXIT_USAGE;
}

/*
 * A command's usage in the list of commands: its synopsis at two spaces,
 * its description two further in, so that each command stands out.
 */
static void
usage_indented(FILE *fp, const char *u)
{
	fputs("  ", fp);
	for (; *u; u++) {
		fputc(*u, fp);
		if (*u == '\n' && u[1] != '\0')
			fputs("  ", fp);
	}
}

static void
help(FILE *fp)
{
	fprintf(fp, "%s", _("usage: esgdiag [-q FILE] COMMAND [OPTIONS] [ARGS]\n"
	    "ESG maturity self-assessment for local authorities' digital "
	    "projects.\n\ncommands:\n"));
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		usage_indented(fp, _(cmds[i].usage));
	fprintf(fp, "%s", _("\nglobal options (before or after the command):\n"
	    "  -q, --questionnaire FILE  use FILE instead of the built-in "
	    "questionnaire\n"
	    "  -o, --output FILE         write to FILE (replaced only when "
	    "complete)\n"
	    "  -f, --format FMT          output format\n"
	    "      --no-color            no colours (also when NO_COLOR is set)\n"
	    "      --verbose             say more (e.g. ignored CSV columns)\n"
	    "  -h, --help                this help; COMMAND --help for one "
	    "command\n"
	    "      --version             print the version\n\n"
	    "exit status: 0 ok, 1 threshold not met, 2 usage error, 3 invalid "
	    "input,\n4 I/O error.\n"));
}

/*
 * The catalogues of a build that is not installed: build/locale beside the
 * binary (./esgdiag at the top of the tree) or one level up from it
 * (build/std/esgdiag).  Found through /proc/self/exe, else argv[0].
 */
static bool
build_localedir(const char *argv0, char *dir, size_t size)
{
	static const char *const rel[] = { "/build/locale", "/../locale" };
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;
	struct stat st;

	if (n > 0)
		exe[n] = '\0';
	else if (argv0 != NULL && strchr(argv0, '/') != NULL &&
	    strlen(argv0) < sizeof exe)
		memcpy(exe, argv0, strlen(argv0) + 1);
	else
		return false;
	if ((slash = strrchr(exe, '/')) == NULL)
		return false;
	*slash = '\0';
	for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
		snprintf(dir, size, "%s%s/fr/LC_MESSAGES/esgdiag.mo", exe, rel[i]);
		if (stat(dir, &st) == 0 && S_ISREG(st.st_mode)) {
			snprintf(dir, size, "%s%s", exe, rel[i]);
			return true;
		}
	}
	return false;
}

static void
setup_locale(const char *argv0)
{
	const char *env = getenv("ESGDIAG_LOCALEDIR");
	char dir[4200];

	/* Never LC_NUMERIC: numbers are read and written in "C" syntax. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	if (env != NULL && *env)
		bindtextdomain("esgdiag", env);
	else if (build_localedir(argv0, dir, sizeof dir))
		bindtextdomain("esgdiag", dir);
	else
		bindtextdomain("esgdiag", LOCALEDIR);
	textdomain("esgdiag");
}

/*
 * -h and unknown options, for every command at once before it runs: -1
 * after printing its usage, EXIT_USAGE after an error, else EXIT_OK.
 */
static int
check_options(int argc, char **argv, struct cli *cli)
{
	int c;

	if (cli->cmd->flags & CLI_OWN_OPTIONS)
		return EXIT_OK;
	optind = 0;
	while ((c = cli_getopt(argc, argv, cli, NULL)) != -1)
		if (c == 'h' || c == '?')
			return c == 'h' ? -1 : EXIT_USAGE;
	return EXIT_OK;
}

/* What every command shares, driven by its entry (git's run_builtin). */
static int
run_command(const struct cli_cmd *cmd, int argc, char **argv, struct cli *cli)
{
	int status;

	cli->cmd = cmd;
	if ((status = check_options(argc, argv, cli)) == EXIT_OK &&
	    (!(cmd->flags & CLI_LOAD) || (status = cli_load(cli)) == EXIT_OK)) {
		/* The command parses argv from its start (glibc's reset). */
		optind = 0;
		status = cmd->fn(argc, argv, cli);
	}
	status = status < 0 ? EXIT_OK : status;
	if (status == EXIT_USAGE)
		cli_usage_hint(cmd);
	return status;
}

static int
finish(int status)
{
	/*
	 * After a write error already reported (status 4), say nothing more;
	 * a closed pipe is the reader's choice, not news: status 4, silently.
	 */
	if ((fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) &&
	    status != EXIT_IO) {
		if (errno == EPIPE)
			return EXIT_IO;
		fprintf(stderr, "esgdiag: %s: %s\n", _("error writing standard output"),
		    strerror(errno));
		return status > EXIT_IO ? status : EXIT_IO;
	}
	return status;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "verbose", no_argument, NULL, OPT_VERBOSE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "dump-options", no_argument, NULL, OPT_DUMP_OPTIONS },
		{ NULL, 0, NULL, 0 },
	};
	struct cli cli = { .diags = ESG_DIAGS_INIT, .prog = argv[0] };
	const struct cli_cmd *cmd;
	int c, status;

	setup_locale(argv[0]);
	/*
	 * A closed pipe (esgdiag score ... | head -1) must give status 4, as
	 * any other write error, not a death by SIGPIPE; it is not reported.
	 */
	signal(SIGPIPE, SIG_IGN);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+q:o:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': cli.qfile = optarg; break;
		case 'o': cli.output = optarg; break;
		case 'f': cli.format = optarg; break;
		case OPT_NO_COLOR: cli.no_color = true; break;
		case OPT_VERBOSE: cli.verbose = true; break;
		case 'h': help(stdout); return finish(EXIT_OK);
		case OPT_VERSION:
			printf("esgdiag %s\n", ESG_VERSION);
			return finish(EXIT_OK);
		case OPT_DUMP_OPTIONS:
			dump_options(longopts);
			return finish(EXIT_OK);
		default:
			cli_usage_error(_("unknown or incomplete option '%s'"),
			    argv[optind - 1]);
			cli_usage_hint(NULL);
			return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		help(stderr);
		return EXIT_USAGE;
	}
	if ((cmd = cli_find_cmd(argv[optind])) == NULL)
		return unknown_command(argv[optind]);
	status = run_command(cmd, argc - optind, argv + optind, &cli);
	esg_questionnaire_free(cli.q);
	esg_diags_release(&cli.diags);
	free(cli.inputs);
	return finish(status);
}
