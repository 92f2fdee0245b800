/*
 * The command-line front end: what every command shares.
 *
 * How to add a command: write cmd_NAME.c with
 *	int cmd_NAME(int argc, char **argv, struct cli *cli);
 * and its option table cli_NAME_opts, declare both below, and add a row to
 * the table in main.c with its usage text and the formats -f takes.  main()
 * finds the entry, sets cli->cmd and resets optind; the command parses its
 * options with cli_getopt(cli, NULL), which takes them from the entry and
 * also accepts the global options after the command name, reads its format
 * with cli_format(), never by comparing names, and returns an enum
 * cli_exit value.  Describe it and its options in docs/esgdiag.1 (make
 * check fails on an option the manual lacks; the bash completion is
 * generated).  docs/internals.md has the whole checklist.
 */
#ifndef ESG_CMD_H
#define ESG_CMD_H

#include <getopt.h>
#include <libintl.h>
#include <stdbool.h>
#include <stdio.h>

#include "atomic.h"
#include "esgdiag/diag.h"
#include "esgdiag/hash.h"

#define _(s) gettext(s)
#define N_(s) (s)

struct esg_buf;
struct esg_questionnaire;

/* Exit statuses of SPEC §2. */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_THRESHOLD = 1,
	EXIT_USAGE = 2,
	EXIT_INPUT = 3,
	EXIT_IO = 4,
};

/* Long-only option codes; commands number theirs from OPT_CMD. */
enum {
	OPT_NO_COLOR = 256, OPT_VERBOSE, OPT_VERSION, OPT_HELP_CMD, OPT_DUMP_OPTIONS,
	OPT_SRC_ID_COLUMN, OPT_SRC_MAP, OPT_SRC_ENCODING,	/* source.h */
	OPT_CMD = 300,
};

struct cli {
	const char *prog;	/* argv[0]: the program as it was run */
	const char *qfile;	/* -q, or NULL for the compiled-in default */
	const char *output;	/* -o, or NULL for standard output */
	const char *format;	/* -f, or NULL for the command's default */
	bool no_color, verbose;
	struct esg_questionnaire *q;	/* loaded by cli_load() */
	struct esg_diags diags;		/* prints to standard error */
	FILE *out;			/* open by cli_out_open() */
	struct atomic_file out_file;	/* the temporary file behind -o */
	const struct cli_cmd *cmd;	/* the command at hand, set by main() */
	const char **inputs;		/* files read, borrowed; see cli_add_input() */
	size_t ninputs;
};

struct cli_cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct cli *cli);
	const char *usage;	/* translated at use */
	const struct option *opts;	/* its getopt table, globals included */
	/*
	 * The names -f takes, its default first, NULL-terminated; NULL for a
	 * command that writes no choice of format.  CLI_RENDERERS: those of
	 * the library's renderer table (render.h).
	 */
	const char *const *formats;
	unsigned flags;		/* CLI_OWN_OPTIONS, CLI_LOAD */
};

/*
 * The command makes its options at run time (obligations: one per profile
 * field of the questionnaire), so main() cannot check them beforehand: the
 * command handles -h and unknown options itself.
 */
#define CLI_OWN_OPTIONS 1u
/* main() loads the questionnaire (cli->q) before the command runs. */
#define CLI_LOAD 2u

/* The formats list of a command whose output is the renderer table's. */
extern const char *const cli_renderers[];
#define CLI_RENDERERS cli_renderers

/*
 * The -f of the command at hand (its default when absent; "md" is read as
 * "markdown"), or NULL after the usage error naming the formats it takes.
 */
const char *cli_format(const struct cli *cli);

/*
 * Every command's getopt table.  They are the one list of options: the
 * bash completion is made from them and make check compares the manual
 * with them (esgdiag --dump-options, tools/completion.sh, tests/docs).
 */
extern const struct option cli_ask_opts[], cli_compare_opts[],
    cli_explain_opts[], cli_obligations_opts[], cli_score_opts[],
    cli_sheets_opts[], cli_template_opts[], cli_validate_opts[];

int cmd_ask(int, char **, struct cli *);
int cmd_compare(int, char **, struct cli *);
int cmd_explain(int, char **, struct cli *);
int cmd_obligations(int, char **, struct cli *);
int cmd_score(int, char **, struct cli *);
int cmd_sheets(int, char **, struct cli *);
int cmd_template(int, char **, struct cli *);
int cmd_validate(int, char **, struct cli *);

