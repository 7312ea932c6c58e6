"""Markdown to safe HTML for post descriptions and company profiles."""

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# Raw HTML off at the parser, then nh3 as a second wall: whatever the parser
# lets through, only these tags and attributes reach the page.
_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote",
    "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text):
    """Render user markdown to sanitised HTML; headings start at h2 so the page keeps one h1."""
    html = _md.render(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )
    return Markup(clean)
