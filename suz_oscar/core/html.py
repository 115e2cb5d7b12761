"""Rich text written by dealers, made safe to render with ``|safe`` (Oscar's product page does)."""

import nh3

# What a product description may use: paragraphs, emphasis, lists, headings, tables and plain links.
# No images (a product's pictures are uploaded as images), no styles, no classes, no event handlers.
ALLOWED_TAGS = {
    "p", "br", "hr", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "span",
    "ul", "ol", "li", "h3", "h4", "h5", "h6", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(text):
    """``text`` with every tag, attribute and URL scheme outside the allow-list removed.

    ``<script>`` and ``<style>`` go with their content; links get ``rel="nofollow noopener noreferrer"``.
    """
    if not text:
        return ""
    return nh3.clean(
        str(text), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
        clean_content_tags={"script", "style"}, link_rel="nofollow noopener noreferrer", strip_comments=True,
    ).strip()
