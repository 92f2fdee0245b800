/*
 * One self-contained HTML page, printable on A4, that a director can hand
 * to elected officials: pillar scores with a radar chart in inline SVG,
 * sections as bars, obligations, and the recommended sheets in full.  No
 * script, no font or image from the network; headings, table headers and
 * text alternatives for the charts make it readable with assistive
 * technology.  Colours keep a contrast ratio of at least 4.5:1 on white.
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "esgdiag/aggregate.h"
#include "esgdiag/answers.h"
#include "esgdiag/buf.h"
#include "esgdiag/model.h"
#include "esgdiag/peers.h"
#include "esgdiag/score.h"
#include "esgdiag/text.h"
#include "i18n.h"
#include "render_impl.h"

static const char css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
    "color:#1a1a1a;background:#fff;max-width:60rem;margin:0 auto;padding:1rem 1.5rem;"
    "line-height:1.45}\n"
    "h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #1d4f91;"
    "padding-bottom:.2rem;margin-top:2rem}h3{margin-top:1.5rem}\n"
    ".meta{color:#444}table{border-collapse:collapse;width:100%;margin:.5rem 0}\n"
    "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ccc;"
    "vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".summary{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center}"
    ".summary figure{margin:0}.summary table{width:auto;flex:1}\n"
    ".bar{background:#e8e8e8;height:.9rem;min-width:8rem;border-radius:2px}"
    ".bar span{display:block;height:100%;border-radius:2px}\n"
    ".l0{background:#b3261e}.l1{background:#8a5300}.l2{background:#1d4f91}"
    ".l3{background:#1e6b35}\n"
    ".notmet{color:#b3261e;font-weight:bold}.sheet{border-left:4px solid #1d4f91;"
    "padding:.2rem 1rem;margin:1rem 0;break-inside:avoid}\n"
    ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}\n"
    ".why{font-style:italic}dl.profile{display:grid;grid-template-columns:"
    "max-content 1fr;gap:.2rem 1rem}dl.profile dt{font-weight:bold}"
    "dl.profile dd{margin:0}\n"
    "figure{margin:.5rem 0}figure svg{max-width:100%;height:auto}"
    "figcaption{color:#444;font-size:.9rem}"
    "table.narrow{width:auto}\n"
    "@media print{@page{size:A4;margin:15mm}body{max-width:none;padding:0;"
    "font-size:10.5pt}section.respondent{break-after:page}a{color:inherit}"
    "figure,tr{break-inside:avoid}h3{break-after:avoid}}\n";

static void __attribute__((format(printf, 2, 3)))
text(struct esg_buf *b, const char *fmt, ...)
{
	struct esg_buf t = ESG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	esg_buf_vprintf(&t, fmt, ap);
	va_end(ap);
	esg_xml_str(b, esg_buf_str(&t));
	esg_buf_release(&t);
}

void
esg_html_begin(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o)
{
	/* The language of the page's own words, those of the messages. */
	esg_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>",
	    o->french ? "fr" : "en");
	esg_xml_str(b, q->title);
	esg_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>",
	    css);
	esg_xml_str(b, q->title);
	esg_buf_puts(b, "</h1>\n<p class=\"meta\">");
	text(b, _("questionnaire %s, version %s"), q->id, q->version);
	esg_buf_puts(b, "</p>\n</header>\n<main>\n");
}

static int
level_class(const struct esg_questionnaire *q, double x)
{
	int k = esg_render_level_index(q, x);

	return k < 0 || q->nlevels < 2 ? 2 : (int)((size_t)k * 3 / (q->nlevels - 1));
}

/*
 * A pillar's label at the end of its axis, wrapped on words in lines of
 * about 16 characters (tspan lines) so that long labels stay in the figure.
 */
static void
axis_label(struct esg_buf *b, const char *label, double x, double y, double a)
{
	struct esg_buf line = ESG_BUF_INIT;
	const char *rest = label;
	size_t nlines = 0;

	for (const char *t = label; *t; nlines++)
		t = esg_render_cell(&line, t, 16);
	/* Lines above the axis end grow upwards, those below downwards. */
	if (sin(a) < -0.2)
		y -= 14.0 * (double)(nlines - 1);
	else if (fabs(sin(a)) <= 0.2)
		y -= 7.0 * (double)(nlines - 1);
	esg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" "
	    "text-anchor=\"%s\" fill=\"#1a1a1a\">", x, y + 4,
	    fabs(cos(a)) < 0.2 ? "middle" : cos(a) > 0 ? "start" : "end");
	for (size_t i = 0; *rest; i++) {
		esg_buf_reset(&line);
		rest = esg_render_cell(&line, rest, 16);
		while (line.len > 0 && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		esg_buf_printf(b, "<tspan x=\"%.1f\" dy=\"%s\">", x, i ? "14" : "0");
		esg_xml_str(b, esg_buf_str(&line));
		esg_buf_puts(b, "</tspan>");
	}
	esg_buf_puts(b, "</text>\n");
	esg_buf_release(&line);
}

