/*
 * Positioning among peers in the HTML page: for the overall score, each
 * pillar and each section, the box plot of the group compared with (its
 * published minimum to maximum, quartiles and median) with the
 * respondent's score as a marker, in inline SVG; then the same numbers as
 * a table, which is also the chart's text alternative.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/render.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "peers_impl.h"

/* Geometry: labels left of X0 (wrapped, never cut), 4 px a point. */
enum { X0 = 250, XV = 665, LINE_PX = 15, TOP = 8, LABEL_CHARS = 34 };

static double
px(double x)
{
	return X0 + 4 * x;
}

/* Writes a label wrapped to LABEL_CHARS as tspans (counts only, b NULL). */
static size_t
label_lines(struct esg_buf *b, const char *s, double y, bool indent)
{
	struct esg_buf line = ESG_BUF_INIT;
	size_t n = 0;

	for (; *s; n++) {
		esg_buf_reset(&line);
		s = esg_render_cell(&line, s, LABEL_CHARS);
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		if (b == NULL)
			continue;
		esg_buf_printf(b, "<tspan x=\"%d\" y=\"%.0f\">", indent ? 14 : 0,
		    y + (double)n * LINE_PX);
		esg_xml_str(b, esg_buf_str(&line));
		esg_buf_puts(b, "</tspan>");
	}
	esg_buf_release(&line);
	return n ? n : 1;
}

static double
row_height(const char *label)
{
	return (double)label_lines(NULL, label, 0, false) * LINE_PX + 13;
}

/* Sections are indented under the pillars, pillars and overall in bold. */
static void
svg_label(struct esg_buf *b, const char *s, double y, bool indent)
{
	esg_buf_printf(b, "<text font-size=\"12\" fill=\"#1a1a1a\"%s>",
	    indent ? "" : " font-weight=\"bold\"");
	label_lines(b, s, y, indent);
	esg_buf_puts(b, "</text>\n");
}

/* Whiskers only where the publisher kept min and max. */
static void
box(struct esg_buf *b, const struct esg_peer_stats *s, double y)
{
	if (!isnan(s->min) && !isnan(s->max))
		esg_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"#444\"/>\n", px(s->min), px(s->max), y, y);
	esg_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"14\" fill=\"#9db7dc\" stroke=\"#1d4f91\"/>\n<line x1=\"%.1f\" "
	    "x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1a1a1a\" "
	    "stroke-width=\"2.5\"/>\n", px(s->q1), y - 7, 4 * (s->q3 - s->q1) + 0.5,
	    px(s->median), px(s->median), y - 8, y + 8);
}

/* The respondent: a diamond on the scale and its score at the right. */
static void
marker(struct esg_buf *b, const struct esg_render_opts *o, double x, double y)
{
	double cx = px(esg_round2(x));
	struct esg_buf t = ESG_BUF_INIT;

	esg_render_score(&t, o, x);
	esg_buf_printf(b, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
	    "fill=\"#b3261e\" stroke=\"#fff\" stroke-width=\"1.5\"/>\n"
	    "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"#b3261e\" "
	    "font-weight=\"bold\">%s</text>\n", cx, y - 9, cx + 7, y, cx, y + 9,
	    cx - 7, y, XV, y + 4, esg_buf_str(&t));
	esg_buf_release(&t);
}