/*
 * getopt_long() over the command's options (longopts, or when NULL those
 * of its entry, cli->cmd->opts) plus the global ones, which it handles
 * itself.  main() has reset optind.  Returns the command's option code,
 * -1 at the end, 'h' after printing the command's usage, or '?' after
 * printing a usage error.
 */
int cli_getopt(int argc, char **argv, struct cli *cli,
    const struct option *longopts);
/*
 * Prints "esgdiag: msg"; returns EXIT_USAGE.  main() then adds the hint for
 * the command at hand (cli_usage_hint), so commands need not know it.
 */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "try 'esgdiag score --help'", or "try 'esgdiag --help'" for no command. */
void cli_usage_hint(const struct cli_cmd *cmd);
/* Prints "esgdiag: msg"; returns status. */
int cli_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_print_usage(FILE *fp, const struct cli_cmd *cmd);
const struct cli_cmd *cli_find_cmd(const char *name);

/* ESG_FAKETTY=1: behave as on a terminal, for tests (redis-cli's FAKETTY). */
bool cli_fake_tty(void);
/* Colours: on a terminal only, never with --no-color or NO_COLOR set. */
bool cli_use_color(const struct cli *cli, bool tty);

/*
 * Whether messages are in French, and so the reports' numbers (decimal
 * comma, narrow no-break space between thousands): the flag renderers get
 * in esg_render_opts.french, decided by the catalogue, not LC_NUMERIC.
 */
bool cli_french(void);

struct esg_render_opts;
/*
 * Fills the renderer options from the command line and where the output
 * goes: colours only on a terminal and never with NO_COLOR or --no-color,
 * UTF-8 bars when the locale's character set is UTF-8, the terminal's width.
 */
void cli_render_opts(const struct cli *cli, FILE *out, struct esg_render_opts *o);

/* Loads -q FILE or the default questionnaire; returns an exit status. */
int cli_load(struct cli *cli);
/*
 * An input file read through a reader callback, its bytes optionally
 * hashed on the way (the SHA-256 of answers files in JSON results).
 */
struct cli_stream {
	FILE *fp;
	bool hash;
	struct esg_sha256 h;
};

/* The esg_read_fn of a cli_stream. */
long cli_stream_read(void *ctx, char *buf, size_t n);
/* Reads what is left and writes the hash in hex (when hashing). */
void cli_stream_finish(struct cli_stream *s, char hex[65]);

struct esg_map;
/* Loads a survey-export map (--map) for the loaded questionnaire. */
int cli_load_map(struct cli *cli, const char *path, const struct esg_map **out);
/* Reads a whole file (at most max bytes) into *buf; returns an exit status. */
int cli_read_file(const char *path, size_t max, char **buf, size_t *len);
/*
 * Records a file the command reads (an answers file, "-" for standard
 * input), so that no output replaces it.  Call it for every input before
 * cli_out_open(); -q and --map files are recorded by cli_load() and
 * cli_load_map().  path is borrowed (argv).
 */
void cli_add_input(struct cli *cli, const char *path);
/*
 * A usage error (status 2, nothing written) when the file out is -q or one
 * of the recorded inputs: the same file, however named (./a.csv, a
 * symbolic or a hard link).  Returns an exit status.
 */
int cli_check_output(const struct cli *cli, const char *out);
/*
 * Opens -o (a temporary file renamed at commit, atomic.h) or standard
 * output, after cli_check_output().
 */
int cli_out_open(struct cli *cli);
/* Writes the buffer out and empties it; returns an exit status. */
int cli_out_write(struct cli *cli, struct esg_buf *b);
/* Finishes the output: renames -o into place when ok, else removes it. */
int cli_out_close(struct cli *cli, bool ok);

extern const char esg_default_questionnaire[];
extern const unsigned long esg_default_questionnaire_len;
#define ESG_DEFAULT_NAME "default.yaml"
#define ESG_VERSION "0.1.0"


/* The global options, for the end of every command's option table. */
#define CLI_GLOBAL_OPTS \
	{ "questionnaire", required_argument, NULL, 'q' }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "format", required_argument, NULL, 'f' }, \
	{ "no-color", no_argument, NULL, OPT_NO_COLOR }, \
	{ "verbose", no_argument, NULL, OPT_VERBOSE }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ NULL, 0, NULL, 0 }

#endif