/* A radar of the pillars; with fewer than three there is no polygon to draw. */
static void
radar(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_questionnaire *q = r->q;
	const double cx = 200, cy = 150, R = 100, pi = 3.14159265358979323846;

	esg_buf_printf(b, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"400\" height=\"300\" viewBox=\"0 0 400 300\" role=\"img\" "
	    "aria-labelledby=\"radar-t%zu radar-d%zu\">\n<title id=\"radar-t%zu\">",
	    n, n, n);
	text(b, _("Scores by pillar"));
	esg_buf_printf(b, "</title>\n<desc id=\"radar-d%zu\">", n);
	for (size_t p = 0; p < q->npillars; p++) {
		esg_xml_str(b, q->pillars[p].label);
		if (esg_score_is_null(r->pillar[p]))
			text(b, _(": no score. "));
		else {
			esg_xml_str(b, _(": "));
			esg_render_score(b, o, r->pillar[p]);
			esg_buf_puts(b, ". ");
		}
	}
	esg_buf_puts(b, "</desc>\n");
	for (int ring = 1; ring <= 5; ring++) {
		esg_buf_puts(b, "<polygon fill=\"none\" stroke=\"#bbb\" points=\"");
		for (size_t p = 0; p < q->npillars; p++) {
			double a = -pi / 2 + 2 * pi * (double)p / (double)q->npillars;

			esg_buf_printf(b, "%.1f,%.1f ", cx + R * ring / 5 * cos(a),
			    cy + R * ring / 5 * sin(a));
		}
		esg_buf_puts(b, "\"/>\n");
	}
	esg_buf_puts(b, "<polygon fill=\"#1d4f91\" fill-opacity=\".3\" stroke=\"#1d4f91\" "
	    "stroke-width=\"2\" points=\"");
	for (size_t p = 0; p < q->npillars; p++) {
		double a = -pi / 2 + 2 * pi * (double)p / (double)q->npillars;
		double v = esg_score_is_null(r->pillar[p]) ? 0 : r->pillar[p] / 100;

		esg_buf_printf(b, "%.1f,%.1f ", cx + R * v * cos(a), cy + R * v * sin(a));
	}
	esg_buf_puts(b, "\"/>\n");
	for (size_t p = 0; p < q->npillars; p++) {
		double a = -pi / 2 + 2 * pi * (double)p / (double)q->npillars;

		axis_label(b, q->pillars[p].label, cx + (R + 14) * cos(a),
		    cy + (R + 14) * sin(a), a);
	}
	esg_buf_puts(b, "</svg>\n</figure>\n");
}

/*
 * Opens a table with its header row; a last column labelled hidden_last
 * (a bar) is named for screen readers only.
 */
static void
table_head(struct esg_buf *b, const char *const *cols, size_t n,
    const char *hidden_last)
{
	esg_buf_puts(b, "<table>\n<thead><tr>");
	for (size_t i = 0; i < n; i++) {
		esg_buf_puts(b, "<th scope=\"col\">");
		esg_xml_str(b, cols[i]);
		esg_buf_puts(b, "</th>");
	}
	if (hidden_last != NULL) {
		esg_buf_puts(b, "<th scope=\"col\"><span class=\"visually-hidden\">");
		esg_xml_str(b, hidden_last);
		esg_buf_puts(b, "</span></th>");
	}
	esg_buf_puts(b, "</tr></thead>\n<tbody>\n");
}

static void
score_row(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, const char *label, double x, bool bars)
{
	const struct esg_questionnaire *q = r->q;
	const char *level = esg_render_level(q, x);

	esg_buf_puts(b, "<tr><th scope=\"row\">");
	esg_xml_str(b, label);
	if (esg_score_is_null(x)) {
		esg_buf_puts(b, "</th><td class=\"num\">—</td><td>");
		text(b, _("no score"));
		esg_buf_puts(b, bars ? "</td><td></td></tr>\n" : "</td></tr>\n");
		return;
	}
	esg_buf_puts(b, "</th><td class=\"num\">");
	esg_render_score(b, o, x);
	esg_buf_puts(b, "</td><td>");
	esg_xml_str(b, level ? level : "");
	esg_buf_puts(b, "</td>");
	if (bars)
		esg_buf_printf(b, "<td aria-hidden=\"true\"><div class=\"bar\"><span "
		    "class=\"l%d\" style=\"width:%.1f%%\"></span></div></td>",
		    level_class(q, x), esg_round2(x));
	esg_buf_puts(b, "</tr>\n");
}

