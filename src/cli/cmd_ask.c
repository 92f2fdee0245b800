/*
 * esgdiag ask: the guided self-assessment.  Profile first, then each
 * section; questions whose `when` is not true are skipped.  After each
 * answer the interview goes on with the first question the answer opened
 * before it (a `when` may read a later question), else the next one.
 *
 * Never lose an answer: each answer or note is stored and the answers
 * file rewritten (atomic.h) inside one stretch with the termination
 * signals blocked, so whenever a signal's handler runs, the file holds
 * every answer given, unless a save failed, which the handler then says.
 * The file is edited in place (answers_file.h): other respondents,
 * columns and the file's form are kept.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers_file.h"
#include "ask.h"
#include "atomic.h"
#include "cmd.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"

enum { OPT_RESUME = OPT_CMD, OPT_FORCE, OPT_ID };
enum step { STEP_NEXT, STEP_BACK, STEP_QUIT, STEP_EOF, STEP_IOERR };

#define DEFAULT_ANSWERS "esgdiag-answers.csv"

/*
 * What a signal's handler prints, made before any signal can come (a
 * handler can only reach static storage), and whether the file holds
 * every answer; both change only with the termination signals blocked.
 */
static struct {
	char saved[2048], lost[2048];
	size_t nsaved, nlost;
	volatile sig_atomic_t all_saved;
} on_stop;

