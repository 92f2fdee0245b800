/*
 * Terminal input and output for the interview.  Input is read a line at a
 * time from standard input in every case, so a session can be scripted
 * through a pipe and used with a screen reader; on a terminal the line
 * discipline of the terminal itself gives the editing keys (erase, kill
 * line, erase word).  ESG_FAKETTY=1 makes the program behave as on a
 * terminal, for tests (as redis-cli's FAKETTY).
 */
#ifndef ESG_PROMPT_H
#define ESG_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct prompt {
	FILE *in, *out;
	bool tty;		/* interactive: prompts shown, colours allowed */
	bool color;
	size_t width;		/* columns to wrap to */
	char *line;		/* the last line read; owned */
	size_t cap;
};

enum prompt_style { PS_PLAIN, PS_TITLE, PS_QUESTION, PS_HINT, PS_ERROR, PS_OK };

struct cli;
/* Colours as cli_use_color() decides. */
void prompt_init(struct prompt *p, const struct cli *cli);
void prompt_release(struct prompt *p);
/*
 * Reads the terminal's width again: called before each question, so the
 * layout follows a window resized during the interview (SIGWINCH changes
 * what TIOCGWINSZ says; no handler is needed to read it then).
 */
void prompt_refresh(struct prompt *p);
/*
 * Shows text (the prompt) and reads one line, without its line end.
 * Returns the line (owned by p, valid until the next call), or NULL at the
 * end of input.
 */
const char *prompt_read(struct prompt *p, const char *text);
/*
 * Prints lead then text wrapped to the width, the lines after the first
 * indented by as many columns as lead takes (a hanging indent).
 */
void prompt_wrap(struct prompt *p, enum prompt_style st, const char *lead,
    const char *text);
/*
 * printf in a style, each line wrapped as prompt_wrap() does with its
 * leading spaces as the lead.
 */
void prompt_printf(struct prompt *p, enum prompt_style st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* One line as it is, never wrapped: a command to copy, for instance. */
void prompt_line(struct prompt *p, enum prompt_style st, const char *text);

#endif