static void
profile(struct esg_buf *b, const struct esg_result *r, bool french)
{
	const struct esg_questionnaire *q = r->q;

	if (q->nprofile == 0)
		return;
	esg_buf_puts(b, "<dl class=\"profile\">\n");
	for (size_t i = 0; i < q->nprofile; i++) {
		struct esg_buf v = ESG_BUF_INIT;

		esg_render_answer(&v, r, i, french);
		esg_buf_puts(b, "<dt>");
		esg_xml_str(b, q->fields[i].label);
		esg_buf_puts(b, "</dt><dd>");
		esg_xml_str(b, v.len ? esg_buf_str(&v) : "—");
		esg_buf_puts(b, "</dd>\n");
		esg_buf_release(&v);
	}
	esg_buf_puts(b, "</dl>\n");
}

static void
scores(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	const struct esg_questionnaire *q = r->q;
	struct esg_buf t = ESG_BUF_INIT;

	esg_buf_puts(b, "<h3>");
	text(b, _("Maturity"));
	esg_buf_puts(b, "</h3>\n<div class=\"summary\">\n");
	if (q->npillars >= 3)
		radar(b, r, o, n);
	table_head(b, (const char *[]){ _("Pillar"), _("Score"), _("Level") }, 3,
	    NULL);
	score_row(b, r, o, _("Overall"), r->overall, false);
	for (size_t p = 0; p < q->npillars; p++)
		score_row(b, r, o, q->pillars[p].label, r->pillar[p], false);
	esg_buf_puts(b, "</tbody>\n</table>\n</div>\n<h3>");
	text(b, _("Sections"));
	esg_buf_puts(b, "</h3>\n");
	table_head(b, (const char *[]){ _("Section"), _("Score"), _("Level") }, 3,
	    _("Bar"));
	for (size_t s = 0; s < q->nsections; s++)
		score_row(b, r, o, q->sections[s].title, r->section[s], true);
	esg_buf_puts(b, "</tbody>\n</table>\n<p>");
	esg_render_coverage(&t, &r->cov);
	text(b, "%s %s", _("Coverage:"), esg_buf_str(&t));
	esg_buf_release(&t);
	esg_buf_puts(b, "</p>\n");
}


static void
obligations(struct esg_buf *b, const struct esg_result *r)
{
	const struct esg_questionnaire *q = r->q;

	if (q->nobligations == 0)
		return;
	esg_buf_puts(b, "<h3>");
	text(b, _("Legal obligations"));
	esg_buf_puts(b, "</h3>\n");
	table_head(b, (const char *[]){ _("Obligation"), _("Status"), _("Source") },
	    3, NULL);
	for (size_t i = 0; i < q->nobligations; i++) {
		esg_buf_puts(b, "<tr><th scope=\"row\">");
		esg_xml_str(b, q->obligations[i].title);
		esg_buf_printf(b, "</th><td%s>", r->obligation[i] ==
		    ESG_OBL_NON_COMPLIANT ? " class=\"notmet\"" : "");
		esg_xml_str(b, esg_ostatus_text((int)r->obligation[i]));
		esg_buf_puts(b, "</td><td>");
		esg_xml_str(b, q->obligations[i].source);
		esg_buf_puts(b, "</td></tr>\n");
	}
	esg_buf_puts(b, "</tbody>\n</table>\n");
}

static void
html_list(struct esg_buf *b, const char *title, const char **items, size_t n)
{
	if (n == 0)
		return;
	esg_buf_puts(b, "<h5>");
	esg_xml_str(b, title);
	esg_buf_puts(b, "</h5>\n<ul>\n");
	for (size_t i = 0; i < n; i++) {
		esg_buf_puts(b, "<li>");
		esg_xml_str(b, items[i]);
		esg_buf_puts(b, "</li>\n");
	}
	esg_buf_puts(b, "</ul>\n");
}