static void
on_signal(int sig)
{
	const char *m = on_stop.all_saved ? on_stop.saved : on_stop.lost;
	size_t n = on_stop.all_saved ? on_stop.nsaved : on_stop.nlost;

	if (write(STDERR_FILENO, m, n) < 0)
		on_stop.nsaved = on_stop.nlost = 0;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Appends s quoted for a POSIX shell. */
static void
shell_quote(struct esg_buf *b, const char *s)
{
	esg_buf_putc(b, '\'');
	for (; *s; s++)
		esg_buf_puts(b, *s == '\'' ? "'\\''" : (char[2]){ *s, '\0' });
	esg_buf_putc(b, '\'');
}

/*
 * The program as it was run when that was a path (a copy off PATH, as
 * /home/agent/esgdiag), else by its name; quoted only when it must be.
 */
static void
program(const struct interview *iv, struct esg_buf *b)
{
	const char *p = iv->cli->prog;

	if (p == NULL || strchr(p, '/') == NULL)
		esg_buf_puts(b, "esgdiag");
	else if (p[strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_./-+")] == '\0')
		esg_buf_puts(b, p);
	else
		shell_quote(b, p);
}

/* The command that resumes this interview. */
static void
resume_command(const struct interview *iv, struct esg_buf *b)
{
	program(iv, b);
	esg_buf_putc(b, ' ');
	if (iv->cli->qfile) {
		esg_buf_puts(b, "-q ");
		shell_quote(b, iv->cli->qfile);
		esg_buf_putc(b, ' ');
	}
	esg_buf_puts(b, "ask --resume ");
	if (iv->id) {
		esg_buf_puts(b, "--id ");
		shell_quote(b, iv->id);
		esg_buf_putc(b, ' ');
	}
	esg_buf_puts(b, "-o ");
	shell_quote(b, iv->path);
}

static size_t
copy_msg(char *dst, size_t cap, const struct esg_buf *b)
{
	size_t n = b->len < cap ? b->len : cap - 1;

	memcpy(dst, esg_buf_str(b), n);
	dst[n] = '\0';
	return n;
}

static void
catch_signals(const struct interview *iv)
{
	struct esg_buf b = ESG_BUF_INIT, cmd = ESG_BUF_INIT;
	struct sigaction sa;

	resume_command(iv, &cmd);
	esg_buf_printf(&b, _("\nesgdiag: interrupted; every answer given is "
	    "saved in '%s'.\nResume with: %s\n"), iv->path, esg_buf_str(&cmd));
	on_stop.nsaved = copy_msg(on_stop.saved, sizeof on_stop.saved, &b);
	esg_buf_reset(&b);
	esg_buf_printf(&b, _("\nesgdiag: interrupted; the last answer could "
	    "not be saved in '%s' (the answers before it are there).\n"),
	    iv->path);
	on_stop.nlost = copy_msg(on_stop.lost, sizeof on_stop.lost, &b);
	on_stop.all_saved = 1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	esg_buf_release(&b);
	esg_buf_release(&cmd);
}

/* Writes the file when answers changed; call with signals blocked. */
static int
save(struct interview *iv)
{
	struct esg_buf b = ESG_BUF_INIT;
	int rc = 0;

	/* entry_fits() has made sure the answers can be rendered. */
	if (iv->dirty && (rc = answers_file_render(iv->file, &iv->ans, &b)) == 0)
		rc = atomic_replace(iv->path, b.data, b.len);
	/* Before any answer there is no answer to lose: only the file. */
	if (rc != 0 && !iv->answered)
		cli_error(EXIT_IO, _("cannot write the answers file '%s': %s"),
		    iv->path, strerror(errno));
	else if (rc != 0)
		cli_error(EXIT_IO, _("cannot save the answers in '%s': %s; the "
		    "last answer is not saved"), iv->path, strerror(errno));
	iv->dirty = rc != 0;
	on_stop.all_saved = rc == 0;
	esg_buf_release(&b);
	return rc;
}

static void
refresh(struct interview *iv)
{
	esg_score(iv->res, &iv->ans);
}

/* Stores what the entry gives for field i and saves, as one step. */
static int
commit(struct interview *iv, size_t i, const struct entry *e)
{
	sigset_t old;
	int rc;

	atomic_block(&old);
	iv->answered = true;
	if (e->has_answer) {
		const char *note = iv->ans.a[i].note;

		iv->ans.a[i] = e->a;
		iv->ans.a[i].note = note;
		answers_file_touch(iv->file, i, false);
	}
	if (e->has_note) {
		iv->ans.a[i].note = e->note;
		answers_file_touch(iv->file, i, true);
	}
	iv->dirty = true;
	rc = save(iv);
	atomic_unblock(&old);
	refresh(iv);
	return rc;
}

/* Whether the file's encoding can hold what the entry writes; says if not. */
static bool
entry_fits(struct interview *iv, size_t i, const struct entry *e)
{
	struct esg_buf cell = ESG_BUF_INIT;
	bool ok;

	if (e->has_answer)
		esg_cell_format(&cell, &iv->q->fields[i], &e->a);
	ok = answers_file_fits(iv->file, esg_buf_str(&cell)) &&
	    (!e->has_note || e->note == NULL ||
	    answers_file_fits(iv->file, e->note));
	esg_buf_release(&cell);
	if (!ok)
		prompt_printf(&iv->pr, PS_ERROR, "  %s\n", _("This text has a "
		    "character that the answers file, in Windows-1252, cannot "
		    "hold: type it without that character."));
	return ok;
}

/* Handles one line; returns a step, or -1 to ask the same question again. */
static int
handle_line(struct interview *iv, size_t i, const char *raw)
{
	const struct esg_field *f = &iv->q->fields[i];
	const char *s = raw;
	size_t n = strlen(raw);
	struct entry e;

	esg_trim(&s, &n);
	if (n == 0) {
		if (iv->ans.a[i].state != ESG_A_EMPTY || f->type == ESG_QTYPE_TEXT)
			return STEP_NEXT;
		prompt_printf(&iv->pr, PS_ERROR, "  %s\n", _("Please answer: type "
		    "nsp if you do not know, ? for help."));
		return -1;
	}
	if (n == 1 && (*s == '?' || *s == '<' || *s == 'q' || *s == 'Q')) {
		if (*s == '?')
			ask_show_help(iv, f);
		return *s == '<' ? STEP_BACK : *s == '?' ? -1 : STEP_QUIT;
	}
	if (ask_parse_entry(iv, i, s, n, &e) != 0 || !entry_fits(iv, i, &e))
		return -1;
	if (commit(iv, i, &e) != 0)
		return STEP_IOERR;
	if (e.has_note)
		prompt_printf(&iv->pr, PS_OK, "  %s\n", e.note ? _("Note saved.") :
		    _("Note removed."));
	return e.has_answer ? STEP_NEXT : -1;
}

static enum step
ask_one(struct interview *iv, size_t i)
{
	ask_show_question(iv, i);
	for (;;) {
		const char *line = prompt_read(&iv->pr, "> ");
		int st;

		if (line == NULL)
			return STEP_EOF;
		if ((st = handle_line(iv, i, line)) >= 0)
			return (enum step)st;
	}
}

static size_t
next_applicable(const struct interview *iv, size_t from)
{
	while (from < iv->q->nfields && !ask_applies(iv, from))
		from++;
	return from;
}

/*
 * The field after field i: one before it that has just come to apply and
 * was never asked (its `when` reads a later question), else the next one
 * that applies.
 */
static size_t
next_field(struct interview *iv, size_t i)
{
	size_t back = iv->back_from;

	for (size_t k = 0; k < i; k++)
		if (ask_applies(iv, k) && !iv->visited[k] &&
		    iv->ans.a[k].state == ESG_A_EMPTY) {
			if (back == ESG_NONE || back < i)
				iv->back_from = i;
			return k;
		}
	/* Back where the interview was before the opened questions. */
	iv->back_from = ESG_NONE;
	return next_applicable(iv, (back != ESG_NONE && back > i ? back : i) + 1);
}

static void
say_resume(struct interview *iv)
{
	struct esg_buf cmd = ESG_BUF_INIT, line = ESG_BUF_INIT;

	resume_command(iv, &cmd);
	prompt_printf(&iv->pr, PS_OK, _("\nYour answers are saved in '%s'.\n"), iv->path);
	/* Not wrapped, so that it can be copied whole. */
	esg_buf_printf(&line, _("Resume with: %s\n"), esg_buf_str(&cmd));
	line.data[--line.len] = '\0';
	prompt_line(&iv->pr, PS_PLAIN, esg_buf_str(&line));
	esg_buf_release(&cmd);
	esg_buf_release(&line);
}

static void
go_back(struct interview *iv, size_t *i)
{
	/* Answers changed since may have closed earlier questions. */
	while (iv->nhist > 0 && !ask_applies(iv, iv->hist[iv->nhist - 1]))
		iv->nhist--;
	if (iv->nhist == 0)
		prompt_printf(&iv->pr, PS_ERROR, "  %s\n",
		    _("This is the first question."));
	else
		*i = iv->hist[--iv->nhist];
}

/* The interview proper, from field `start`; returns an exit status. */
static int
interview(struct interview *iv, size_t start)
{
	size_t i = next_applicable(iv, start);

	while (i < iv->q->nfields) {
		switch (ask_one(iv, i)) {
		case STEP_NEXT:
			iv->hist[iv->nhist++] = i;
			iv->visited[i] = 1;
			i = next_field(iv, i);
			break;
		case STEP_BACK:
			go_back(iv, &i);
			break;
		case STEP_IOERR:
			return EXIT_IO;
		case STEP_QUIT:
		case STEP_EOF:
			say_resume(iv);
			return EXIT_OK;
		}
	}
	return -1;	/* finished */
}

/* Where a resumed interview starts: the first unanswered question that applies. */
static size_t
resume_point(struct interview *iv)
{
	size_t i;

	for (i = 0; i < iv->q->nfields; i++) {
		if (!ask_applies(iv, i))
			continue;
		if (iv->ans.a[i].state == ESG_A_EMPTY)
			break;
		iv->hist[iv->nhist++] = i;
	}
	return i;
}

static void
finish(struct interview *iv)
{
	const struct esg_renderer *text = esg_renderer_find("text");
	struct esg_render_opts opts = ESG_RENDER_OPTS_INIT;
	struct esg_buf b = ESG_BUF_INIT, prog = ESG_BUF_INIT;

	refresh(iv);
	program(iv, &prog);
	cli_render_opts(iv->cli, iv->pr.out, &opts);
	iv->ans.id = iv->id ? iv->id : "1";
	prompt_printf(&iv->pr, PS_TITLE, "\n== %s ==\n\n", _("Your maturity profile"));
	text->begin(&b, iv->q, &opts);
	text->respondent(&b, iv->res, &opts, 0);
	fputs(esg_buf_str(&b), iv->pr.out);
	esg_buf_release(&b);
	prompt_printf(&iv->pr, PS_OK, _("\nYour answers are saved in '%s'; score "
	    "them again with: %s score '%s'\n"), iv->path, esg_buf_str(&prog),
	    iv->path);
	esg_buf_release(&prog);
}

/* Opens the answers file: the one to resume, or a new one saved at once. */
static int
open_file(struct interview *iv, bool resume)
{
	sigset_t old;
	int rc;

	if (resume)
		return answers_file_open(iv->cli, iv->path, iv->id, &iv->ans,
		    &iv->file, &iv->id);
	if ((iv->file = answers_file_new(iv->q, iv->id)) == NULL)
		return cli_error(EXIT_INPUT, _("the questionnaire's field ids "
		    "cannot head an answers file"));
	atomic_block(&old);
	iv->dirty = true;
	rc = save(iv) == 0 ? EXIT_OK : EXIT_IO;
	atomic_unblock(&old);
	return rc;
}

static int
run(struct interview *iv, bool resume)
{
	size_t n = iv->q->nfields + 1, start = 0;
	int rc;

	esg_answers_init(&iv->ans, iv->q);
	iv->res = esg_result_new(iv->q);
	iv->hist = calloc(n, sizeof *iv->hist);
	iv->visited = calloc(n, 1);
	iv->maybe = calloc(n, 1);
	iv->shown_section = iv->back_from = ESG_NONE;
	if (iv->hist == NULL || iv->visited == NULL || iv->maybe == NULL)
		return cli_error(EXIT_IO, "%s", strerror(ENOMEM));
	if ((rc = open_file(iv, resume)) != EXIT_OK)
		return rc;
	refresh(iv);
	catch_signals(iv);
	if (resume)
		start = resume_point(iv);
	prompt_printf(&iv->pr, PS_TITLE, "%s\n", iv->q->title);
	prompt_wrap(&iv->pr, PS_HINT, "", _("Type the number of your answer "
	    "and Enter. ? explains a question, < goes back, nsp = don't know, "
	    "na = not applicable where the question allows it, "
	    "+ text attaches a note (2 + text: answer 2 with the note), q saves "
	    "and quits. Every answer is saved at once."));
	rc = interview(iv, start);
	if (rc < 0) {
		finish(iv);
		rc = EXIT_OK;
	}
	return rc;
}

static void
release(struct interview *iv)
{
	prompt_release(&iv->pr);
	esg_answers_release(&iv->ans);
	esg_result_free(iv->res);
	answers_file_free(iv->file);
	free(iv->hist);
	free(iv->visited);
	free(iv->maybe);
}

/* The command's options, also listed by --dump-options (cmd.h). */
const struct option cli_ask_opts[] = {
	{ "resume", no_argument, NULL, OPT_RESUME },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "id", required_argument, NULL, OPT_ID },
	CLI_GLOBAL_OPTS,
};

int
cmd_ask(int argc, char **argv, struct cli *cli)
{
	struct interview iv = { .cli = cli };
	bool resume = false, force = false;
	struct stat st;
	int c, rc;

	while ((c = cli_getopt(argc, argv, cli, NULL)) != -1) {
		resume |= c == OPT_RESUME;
		force |= c == OPT_FORCE;
		if (c == OPT_ID)
			iv.id = optarg;
	}
	if (optind < argc)
		return cli_usage_error(_("ask takes no argument (use -o FILE)"));
	iv.path = cli->output ? cli->output : DEFAULT_ANSWERS;
	if ((rc = cli_check_output(cli, iv.path)) != EXIT_OK)
		return rc;
	if (!resume && !force && stat(iv.path, &st) == 0)
		return cli_usage_error(_("'%s' exists: use --resume to continue "
		    "it, or --force to start again"), iv.path);
	iv.q = cli->q;
	prompt_init(&iv.pr, cli);
	rc = run(&iv, resume);
	release(&iv);
	return rc;
}
