use super::*;

fn text(t: &str) -> Node {
    Node::Text(t.into())
}

fn el(kind: Kind, children: Vec<Node>) -> Node {
    Node::Element(Element { kind, children })
}

#[test]
fn a_timeline_text_keeps_its_paragraphs_emphasis_and_links() {
    let t = RichText::parse(
        "<p>Leaders met in <b>Brussels</b>. See <a href=\"https://www.nato.int\">NATO</a>.</p>",
    );
    assert_eq!(
        t.nodes,
        [el(
            Kind::Paragraph,
            vec![
                text("Leaders met in "),
                el(Kind::Bold, vec![text("Brussels")]),
                text(". See "),
                el(
                    Kind::Link {
                        href: "https://www.nato.int".into()
                    },
                    vec![text("NATO")]
                ),
                text("."),
            ]
        )]
    );
    assert_eq!(t.plain_text(), "Leaders met in Brussels. See NATO.");
    assert_eq!(
        t.to_html(),
        "<p>Leaders met in <b>Brussels</b>. See <a href=\"https://www.nato.int\">NATO</a>.</p>"
    );
}

#[test]
fn hostile_markup_becomes_text_or_goes() {
    let cases = [
        ("<script>alert(1)</script>ok", "ok"),
        ("<SCRIPT type=x>alert(1)</SCRIPT >ok", "ok"),
        ("<script>never closed", ""),
        ("<style>p{}</style><p>ok</p>", "ok"),
        ("<img src=x onerror=alert(1)>ok", "ok"),
        ("<iframe src=\"https://evil\"></iframe>ok", "ok"),
        ("<svg><script>alert(1)</script></svg>ok", "ok"),
        ("<!-- <script>alert(1)</script> -->ok", "ok"),
        ("<![CDATA[<script>]]>ok", "ok"),
        ("<!doctype html><?php echo 1 ?>ok", "ok"),
        ("<a href=\"javascript:alert(1)\">text</a>", "text"),
        ("<a href=\"&#106;avascript:alert(1)\">text</a>", "text"),
        ("<a href=\" java\tscript:x\">text</a>", "text"),
        ("<a href=data:text/html,x>text</a>", "text"),
        ("<a>no href</a>", "no href"),
        ("<b onclick=\"alert(1)\" style=\"x\">bold</b>", "bold"),
        ("<span>a</span><font color=red>b</font>", "ab"),
        ("a < b & c > d", "a < b & c > d"),
        ("<3 <b", "<3"),
        ("x</p></b></ul>y", "xy"),
        (
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<script>alert(1)</script>",
        ),
        (
            "&#39;&#x27;&amp;&nbsp;&quot;&copy;&bogus;&#0;&#1;&#xD800;",
            "''&\u{A0}\"©&bogus;\u{FFFD}\u{FFFD}",
        ),
        ("<p>one<p>two", "one\n\ntwo"),
        ("<ul><li>a<li>b</ul><ol><li>c</li></ol>", "• a\n• b\n\n1. c"),
        ("a<br>b<br/>c</br>d", "a\nb\nc\nd"),
        ("<div>a</div><h1>b</h1>", "a\n\nb"),
    ];
    for (markup, plain) in cases {
        let tree = RichText::parse(markup);
        assert_eq!(tree.plain_text(), plain, "{markup}");
        let html = tree.to_html();
        assert!(!html.to_lowercase().contains("<script"), "{markup}: {html}");
        assert!(
            !html.contains("onclick") && !html.contains("onerror"),
            "{markup}: {html}"
        );
        assert!(!html.contains("javascript"), "{markup}: {html}");
        assert_eq!(RichText::parse(&html), tree, "{markup}: {html}");
    }
}

#[test]
fn deep_and_unclosed_markup_is_capped_not_a_crash() {
    let deep = "<b>".repeat(100_000) + "x";
    let tree = RichText::parse(&deep);
    let mut depth = 0;
    let mut nodes = &tree.nodes;
    while let Some(Node::Element(e)) = nodes.first() {
        depth += 1;
        nodes = &e.children;
    }
    assert_eq!(depth, MAX_DEPTH);
    assert_eq!(tree.plain_text(), "x");
    let lists = "<ul><li>".repeat(10_000);
    let nested = RichText::parse(&(lists + "y")).plain_text();
    assert!(nested.ends_with("• y") && nested.matches('•').count() == MAX_DEPTH / 2);
    for broken in [
        "<",
        "<a",
        "<a href=\"x",
        "<a href=",
        "<!--",
        "</",
        "&",
        "&#",
        "&#x;",
        "<p",
        "<<>>",
    ] {
        let _ = RichText::parse(broken).plain_text();
    }
    assert_eq!(RichText::parse("a <b c=\"d").plain_text(), "a");
}

#[test]
fn plain_text_for_search_and_titles() {
    assert_eq!(plain_text("Tom & Jerry <3\nx"), "Tom & Jerry <3 x");
    assert_eq!(plain_text("Tom &amp; Jerry"), "Tom & Jerry");
    assert_eq!(
        RichText::parse("<p onclick=x>Hi <em>there</em><script>x</script></p>").to_html(),
        "<p>Hi <i>there</i></p>"
    );
    assert_eq!(one_line("<p>A</p><p>B <br> C</p>"), "A B C");
    assert_eq!(plain_text("plain"), "plain");
}

/// Text written as text is not markup, whatever `<`, `>` and `&` it has: it is shown and searched
/// as written. A tag of the allow-list makes markup, in any case, with attributes or closing.
#[test]
fn markup_is_what_has_a_tag_of_the_allow_list() {
    for text in [
        "Browsers ignore the <blink> tag; <script> blocks run in order; AT&T and R&D teams.",
        "If x<y and y>z then x&lt;z is shown",
        "a < b > c",
        "<3 and <> and </>",
        "the <p tag is never closed",
        "<pre-war> Japan",
        "",
    ] {
        assert!(!is_markup(text), "{text:?}");
    }
    for text in [
        "<p>From clay to print</p>",
        "Cuneiform in <b>Sumer</b>.",
        "line<br/>break",
        "line<BR>break",
        "see <a href='https://ex.org/a'>this</a>",
        "unclosed bold <strong>here</strong",
        "<div class=x>block</div>",
    ] {
        assert!(is_markup(text), "{text:?}");
    }
}

/// TimelineJS text with tags or references of its own but none of the allow-list's is put in a
/// paragraph, so that it reads as HTML does; plain text and markup are kept as they are.
#[test]
fn timelinejs_text_is_kept_as_markup_where_it_has_any() {
    use crate::core::import::as_markup;
    let wrapped = as_markup("<span>Sumer</span> &amp; Akkad".into());
    assert!(is_markup(&wrapped));
    assert_eq!(plain_text(&wrapped), "Sumer & Akkad");
    assert_eq!(as_markup("Plain words".into()), "Plain words");
    assert_eq!(as_markup("<p>Kept</p>".into()), "<p>Kept</p>");
}
