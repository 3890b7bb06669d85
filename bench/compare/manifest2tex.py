#!/usr/bin/env python3
"""Convert a paiban issue manifest (issue.xml) into a ctex (ctexart + xeCJK) document.

The point is a fair side-by-side with XeLaTeX: the same text, the same measure, the
same fonts and sizes as paiban's layout. So the page size, margins, body size and
leading, heading sizes and fonts are read from the layout the manifest names
(layouts/NAME.xml; no layout attribute = layouts/default.xml). What is left to ctex
is what a ctex user gets by default: its punctuation style (quanjiao), xeCJK's
Han-Latin glue, its line breaking, its page breaking (TeX's default widow and
club penalties).

    manifest2tex.py issues/2017-06-15/issue.xml -o out.tex

Stdlib only. Written for the comparison in docs/comparison.md; not a general converter.
"""

import argparse
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

PAGE_SIZES = {"A4": (595.276, 841.89), "A5": (419.528, 595.276),
              "B5": (515.906, 728.504), "letter": (612.0, 792.0)}


# ----------------------------------------------------------------- layout

def length_bp(text, em=None):
    """A layout length in PostScript points (paiban's pt is 1/72 in)."""
    text = text.strip()
    m = re.fullmatch(r"(-?[0-9.]+)\s*(pt|mm|cm|in|em)?", text)
    if not m:
        raise ValueError("not a length: " + text)
    v, unit = float(m.group(1)), m.group(2) or "pt"
    if unit == "pt":
        return v
    if unit == "mm":
        return v * 72 / 25.4
    if unit == "cm":
        return v * 720 / 25.4
    if unit == "in":
        return v * 72
    if unit == "em":
        return v * (em or 10.5)
    raise ValueError(text)


STYLE_DEFAULTS = {"font": "body", "size": "10.5pt", "leading": "18pt", "align": "justify",
                  "indent": "0", "space-before": "0pt", "space-after": "0pt", "bold": "no"}


class Layout:
    def __init__(self, path):
        self.path = path
        root = ET.parse(path).getroot()
        self.lang = root.get("lang")
        page = root.find("page")
        self.width, self.height = PAGE_SIZES["A4"]
        self.top = self.bottom = self.inner = self.outer = 72.0
        if page is not None:
            if page.get("size"):
                self.width, self.height = PAGE_SIZES[page.get("size")]
            if page.get("width"):
                self.width = length_bp(page.get("width"))
            if page.get("height"):
                self.height = length_bp(page.get("height"))
            for k in ("top", "bottom", "inner", "outer"):
                if page.get(k):
                    setattr(self, k, length_bp(page.get(k)))
        self.fonts = {}
        for f in root.findall("font"):
            self.fonts[f.get("role")] = {
                "families": [e.text.strip() for e in f.findall("family")],
                "fallbacks": [e.text.strip() for e in f.findall("fallback")],
                "weight": int(f.get("weight", "400")),
            }
        self.styles = {}
        for s in root.findall("style"):
            base = dict(STYLE_DEFAULTS)
            if s.get("based-on"):
                base = dict(self.styles[s.get("based-on")])
            for k, v in s.attrib.items():
                if k not in ("name", "based-on"):
                    base[k] = v
            self.styles[s.get("name")] = base
        self.cover = None
        c = root.find("cover")
        if c is not None:
            self.cover = [(i.get("style"), length_bp(i.get("space-before", "0pt")), i.text or "")
                          for i in c.findall("item")]
        self.header = self._furniture(root.find("header"))
        self.footer = self._furniture(root.find("footer"))
        con = root.find("contents")
        self.contents = {"title-style": "toc-title", "entry-styles": "toc-1 toc-2 toc-3",
                         "leader": ".", "new-page": "yes"}
        # Wording: paiban's own for the language, then the layout's language-neutral
        # <source label>, <contents title>, <date format>, then its <words lang="...">.
        self.any_language = {}
        if con is not None:
            self.contents.update(con.attrib)
            if con.get("title"):
                self.any_language["contents_title"] = con.get("title")
        src = root.find("source")
        if src is not None and src.get("label") is not None:
            self.any_language["source_label"] = src.get("label")
        d = root.find("date")
        if d is not None and d.get("format"):
            self.any_language["date_format"] = d.get("format")
        self.words = {}
        for w in root.findall("words"):
            self.words[w.get("lang").lower()] = {
                k.replace("-", "_"): v for k, v in w.attrib.items() if k != "lang"}
        bm = root.find("backmatter")
        self.backmatter_new_page = bm is not None and bm.get("new-page", "no") == "yes"

    @staticmethod
    def _furniture(el):
        if el is None:
            return None
        out = {"offset": length_bp(el.get("offset", "12pt")),
               "rule": length_bp(el.get("rule", "0pt"))}
        for place in ("left", "center", "right"):
            default = {"left": "start", "center": "center", "right": "end"}[place]
            out[place] = [(l.get("style"), l.text or "", l.get("align", default))
                          for l in el.findall(place)]
        return out

    def wording(self, lang):
        """As paiban's Layout::wording_for (src/layout/layout.cpp)."""
        tags = lang.lower().split("-")
        out = dict(default_wording(tags))
        out.update(self.any_language)
        best = None
        for tag, words in self.words.items():
            have = tag.split("-")
            if len(have) <= len(tags) and tags[:len(have)] == have and (
                    best is None or len(have) > len(best[0])):
                best = (have, words)
        if best:
            out.update(best[1])
        return out

    def style(self, name):
        st = dict(self.styles[name])
        st["size_bp"] = length_bp(st["size"])
        st["leading_bp"] = length_bp(st["leading"])
        st["before_bp"] = length_bp(st["space-before"])
        st["after_bp"] = length_bp(st["space-after"])
        ind = st["indent"].strip()
        st["indent_em"] = float(ind[:-2]) if ind.endswith("em") else (
            length_bp(ind) / st["size_bp"] if ind not in ("0", "") else 0.0)
        return st


