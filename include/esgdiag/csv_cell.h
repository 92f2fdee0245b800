/*
 * Cells of the CSV files the tool writes, safe to open in a spreadsheet.
 * A cell that begins with '=', '+', '-', '@', a tab or a carriage return is
 * run as a formula by Excel and LibreOffice (CSV injection); OWASP's remedy
 * is a leading apostrophe inside the quoted cell, which spreadsheets show
 * as text.  Every CSV writer of the library goes through esg_csv_cell(),
 * except for the numbers the tool formats itself (a score, a count, a
 * number answer such as -3), which must stay numbers.
 *
 * The mark is reversible, so that a file `ask` writes reads back as what
 * was typed: a cell whose text, past its leading apostrophes, begins with
 * one of those characters gets one more apostrophe, and the reader
 * (esg_csv_unmark) takes one off the same cells.  "'x" is left alone both
 * ways; "'=x" is written "''=x" and reads back "'=x".
 */
#ifndef ESG_CSV_CELL_H
#define ESG_CSV_CELL_H

#include <stdbool.h>
#include <stddef.h>

struct esg_buf;

/* Whether s[0..n) would be marked (its text could start a formula). */
bool esg_csv_formula_like(const char *s, size_t n);
/* Appends s as one CSV cell: marked when formula-like, quoted as needed. */
void esg_csv_cell(struct esg_buf *b, const char *s);
/* Bytes to skip at the start of a cell read back: 1 for a mark, else 0. */
size_t esg_csv_unmark(const char *s, size_t n);

#endif