static void
sheet(struct esg_buf *b, const struct esg_result *r, size_t i,
    const struct esg_render_opts *o)
{
	const struct esg_rec *rec = &r->recs[i];
	const struct esg_sheet *s = &r->q->sheets[rec->sheet];
	struct esg_buf why = ESG_BUF_INIT;

	esg_buf_printf(b, "<article class=\"sheet\">\n<h4>%zu. ", i + 1);
	esg_xml_str(b, s->title);
	esg_buf_puts(b, "</h4>\n<p class=\"why\">");
	esg_render_why(&why, r, rec, o);
	esg_xml_str(b, esg_buf_str(&why));
	esg_buf_release(&why);
	esg_buf_puts(b, "</p>\n<p>");
	esg_xml_str(b, s->objective);
	esg_buf_puts(b, "</p>\n");
	html_list(b, _("Key steps"), s->steps, s->nsteps);
	html_list(b, _("Deliverables"), s->deliverables, s->ndeliverables);
	if (s->nrefs > 0) {
		esg_buf_puts(b, "<h5>");
		text(b, _("References"));
		esg_buf_puts(b, "</h5>\n<ul>\n");
	}
	for (size_t k = 0; k < s->nrefs; k++) {
		esg_buf_puts(b, "<li>");
		esg_xml_str(b, s->refs[k].label);
		if (s->refs[k].url && esg_render_web_url(s->refs[k].url)) {
			esg_buf_puts(b, " — <a href=\"");
			esg_xml_str(b, s->refs[k].url);
			esg_buf_puts(b, "\">");
			esg_xml_str(b, s->refs[k].url);
			esg_buf_puts(b, "</a>");
		} else if (s->refs[k].url) {
			esg_buf_puts(b, " — ");
			esg_xml_str(b, s->refs[k].url);
		}
		esg_buf_puts(b, "</li>\n");
	}
	esg_buf_puts(b, s->nrefs > 0 ? "</ul>\n</article>\n" : "</article>\n");
}

static void
notes(struct esg_buf *b, const struct esg_result *r, bool french)
{
	if (!esg_render_has_notes(r))
		return;
	esg_buf_puts(b, "<h3>");
	text(b, _("Justifications given"));
	esg_buf_puts(b, "</h3>\n<ul>\n");
	for (size_t i = 0; i < r->q->nfields; i++) {
		struct esg_buf v = ESG_BUF_INIT;

		if (r->ans->a[i].note == NULL)
			continue;
		esg_render_answer(&v, r, i, french);
		esg_buf_puts(b, "<li><strong>");
		esg_xml_str(b, r->q->fields[i].label);
		esg_buf_puts(b, "</strong> (");
		esg_xml_str(b, esg_buf_str(&v));
		esg_buf_puts(b, ")");
		text(b, _(": "));
		esg_xml_str(b, r->ans->a[i].note);
		esg_buf_puts(b, "</li>\n");
		esg_buf_release(&v);
	}
	esg_buf_puts(b, "</ul>\n");
}

void
esg_html_respondent(struct esg_buf *b, const struct esg_result *r,
    const struct esg_render_opts *o, size_t n)
{
	size_t nrecs = esg_render_nrecs(r, o);

	esg_buf_printf(b, "<section class=\"respondent\" aria-labelledby=\"r%zu\">\n"
	    "<h2 id=\"r%zu\">", n, n);
	text(b, _("Respondent %s"), r->ans->id);
	esg_buf_puts(b, "</h2>\n");
	profile(b, r, o->french);
	scores(b, r, o, n);
	esg_peers_html(b, r, o, n);
	obligations(b, r);
	esg_buf_puts(b, "<h3>");
	text(b, _("Recommended action sheets"));
	esg_buf_puts(b, "</h3>\n");
	if (nrecs == 0) {
		esg_buf_puts(b, "<p>");
		text(b, _("None: no sheet would raise the score."));
		esg_buf_puts(b, "</p>\n");
	}
	for (size_t i = 0; i < nrecs; i++)
		sheet(b, r, i, o);
	notes(b, r, o->french);
	esg_buf_puts(b, "</section>\n");
}

void
esg_html_end(struct esg_buf *b, const struct esg_questionnaire *q,
    const struct esg_render_opts *o, size_t count)
{
	(void)q;
	(void)count;
	if (o->agg != NULL)
		esg_agg_html(b, o->agg, o);
	esg_buf_puts(b, "</main>\n<footer><p class=\"meta\">");
	text(b, _("Made with esgdiag."));
	esg_buf_puts(b, "</p></footer>\n</body>\n</html>\n");
}