def default_wording(tags):
    """paiban's own wording for a language (default_wording in src/layout/layout.cpp)."""
    lang, rest = tags[0], tags[1:]
    if lang == "zh":
        trad = "hant" in rest or ("hans" not in rest and any(t in rest for t in ("tw", "hk", "mo")))
        if trad:
            return {"source_label": "來源：", "contents_title": "目錄",
                    "date_format": "{yyyy}年{m}月{d}日"}
        return {"source_label": "来源：", "contents_title": "目录", "date_format": "{yyyy}年{m}月{d}日"}
    if lang == "ja":
        return {"source_label": "出典：", "contents_title": "目次", "date_format": "{yyyy}年{m}月{d}日"}
    if lang == "ko":
        return {"source_label": "출처: ", "contents_title": "차례", "date_format": "{yyyy}년 {m}월 {d}일"}
    return {"source_label": "Source: ", "contents_title": "Contents", "date_format": "{yyyy}-{mm}-{dd}"}


def find_layout(manifest_path, name):
    mdir = os.path.dirname(os.path.abspath(manifest_path))
    if not name:
        name = "default"
    if name.endswith(".xml") or "/" in name:
        p = name if os.path.isabs(name) else os.path.join(mdir, name)
        return p
    dirs = [d for d in os.environ.get("PAIBAN_LAYOUT_PATH", "").split(":") if d]
    dirs += [os.path.join(mdir, "layouts"), mdir, os.path.join(REPO, "layouts")]
    for d in dirs:
        p = os.path.join(d, name + ".xml")
        if os.path.exists(p):
            return p
    sys.exit("manifest2tex: layout %r not found" % name)


# ----------------------------------------------------------------- text

def is_cjk_for_spacing(ch):
    """paiban's rule (src/input/white_space.cpp): East Asian Width W or F."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


TEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
               "#": r"\#", "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}"}

URL_RE = re.compile(r"(https?://[!-~]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[a-z]{2,})")


def tex_escape(s):
    return "".join(TEX_ESCAPES.get(c, c) for c in s)


def url_arg(s):
    """Argument of \\url: braces balanced, % # escaped."""
    return s.replace("\\", "/").replace("%", r"\%").replace("#", r"\#").replace(
        "{", "").replace("}", "")


