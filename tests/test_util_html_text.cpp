#include "lib/util/html_text.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace innov::util;

TEST_CASE("util::html_to_text: paragraphs and line breaks")
{
  CHECK(html_to_text("<p>Un accueil\n   sans rendez-vous.</p><p>Le jeudi.</p>") ==
        "Un accueil sans rendez-vous.\n\nLe jeudi.");
  CHECK(html_to_text("<p>Ligne 1<br>Ligne 2<br/> Ligne 3</p>") == "Ligne 1\nLigne 2\nLigne 3");
  CHECK(html_to_text("  <p></p><p>  seul  </p>  ") == "seul");
  CHECK(html_to_text("<h2>Titre</h2>texte") == "Titre\n\ntexte");
  CHECK(html_to_text("texte sans balise") == "texte sans balise");
  CHECK(html_to_text("") == "");
}

TEST_CASE("util::html_to_text: lists")
{
  CHECK(
      html_to_text("<p>Trois étapes :</p><ul><li>accueil</li><li>diagnostic</li></ul><p>Fin</p>") ==
      "Trois étapes :\n\n- accueil\n- diagnostic\n\nFin");
  CHECK(html_to_text("<ol><li>un</li><li>deux</li><li>trois</li></ol>") ==
        "1. un\n2. deux\n3. trois");
  CHECK(html_to_text("<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>") ==
        "- a\n  - a1\n  - a2\n- b");
  CHECK(html_to_text("<ul><li></li><li>seul</li></ul>") == "- seul");
}

TEST_CASE("util::html_to_text: links and emphasis")
{
  CHECK(html_to_text("Voir <a href=\"https://example.org/a?b=1&amp;c=2\">le site</a>.") ==
        "Voir [le site](https://example.org/a?b=1&c=2).");
  CHECK(html_to_text("<a href='https://x.fr'>https://x.fr</a>") == "https://x.fr");
  CHECK(html_to_text("<a href=\"mailto:a@b.fr\"></a>") == "mailto:a@b.fr");
  // A link that could run code keeps its text only.
  CHECK(html_to_text("<a href=\"javascript:alert(1)\" onclick=\"x()\">clic</a>") == "clic");
  CHECK(html_to_text("<a href=\"data:text/html,x\">clic</a>") == "clic");
  CHECK(html_to_text("un <strong>mot</strong> et <em>un autre</em>, <b></b>fin") ==
        "un **mot** et *un autre*, fin");
}

TEST_CASE("util::html_to_text: what can run or style is dropped with its content")
{
  CHECK(html_to_text("<p>avant</p><script>alert('x')</script><p>après</p>") == "avant\n\naprès");
  CHECK(html_to_text("a<style type=\"text/css\">p{color:red}</style>b") == "ab");
  CHECK(html_to_text("a<SCRIPT>x</script >b") == "ab");
  CHECK(html_to_text("a<iframe src=\"https://x\"></iframe>b<!-- note -->c") == "abc");
  CHECK(html_to_text("<img src=x onerror=alert(1)>image") == "image");
  CHECK(html_to_text("a<script>never closed") == "a");
  // Escaped markup is text, decoded once: it reads as written, it is not run.
  CHECK(html_to_text("&lt;script&gt;x&lt;/script&gt;") == "<script>x</script>");
}

TEST_CASE("util::html_to_text: character references")
{
  CHECK(html_to_text("caf&eacute; &amp; cr&egrave;me &laquo;&nbsp;bio&nbsp;&raquo; &euro;") ==
        "café & crème «\u00A0bio\u00A0» €");
  CHECK(html_to_text("&#233;t&#xE9; &#x153;uvre") == "été œuvre");
  CHECK(html_to_text("&#0; &#x110000;") == "\uFFFD \uFFFD");
  CHECK(html_to_text("R&D &unknown; a & b < c") == "R&D &unknown; a & b < c");
  CHECK(html_to_text("<pre>  a\n  b</pre>") == "  a\n  b");
}

TEST_CASE("util::looks_like_html")
{
  CHECK(looks_like_html("<p>x</p>"));
  CHECK(looks_like_html("a<br>b"));
  CHECK(looks_like_html("caf&eacute;"));
  CHECK(looks_like_html("&#233;"));
  CHECK_FALSE(looks_like_html("a < b et R&D"));
  CHECK_FALSE(looks_like_html("texte simple"));
}