static void
chart(struct esg_buf *b, const struct peer_view *v, size_t n)
{
	double h = TOP, y = TOP;

	for (size_t c = 0; c < v->ncols; c++)
		h += row_height(esg_peers_col_label(v->p->q, c));
	esg_buf_printf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"720\" height=\"%.0f\" viewBox=\"0 0 720 %.0f\" role=\"img\" "
	    "aria-labelledby=\"peers-t%zu\">\n<title id=\"peers-t%zu\">", h + 24,
	    h + 24, n, n);
	esg_xml_str(b, _("Box plots of the group compared with, per score: "
	    "minimum to maximum, quartiles and median; the red diamond is this "
	    "respondent (the table below gives the values)"));
	esg_buf_puts(b, "</title>\n");
	for (int t = 0; t <= 100; t += 20)
		esg_buf_printf(b, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"4\" y2=\"%.0f\" "
		    "stroke=\"#ddd\"/>\n<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" "
		    "text-anchor=\"middle\" fill=\"#444\">%d</text>\n", px(t), px(t),
		    h, px(t), h + 14, t);
	for (size_t c = 0; c < v->ncols; c++) {
		const struct esg_peer_stats *s = esg_peers_col_stats(v, c);
		const char *label = esg_peers_col_label(v->p->q, c);
		double x = esg_peers_col_score(v->r, c);

		svg_label(b, label, y + 13, c > v->p->q->npillars);
		if (s != NULL && s->n > 0)
			box(b, s, y + 9);
		if (!esg_score_is_null(x))
			marker(b, v->o, x, y + 9);
		y += row_height(label);
	}
	esg_buf_puts(b, "</svg>\n<figcaption>");
	esg_xml_str(b, _("Box: from q1 to q3, the thick line at the median; thin "
	    "line: minimum to maximum of the group; red diamond: this score."));
	esg_buf_puts(b, "</figcaption>\n</figure>\n");
}

static void
table_row(struct esg_buf *b, const struct peer_view *v, size_t c)
{
	struct peer_cells k;
	const char *num[5];

	esg_peers_cells(v, c, &k, "—");
	num[0] = k.score, num[1] = k.n, num[2] = k.q1, num[3] = k.median;
	num[4] = k.q3;
	esg_buf_printf(b, "<tr><th scope=\"row\"%s>", k.section ?
	    " style=\"padding-left:1.5rem;font-weight:normal\"" : "");
	esg_xml_str(b, k.label);
	esg_buf_puts(b, "</th>");
	for (size_t i = 0; i < 5; i++)
		esg_buf_printf(b, "<td class=\"num\">%s</td>", num[i]);
	esg_buf_puts(b, "<td>");
	esg_xml_str(b, esg_peers_pos_short(k.pos));
	esg_buf_puts(b, "</td></tr>\n");
}

static void
table(struct esg_buf *b, const struct peer_view *v)
{
	const char *head[] = { "", _("Score"), "n", _("Q1"), _("median"), _("Q3"),
	    _("Position") };

	esg_buf_puts(b, "<table>\n<thead><tr>");
	/* The number columns' heads are right-aligned over their numbers. */
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
		esg_buf_puts(b, i >= 1 && i <= 5 ? "<th scope=\"col\" class=\"num\">" :
		    "<th scope=\"col\">");
		esg_xml_str(b, head[i]);
		esg_buf_puts(b, "</th>");
	}
	esg_buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (size_t c = 0; c < v->ncols; c++)
		table_row(b, v, c);
	esg_buf_puts(b, "</tbody>\n</table>\n");
}

void
esg_peers_html(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	struct esg_buf key = ESG_BUF_INIT, t = ESG_BUF_INIT;
	struct peer_view v;

	if (o->peers == NULL)
		return;
	esg_peers_view_init(&v, o, r, &key);
	esg_buf_printf(b, "<h3 id=\"peers%zu\">", n);
	esg_xml_str(b, _("Among peers"));
	esg_buf_puts(b, "</h3>\n<p>");
	esg_peers_describe(&t, &v);
	esg_xml_str(b, esg_buf_str(&t));
	esg_buf_puts(b, "</p>\n");
	if (v.m.g->usable) {
		esg_buf_reset(&t);
		esg_peers_overall(&t, &v);
		esg_buf_puts(b, "<p>");
		esg_xml_str(b, esg_buf_str(&t));
		esg_buf_puts(b, "</p>\n");
		chart(b, &v, n);
		table(b, &v);
	}
	esg_buf_release(&t);
	esg_buf_release(&key);
}