def tex_text(s):
    """Escape text; URLs and e-mail addresses go in \\url so TeX may break them (paiban
    breaks a URL after / and the like; plain TeX would not break it at all)."""
    out, pos = [], 0
    for m in URL_RE.finditer(s):
        out.append(tex_escape(s[pos:m.start()]))
        url = m.group(1)
        trail = ""
        while url and url[-1] in ".,;:)":   # sentence punctuation after a URL
            trail = url[-1] + trail
            url = url[:-1]
        out.append(r"\url{%s}" % url_arg(url) + tex_escape(trail))
        pos = m.end()
    out.append(tex_escape(s[pos:]))
    return "".join(out)


def inline_runs(el):
    """Flatten inline content into runs: (kind, text, strong, href)."""
    runs = []

    def walk(e, strong, href):
        if e.text:
            runs.append(("text", e.text, strong, href))
        for c in e:
            tag = c.tag
            if isinstance(tag, str) and tag.startswith("{"):
                pass  # another namespace: ignored
            elif tag == "br":
                runs.append(("br", "", strong, href))
            elif tag == "strong":
                walk(c, True, href)
            elif tag == "em":
                walk(c, strong, href)   # paiban draws <em> like the text around it
            elif tag == "a":
                walk(c, strong, c.get("href"))
            else:
                walk(c, strong, href)
            if c.tail:
                runs.append(("text", c.tail, strong, href))

    walk(el, False, None)
    return runs


_BR_MARK = object()


def _is_br(chars, i):
    return chars[i][0] == "\n" and len(chars[i]) == 3 and chars[i][1] is _BR_MARK


def inline_tex(el):
    # mark <br/> so folding can tell it from a newline in the source
    runs = []
    for kind, text, strong, href in inline_runs(el):
        runs.append((kind, text, strong, href))
    chars = []
    for kind, text, strong, href in runs:
        if kind == "br":
            chars.append(("\n", _BR_MARK, (strong, href)))
        else:
            for ch in text:
                chars.append((ch, strong, href))
    # fold white space
    out = []
    i, n = 0, len(chars)
    while i < n:
        if _is_br(chars, i):
            while out and out[-1][0] == " ":
                out.pop()
            out.append(("BR", chars[i][2][0], chars[i][2][1]))
            i += 1
            continue
        ch = chars[i][0]
        if ch in " \t\r\n":
            j = i
            while j < n and chars[j][0] in " \t\r\n" and not _is_br(chars, j):
                j += 1
            prev = out[-1][0] if out else None
            nxt = chars[j][0] if j < n and not _is_br(chars, j) else None
            if prev not in (None, "BR") and nxt is not None and not (
                    is_cjk_for_spacing(prev) and is_cjk_for_spacing(nxt)):
                out.append((" ", chars[i][1], chars[i][2]))
            i = j
            continue
        out.append(chars[i])
        i += 1
    # group into (strong, href) spans
    pieces = []
    span, key = [], None
    for ch, strong, href in out + [(None, None, None)]:
        k = (strong, href)
        if ch == "BR" or ch is None or k != key:
            if span:
                pieces.append((key, "".join(span)))
            span = []
            key = k
            if ch == "BR":
                pieces.append((k, None))
                key = None
                continue
            if ch is None:
                break
        span.append(ch)
    tex = []
    for (strong, href), text in pieces:
        if text is None:
            tex.append(r"\newline ")
            continue
        if href and text == href.replace("mailto:", ""):
            t = r"\url{%s}" % url_arg(text)
        else:
            t = tex_text(text)
        if href:
            t = r"\pbhref{%s}{%s}" % (url_arg(href), t)
        if strong:
            t = r"\textbf{%s}" % t
        tex.append(t)
    return "".join(tex)


def have_pzdr():
    try:
        r = subprocess.run(["kpsewhich", "pzdr.tfm"], capture_output=True, text=True)
        return bool(r.stdout.strip())
    except OSError:
        return False


def plain(el):
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


# ----------------------------------------------------------------- document

class Converter:
    def __init__(self, manifest_path):
        self.manifest_path = manifest_path
        self.root = ET.parse(manifest_path).getroot()
        self.layout = Layout(find_layout(manifest_path, self.root.get("layout")))
        self.lang = self.root.get("lang") or self.layout.lang or "zh-Hans"
        self.out = []

    # fonts ---------------------------------------------------------
    def face(self, family):
        """The layout names SC faces; for zh-Hant and ja use the TC and JP faces."""
        low = self.lang.lower()
        if family.endswith(" SC") and "CJK" in family:
            if low.startswith("zh-hant") or low in ("zh-tw", "zh-hk"):
                return family[:-3] + " TC"
            if low.startswith("ja"):
                return family[:-3] + " JP"
        return family

    @staticmethod
    def role_cmd(role):
        """\\pbfontROLE, the role's name kept to letters (digits spelled a, b, ...)."""
        return "\\pbfont" + "".join(
            c.lower() if c.isalpha() else chr(ord("a") + int(c)) if c.isdigit() else ""
            for c in role)

    def style_cmd(self, name):
        st = self.layout.style(name)
        cmd = self.role_cmd(st["font"])
        bold = st["bold"] == "yes" or self.layout.fonts.get(st["font"], {}).get("weight", 400) >= 600
        return "%s%s\\fontsize{%.2fbp}{%.2fbp}\\selectfont" % (
            cmd, "\\bfseries" if bold else "", st["size_bp"], st["leading_bp"])

    def align_cmd(self, name):
        a = self.layout.style(name)["align"]
        return {"start": "\\raggedright", "end": "\\raggedleft", "center": "\\centering",
                "justify": ""}[a]

    # fields --------------------------------------------------------
    def fields(self):
        r = self.root
        y, m, d = (self.root.get("date") or "1970-01-01").split("-")
        date = self.layout.wording(self.lang)["date_format"]
        for k, v in (("yyyy", y), ("mm", m), ("dd", d), ("m", str(int(m))), ("d", str(int(d)))):
            date = date.replace("{%s}" % k, v)

        def el(tag):
            e = r.find(tag)
            return inline_tex(e) if e is not None else ""
        return {"title": tex_text(r.findtext("title", "").strip()), "subtitle": el("subtitle"),
                "organization": el("organization"), "publisher": el("publisher"),
                "date": tex_escape(date), "number": tex_escape(r.get("number", "")),
                "page": r"\thepage", "section": r"\leftmark"}

    @staticmethod
    def expand(template, fields):
        return re.sub(r"\{([a-z]+)\}", lambda m: fields.get(m.group(1), ""),
                      tex_escape(template).replace(r"\{", "{").replace(r"\}", "}"))

    # output --------------------------------------------------------
    def w(self, s=""):
        self.out.append(s)

    def preamble(self):
        L = self.layout
        body = self.layout.style("body")
        self.w("% Generated by bench/compare/manifest2tex.py from " +
               os.path.relpath(self.manifest_path, REPO))
        self.w("% layout: " + os.path.relpath(L.path, REPO) + ", lang " + self.lang)
        self.w(r"\documentclass[UTF8,twoside,fontset=none,zihao=false,linespread=1]{ctexart}")
        self.w(r"\linespread{1}")
        self.w(r"\usepackage[paperwidth=%.3fbp,paperheight=%.3fbp,top=%.3fbp,bottom=%.3fbp,"
               r"inner=%.3fbp,outer=%.3fbp,headheight=%.1fbp,headsep=%.2fbp,footskip=%.2fbp]{geometry}"
               % (L.width, L.height, L.top, L.bottom, L.inner, L.outer,
                  self.header_height(), L.header["offset"] if L.header else 12,
                  L.footer["offset"] if L.footer else 24))
        self.w(r"\usepackage{fancyhdr}")
        self.w(r"\usepackage{graphicx}")
        self.w(r"\usepackage{url}\urlstyle{same}")
        # TOC links and bookmarks, as paiban makes; hyperref's XeTeX driver wants pzdr.tfm
        # (Debian texlive-fonts-recommended): without it, no links (toc_links fails).
        if have_pzdr():
            self.w(r"\usepackage[hidelinks,bookmarksnumbered=false]{hyperref}")
        self.w(r"\makeatletter\@ifpackageloaded{hyperref}{\newcommand\pbhref[2]{\href{#1}{#2}}}"
               r"{\newcommand\pbhref[2]{#2}}\makeatother")
        # fonts: the layout's families (TC / JP faces for zh-Hant / ja), HanaMinB for Ext-B
        body_family = self.face(L.fonts["body"]["families"][0])
        head_family = self.face(L.fonts.get("heading", L.fonts["body"])["families"][0])
        self.w(r"\setmainfont{%s}" % body_family)
        self.w(r"\setsansfont{%s}" % head_family)
        self.w(r"\setCJKmainfont{%s}" % body_family)
        self.w(r"\setCJKsansfont{%s}" % head_family)
        self.w(r"\xeCJKsetup{AutoFallBack=true}")
        self.w(r"\setCJKfallbackfamilyfont{\CJKrmdefault}{HanaMinB}")
        self.w(r"\setCJKfallbackfamilyfont{\CJKsfdefault}{HanaMinB}")
        for role, f in L.fonts.items():
            fam = self.face(f["families"][0])
            name = self.role_cmd(role)[1:]
            self.w(r"\newfontfamily\%sLatin{%s}" % (name, fam))
            self.w(r"\setCJKfamilyfont{%s}{%s}" % (name, fam))
            self.w(r"\setCJKfallbackfamilyfont{%s}{HanaMinB}" % name)
            self.w(r"\newcommand\%s{\%sLatin\CJKfamily{%s}}" % (name, name, name))
        # body size and leading; paragraphs
        self.w(r"\makeatletter")
        self.w(r"\renewcommand\normalsize{\@setfontsize\normalsize{%.2fbp}{%.2fbp}}"
               % (body["size_bp"], body["leading_bp"]))
        self.w(r"\makeatother")
        self.w(r"\normalsize")
        self.w(r"\setlength\topskip{%.2fbp}" % (
            (body["leading_bp"] - body["size_bp"]) / 2 + 0.88 * body["size_bp"]))
        self.w(r"\setlength\parindent{%.2fem}" % body["indent_em"])
        self.w(r"\setlength\parskip{0pt}")
        self.w(r"\raggedbottom")
        # headings: unnumbered, in the TOC (ctex: numbering=false still makes a TOC line)
        for level, style in (("section", "section"), ("subsection", "heading"),
                             ("subsubsection", "subheading")):
            st = L.style(style)
            self.w(r"\ctexset{%s={numbering=false,format={%s%s},beforeskip={%.2fbp},"
                   r"afterskip={%.2fbp},indent=0pt}}"
                   % (level, self.style_cmd(style), self.align_cmd(style),
                      max(st["before_bp"], 0.01), max(st["after_bp"], 0.01)))
        depth = 2
        toc = self.root.find("toc")
        if toc is not None and toc.get("depth"):
            depth = int(toc.get("depth"))
        self.w(r"\setcounter{tocdepth}{%d}" % depth)
        self.contents_setup()
        self.furniture_setup()

    def header_height(self):
        h = self.layout.header
        if not h:
            return 12
        best = 12
        for place in ("left", "center", "right"):
            lines = h[place]
            if lines:
                total = sum(self.layout.style(s)["leading_bp"] for s, _, _ in lines)
                best = max(best, total)
        return best

    def contents_setup(self):
        L = self.layout
        styles = L.contents["entry-styles"].split()
        leader = tex_escape(L.contents.get("leader", "."))
        self.w(r"\makeatletter")
        self.w(r"\renewcommand\@dotsep{1}")
        for level, name in zip(("section", "subsection", "subsubsection"), styles):
            st = L.style(name)
            n = {"section": 1, "subsection": 2, "subsubsection": 3}[level]
            indent = st["indent_em"] * st["size_bp"]
            self.w(r"\renewcommand*\l@%s[2]{\ifnum %d>\c@tocdepth\else\addvspace{%.2fbp}"
                   r"{%s\parindent\z@\leftskip %.2fbp\rightskip\@tocrmarg\parfillskip-\rightskip"
                   r"\noindent{#1}\nobreak\leaders\hbox{\kern.15em %s\kern.15em}\hfill\nobreak"
                   r"\hb@xt@\@pnumwidth{\hfil #2}\par}\fi}"
                   % (level, n, st["before_bp"], self.style_cmd(name), indent, leader))
        self.w(r"\makeatother")

    def furniture_setup(self):
        L = self.layout
        self.w(r"\pagestyle{fancy}\fancyhf{}")
        self.w(r"\renewcommand\sectionmark[1]{\markboth{#1}{}}")
        f = self.fields()
        for which, cmd in (("header", r"\fancyhead"), ("footer", r"\fancyfoot")):
            fur = getattr(L, which)
            if not fur:
                continue
            for place, key, col in (("left", "L", "l"), ("center", "C", "c"), ("right", "R", "r")):
                lines = fur[place]
                if not lines:
                    continue
                rows = []
                for style, text, align in lines:
                    al = {"start": "l", "end": "r", "center": "c"}[align]
                    rows.append(r"\multicolumn{1}{@{}%s@{}}{%s %s}" % (
                        al, self.style_cmd(style), self.expand(text, f)))
                pos = "b" if which == "header" else "t"
                # Page-relative left/right: the header's left is the page's left.
                self.w(r"%s[%s]{\begin{tabular}[%s]{@{}%s@{}}%s\end{tabular}}"
                       % (cmd, {"L": "LE,LO", "C": "CE,CO", "R": "RE,RO"}[key], pos, col,
                          r"\\".join(rows)))
            rule = fur["rule"]
            if which == "header":
                self.w(r"\renewcommand\headrulewidth{%.2fbp}" % rule)
            else:
                self.w(r"\renewcommand\footrulewidth{%.2fbp}" % rule)

    def para(self, el, style, indent=True, left=0.0, right=0.0):
        st = self.layout.style(style)
        text = inline_tex(el)
        if not text.strip():
            return
        ind = r"\hspace*{%.2fem}" % st["indent_em"] if (indent and st["indent_em"]) else ""
        if st["before_bp"]:
            self.w(r"\addvspace{%.2fbp}" % st["before_bp"])
        margins = ""
        if left or right:
            margins = r"\leftskip=%.2fbp\rightskip=%.2fbp" % (left, right)
        self.w(r"{%s%s%s\noindent{}%s%s\par}" % (self.style_cmd(style), self.align_cmd(style),
                                                margins, ind, text))
        if st["after_bp"]:
            self.w(r"\addvspace{%.2fbp}" % st["after_bp"])

    def block(self, b):
        tag = b.tag
        if not isinstance(tag, str) or tag.startswith("{"):
            return
        if tag == "p":
            self.para(b, "body", b.get("indent", "yes") == "yes")
        elif tag == "subheading":
            self.w(r"\subsubsection{%s}" % inline_tex(b))
        elif tag == "heading":   # back matter
            st = self.layout.style("backmatter-heading")
            self.w(r"\addvspace{%.2fbp}{%s%s\noindent %s\par}\nopagebreak\addvspace{%.2fbp}"
                   % (st["before_bp"], self.style_cmd("backmatter-heading"),
                      self.align_cmd("backmatter-heading"), inline_tex(b), st["after_bp"]))
        elif tag == "quote":
            q = self.layout.style("quote")
            for p in b.findall("p"):
                self.para(p, "quote", p.get("indent", "yes") == "yes",
                          2 * q["size_bp"], 2 * q["size_bp"])
        elif tag == "list":
            self.list(b)
        elif tag == "figure":
            src = os.path.join(os.path.dirname(os.path.abspath(self.manifest_path)), b.get("src"))
            self.w(r"\begin{center}\includegraphics[width=%s\linewidth]{%s}\end{center}"
                   % (b.get("width", "1"), src))
            cap = b.find("caption")
            if cap is not None:
                self.para(cap, "caption", False)
        elif tag == "fields":
            st = self.layout.style("field")
            self.w(r"\addvspace{%.2fbp}" % (st["leading_bp"] / 2))
            for f in b.findall("field"):
                self.w(r"{%s%s\noindent{%s %s：}%s\par}" % (
                    self.style_cmd("field"), self.align_cmd("field"),
                    self.style_cmd("field-label"), tex_escape(f.get("label")), inline_tex(f)))

    def list(self, b):
        st = self.layout.style("list")
        cols = int(b.get("columns", "1"))
        marker = b.get("marker", "none")
        items = b.findall("item")
        gap = 2 * st["size_bp"]
        gutter = 0 if marker == "none" else 2 * st["size_bp"]
        width = r"\dimexpr(\linewidth-%.2fbp)/%d-%.2fbp\relax" % (gap * (cols - 1), cols, gutter)
        if st["before_bp"]:
            self.w(r"\addvspace{%.2fbp}" % st["before_bp"])
        colspec = (r"p{%.2fbp}@{}" % gutter if gutter else "") + r"p{%s}" % width
        spec = "@{}" + (r"@{\hspace{%.2fbp}}" % gap).join([colspec] * cols) + "@{}"
        rows = []
        for r0 in range(0, len(items), cols):
            cells = []
            for c in range(cols):
                k = r0 + c
                if k < len(items):
                    m = {"none": "", "bullet": "•", "number": "%d." % (k + 1)}[marker]
                    cell = r"\raggedright %s" % inline_tex(items[k])
                    cells.append((m + "&" if gutter else "") + cell)
                else:
                    cells.append("&" if gutter else "")
            rows.append("&".join(cells) + r"\tabularnewline")
        self.w(r"{%s\setlength\tabcolsep{0pt}\noindent\begin{tabular}{%s}" % (
            self.style_cmd("list"), spec))
        self.w("\n".join(rows))
        self.w(r"\end{tabular}\par}")
        if st["after_bp"]:
            self.w(r"\addvspace{%.2fbp}" % st["after_bp"])

    def cover(self):
        L = self.layout
        if not L.cover:
            return False
        f = self.fields()
        self.w(r"\thispagestyle{empty}")
        self.w(r"\null\vskip-\topskip")
        for style, space, template in L.cover:
            self.w(r"\vskip %.2fbp" % space)
            text = self.expand(template, f)
            if not re.sub(r"\\[a-z]+|[{}\s]", "", text):
                continue
            st = L.style(style)
            self.w(r"{%s%s\noindent\strut %s\par}" % (
                self.style_cmd(style), self.align_cmd(style), text))
        self.w(r"\clearpage")
        return True

    def body(self):
        r = self.root
        L = self.layout
        self.w(r"\begin{document}")
        self.w(r"\normalsize")
        self.cover()
        toc = r.find("toc")
        if toc is not None:
            title = toc.get("title") or L.wording(self.lang)["contents_title"]
            st = L.style(L.contents["title-style"])
            self.w(r"\begingroup\makeatletter")
            self.w(r"{%s%s\noindent %s\par}\addvspace{%.2fbp}" % (
                self.style_cmd(L.contents["title-style"]), self.align_cmd(L.contents["title-style"]),
                tex_escape(title), st["after_bp"]))
            self.w(r"\@starttoc{toc}\endgroup")
            self.w(r"\clearpage")
        for sec in r.findall("section"):
            self.w(r"\section{%s}" % tex_text(sec.get("title")))
            for art in sec.findall("article"):
                blocks = list(art)
                head = art.find("heading")
                self.w(r"\subsection{%s}" % inline_tex(head))
                for b in blocks:
                    if b.tag in ("heading", "source"):
                        continue
                    self.block(b)
                src = art.find("source")
                if src is not None:
                    st = L.style("source")
                    self.w(r"\nopagebreak\addvspace{%.2fbp}{%s%s\noindent %s%s\par}\addvspace{%.2fbp}"
                           % (st["before_bp"], self.style_cmd("source"), self.align_cmd("source"),
                              tex_escape(L.wording(self.lang)["source_label"]), inline_tex(src), st["after_bp"]))
        bm = r.find("backmatter")
        if bm is not None:
            if L.backmatter_new_page:
                self.w(r"\clearpage")
            for b in bm:
                self.block(b)
        self.w(r"\end{document}")

    def convert(self):
        self.preamble()
        self.body()
        return "\n".join(self.out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("manifest")
    ap.add_argument("-o", "--output", help="the .tex file (default: stdout)")
    a = ap.parse_args()
    tex = Converter(a.manifest).convert()
    if a.output:
        with open(a.output, "w", encoding="utf-8") as fh:
            fh.write(tex)
    else:
        sys.stdout.write(tex)


if __name__ == "__main__":
    main()
