// The accessibility and archival self-check: reads a written PDF (through
// qpdf's QDF form) and verifies, clause by clause, what tagged PDF
// (ISO 32000-1 14.7-14.8), PDF/UA-1 (ISO 14289-1, Matterhorn Protocol
// checkpoints) and PDF/A-2u (ISO 19005-2) ask of it. Each failure names its
// clause. docs/accessibility.md lists what is checked here and what is not.
#pragma once
#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "pdf/pdf_reader.hpp"

namespace paiban::pdf_test {

struct TaggedExpectations {
  std::string lang;    ///< the catalog's /Lang
  bool pdfua = true;   ///< identified as PDF/UA-1
  bool pdfa = false;   ///< identified as PDF/A-2u
  bool print = false;  ///< PDF/X: the PDF/A intent shares the PDF/X profile
  bool links = true;   ///< link annotations expected (screen)
};

/// What the walk found, for tests that look further.
struct TaggedReport {
  std::vector<std::string> failures;
  std::map<std::string, int> roles;             ///< structure type -> count
  std::vector<std::string> headings;            ///< H1/H2/H3 in tree order
  std::vector<std::pair<int, int>> mcid_order;  ///< (page index, MCID) in tree order
  int annotations = 0;
  int marked_contents = 0;  ///< MCIDs met in the content streams
  /// Each element with a /Lang of its own, in tree order: its structure
  /// type, the tag, and how many glyphs its marked content shows (its
  /// descendants' included).
  struct LangElement {
    std::string role, lang;
    int glyphs = 0;
  };
  std::vector<LangElement> languages;
};

namespace tagged_check_detail {

inline const std::set<std::string>& standard_types() {
  // ISO 32000-1 14.8.4: the standard structure types.
  static const std::set<std::string> types = {
      "Document", "Part",    "Art",   "Sect",      "Div",     "BlockQuote", "Caption",
      "TOC",      "TOCI",    "Index", "NonStruct", "Private", "P",          "H",
      "H1",       "H2",      "H3",    "H4",        "H5",      "H6",         "L",
      "LI",       "Lbl",     "LBody", "Table",     "TR",      "TH",         "TD",
      "THead",    "TBody",   "TFoot", "Span",      "Quote",   "Note",       "Reference",
      "BibEntry", "Code",    "Link",  "Annot",     "Ruby",    "RB",         "RT",
      "RP",       "Warichu", "WT",    "WP",        "Figure",  "Formula",    "Form"};
  return types;
}

/// A well-formed BCP 47 tag (RFC 5646 2.1, without the grandfathered
/// tags), as ISO 32000-1 14.9.2.1 asks of /Lang: written here apart from
/// paiban's own reader, as the schema's pattern.
inline bool well_formed_language_tag(const std::string& tag) {
  static const std::regex pattern(
      "(([a-zA-Z]{2,3}(-[a-zA-Z]{3}){0,3}|[a-zA-Z]{4,8})(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?"
      "(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*(-[0-9a-wyzA-WYZ](-[a-zA-Z0-9]{2,8})+)*"
      "(-[xX](-[a-zA-Z0-9]{1,8})+)?)|([xX](-[a-zA-Z0-9]{1,8})+)");
  return tag.size() <= 64 && std::regex_match(tag, pattern);
}

inline bool painting(const std::string& op) {
  static const std::set<std::string> ops = {"TJ", "Tj", "'", "\"", "Do", "S",  "s",  "f",
                                            "F",  "f*", "B", "B*", "b",  "b*", "sh", "BI"};
  return ops.count(op) > 0;
}

}  // namespace tagged_check_detail

inline TaggedReport check_tagged_pdf(const PdfFile& f, const TaggedExpectations& expect) {
  using namespace tagged_check_detail;
  using Kind = PdfValue::Kind;
  TaggedReport report;
  auto fail = [&](const std::string& clause, const std::string& what) {
    report.failures.push_back(clause + ": " + what);
  };
  const PdfValue& catalog = f.catalog();
  const std::vector<int> pages = f.pages();
  std::map<int, int> page_index;  // object number -> index
  for (size_t i = 0; i < pages.size(); ++i) page_index[pages[i]] = static_cast<int>(i);

  // --- The catalog and the metadata.
  const PdfValue& mark_info = f.get(catalog, "MarkInfo");
  if (!f.resolve(mark_info["Marked"]).boolean)
    fail("ISO 32000-1 14.7.1 / Matterhorn 01-002", "/MarkInfo /Marked is not true");
  if (catalog.has("RoleMap") || f.get(catalog, "StructTreeRoot").has("RoleMap"))
    fail("Matterhorn 02-001", "a RoleMap is present though only standard types are used");
  const PdfValue& lang = f.get(catalog, "Lang");
  if (!lang.is(Kind::string) || lang.text.empty())
    fail("PDF/UA 7.2 / Matterhorn 11-001", "the catalog has no /Lang");
  else if (!expect.lang.empty() && lang.text != expect.lang)
    fail("PDF/UA 7.2 / Matterhorn 11-001", "/Lang is " + lang.text + ", not " + expect.lang);
  if (!f.resolve(f.get(catalog, "ViewerPreferences")["DisplayDocTitle"]).boolean)
    fail("PDF/UA 7.1 / Matterhorn 07-001", "/ViewerPreferences /DisplayDocTitle is not true");
  const PdfValue& metadata = f.get(catalog, "Metadata");
  const PdfObject* xmp_object =
      catalog["Metadata"].is(Kind::ref) ? f.object(catalog["Metadata"].ref) : nullptr;
  const std::string xmp = xmp_object ? xmp_object->stream : "";
  if (!metadata.has("Type") || xmp.empty())
    fail("PDF/UA 5 / Matterhorn 06-001", "no XMP metadata stream in the catalog");
  if (xmp.find("<dc:title>") == std::string::npos)
    fail("PDF/UA 7.1 / Matterhorn 06-003", "the XMP has no dc:title");
  const bool ua_id = xmp.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos;
  if (expect.pdfua && !ua_id) fail("PDF/UA 5 / Matterhorn 06-002", "the XMP has no pdfuaid:part 1");
  if (!expect.pdfua && ua_id)
    fail("PDF/UA 5 / Matterhorn 06-002", "PDF/UA-1 is claimed where it does not hold");

  // --- The structure tree.
  const PdfValue& root = f.get(catalog, "StructTreeRoot");
  if (!root["Type"].is_name("StructTreeRoot")) {
    fail("ISO 32000-1 14.7.2 / Matterhorn 01-004", "no /StructTreeRoot");
    return report;
  }
  const PdfValue& parent_tree = f.get(root, "ParentTree");
  std::map<int, PdfValue> parents;  // ParentTree key -> value
  const PdfValue& nums = f.get(parent_tree, "Nums");
  for (size_t i = 0; i + 1 < nums.items.size(); i += 2)
    parents[static_cast<int>(nums.items[i].number)] = nums.items[i + 1];
  if (parent_tree.has("Kids")) fail("test reader", "ParentTree with /Kids is not read here");
  const int next_key = static_cast<int>(f.get(root, "ParentTreeNextKey").number);
  if (!parents.empty() && next_key <= parents.rbegin()->first)
    fail("ISO 32000-1 14.7.4.4", "/ParentTreeNextKey is not above every key");

  std::map<std::pair<int, int>, int> owner_of_mcid;  // (page index, MCID) -> element object
  std::map<int, int> link_of_annotation;             // annotation object -> Link element object
  std::map<int, std::string> role_of;                // element object -> /S
  std::map<int, int> lang_of;  // element object -> the nearest /Lang in report.languages, or -1
  int last_heading = 0;
  const PdfValue& top = root["K"];
  auto push_kids = [&](const PdfValue& k, int parent) {
    std::vector<const PdfValue*> kids;
    if (k.is(Kind::array))
      for (const PdfValue& kid : k.items) kids.push_back(&kid);
    else if (!k.is(Kind::null))
      kids.push_back(&k);
    return kids;
  };
  // Depth-first in the kids' order, which is the reading order.
  std::function<void(const PdfValue&, int)> walk = [&](const PdfValue& ref, int parent) {
    if (!ref.is(Kind::ref)) {
      fail("ISO 32000-1 14.7.2", "a structure element is not an indirect object");
      return;
    }
    const PdfValue& e = f.resolve(ref);
    const std::string role = e["S"].text;
    role_of[ref.ref] = role;
    ++report.roles[role];
    if (!standard_types().count(role))
      fail("Matterhorn 02-001", "non-standard structure type /" + role + " without a RoleMap");
    if (!e["P"].is(Kind::ref) || e["P"].ref != parent)
      fail("ISO 32000-1 14.7.2", "/" + role + " element's /P is not its parent");
    if (role == "Figure") {
      const PdfValue& alt = f.get(e, "Alt");
      if (!alt.is(Kind::string) || alt.text.size() <= 2)
        fail("PDF/UA 7.3 / Matterhorn 13-004", "a Figure has no /Alt");
    }
    if (role == "Note" && !e.has("ID")) fail("PDF/UA 7.9 / Matterhorn 19-003", "a Note has no /ID");
    int lang_index = -1;  // in report.languages
    if (e.has("Lang")) {
      const PdfValue& tag = f.get(e, "Lang");
      if (!tag.is(Kind::string) || !well_formed_language_tag(tag.text))
        fail("ISO 32000-1 14.9.2.1 / Matterhorn 11-001",
             "/" + role + " has a /Lang that is not a language tag: " + tag.text);
      lang_index = static_cast<int>(report.languages.size());
      report.languages.push_back({role, tag.text, 0});
    }
    lang_of[ref.ref] = lang_index;
    if (lang_index < 0 && lang_of.count(parent)) lang_of[ref.ref] = lang_of[parent];
    if (role.size() == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6') {
      const int level = role[1] - '0';
      if (last_heading == 0 && level != 1)
        fail("PDF/UA 7.4.2 / Matterhorn 14-002", "the first heading is " + role + ", not H1");
      if (level > last_heading + 1)
        fail("PDF/UA 7.4.2 / Matterhorn 14-003",
             role + " follows H" + std::to_string(last_heading) + ": a level is skipped");
      last_heading = level;
      report.headings.push_back(role);
    }
    const int home =
        e["Pg"].is(Kind::ref) && page_index.count(e["Pg"].ref) ? page_index[e["Pg"].ref] : -1;
    bool has_objr = false;
    for (const PdfValue* kid : push_kids(e["K"], ref.ref)) {
      if (kid->is(Kind::number)) {
        if (home < 0) fail("ISO 32000-1 14.7.4.2", "an MCID kid without /Pg on its element");
        auto key = std::make_pair(home, static_cast<int>(kid->number));
        if (!owner_of_mcid.emplace(key, ref.ref).second)
          fail("ISO 32000-1 14.7.4.2", "an MCID belongs to two elements");
        report.mcid_order.push_back(key);
        continue;
      }
      const PdfValue& kd = f.resolve(*kid);
      if (kd["Type"].is_name("MCR")) {
        auto key = std::make_pair(page_index.count(kd["Pg"].ref) ? page_index[kd["Pg"].ref] : -1,
                                  static_cast<int>(kd["MCID"].number));
        if (!owner_of_mcid.emplace(key, ref.ref).second)
          fail("ISO 32000-1 14.7.4.2", "an MCID belongs to two elements");
        report.mcid_order.push_back(key);
      } else if (kd["Type"].is_name("OBJR")) {
        has_objr = true;
        link_of_annotation[kd["Obj"].ref] = ref.ref;
      } else {
        walk(*kid, ref.ref);
      }
    }
    if (role == "Link" && !has_objr && expect.links)
      fail("PDF/UA 7.18.5 / Matterhorn 28-011", "a Link element has no link annotation");
  };
  const std::vector<const PdfValue*> tops = push_kids(top, 0);
  if (tops.size() != 1 || f.resolve(*tops[0])["S"].text != "Document")
    fail("paiban", "the structure tree's root is not one Document element");
  for (const PdfValue* t : tops) {
    // The top element's parent is the StructTreeRoot itself.
    const int root_object = catalog["StructTreeRoot"].ref;
    walk(*t, root_object);
  }

  // --- The pages: every painting operator in marked content; each MCID
  // known to the tree and to the ParentTree, under its element's tag.
  std::set<std::pair<int, int>> seen;
  for (size_t p = 0; p < pages.size(); ++p) {
    PdfValue page_ref;
    page_ref.kind = Kind::ref;
    page_ref.ref = pages[p];
    const PdfValue& page = f.resolve(page_ref);
    const int key = page.has("StructParents") ? static_cast<int>(page["StructParents"].number) : -1;
    const std::string where = "page " + std::to_string(p + 1);
    const PdfValue& contents_ref = page["Contents"];
    std::vector<const PdfValue*> streams;
    const PdfValue& contents = f.resolve(contents_ref);
    if (contents.is(Kind::array))
      for (const PdfValue& s : contents.items) streams.push_back(&s);
    else
      streams.push_back(&contents_ref);
    std::vector<std::string> open;  // tags of the open marked content
    int tagged_depth = 0, artifact_depth = 0;
    std::vector<int> owners;  // the element of each open tagged marked content
    for (const PdfValue* s : streams) {
      const PdfObject* object = s->is(Kind::ref) ? f.object(s->ref) : nullptr;
      if (!object) continue;
      for (const ContentOp& op : content_ops(object->stream)) {
        if (op.op == "BDC" || op.op == "BMC") {
          const std::string tag = op.operands.empty() ? "" : op.operands[0].text;
          const bool artifact = tag == "Artifact";
          const PdfValue* props = op.operands.size() > 1 ? &op.operands[1] : nullptr;
          const bool has_mcid = props && props->has("MCID");
          if (artifact && tagged_depth > 0)
            fail("Matterhorn 01-001 (" + where + ")", "an Artifact inside tagged content");
          if (has_mcid) {
            if (artifact_depth > 0)
              fail("Matterhorn 01-001 (" + where + ")", "tagged content inside an Artifact");
            const int mcid = static_cast<int>((*props)["MCID"].number);
            ++report.marked_contents;
            auto id = std::make_pair(static_cast<int>(p), mcid);
            if (!seen.insert(id).second)
              fail("ISO 32000-1 14.7.4.2 (" + where + ")", "MCID used twice on a page");
            auto owner = owner_of_mcid.find(id);
            owners.push_back(owner == owner_of_mcid.end() ? -1 : owner->second);
            if (owner == owner_of_mcid.end()) {
              fail("Matterhorn 01-004 (" + where + ")",
                   "MCID " + std::to_string(mcid) + " is in no structure element");
            } else {
              if (role_of[owner->second] != tag)
                fail("ISO 32000-1 14.7.4.2 (" + where + ")",
                     "marked content /" + tag + " belongs to a /" + role_of[owner->second]);
              const PdfValue& list = f.resolve(parents[key]);
              if (key < 0 || mcid >= static_cast<int>(list.items.size()) ||
                  list.items[mcid].ref != owner->second)
                fail("ISO 32000-1 14.7.4.4 (" + where + ")", "the ParentTree does not lead MCID " +
                                                                 std::to_string(mcid) +
                                                                 " to its element");
            }
          }
          open.push_back(artifact ? "A" : has_mcid ? "T" : "O");
          if (artifact) ++artifact_depth;
          if (has_mcid) ++tagged_depth;
        } else if (op.op == "EMC") {
          if (open.empty()) {
            fail("ISO 32000-1 14.6 (" + where + ")", "EMC without BDC");
            continue;
          }
          if (open.back() == "A") --artifact_depth;
          if (open.back() == "T") --tagged_depth, owners.pop_back();
          open.pop_back();
        } else if ((op.op == "TJ" || op.op == "Tj") && !owners.empty() && owners.back() >= 0 &&
                   lang_of.count(owners.back()) && lang_of[owners.back()] >= 0) {
          // Glyphs shown in an element with a language: two bytes a code
          // (Identity-H, as paiban writes its fonts).
          int bytes = 0;
          const PdfValue& shown = op.operands.empty() ? PdfValue{} : op.operands.back();
          if (shown.is(Kind::array)) {
            for (const PdfValue& item : shown.items)
              if (item.is(Kind::string)) bytes += static_cast<int>(item.text.size());
          } else if (shown.is(Kind::string)) {
            bytes = static_cast<int>(shown.text.size());
          }
          report.languages[lang_of[owners.back()]].glyphs += bytes / 2;
        } else if (painting(op.op) && tagged_depth == 0 && artifact_depth == 0) {
          fail("PDF/UA 7.1 / Matterhorn 01-005 (" + where + ")",
               "'" + op.op + "' paints content neither tagged nor an Artifact");
        }
      }
    }
    if (!open.empty()) fail("ISO 32000-1 14.6 (" + where + ")", "marked content left open");

    // Annotations: links in the tree, described, in structure tab order.
    const PdfValue& annots = f.get(page, "Annots");
    if (!annots.items.empty() && !f.get(page, "Tabs").is_name("S"))
      fail("PDF/UA 7.18.3 / Matterhorn 28-010 (" + where + ")",
           "a page with annotations has no /Tabs /S");
    for (const PdfValue& a : annots.items) {
      const PdfValue& annot = f.resolve(a);
      ++report.annotations;
      if (!annot["Subtype"].is_name("Link")) continue;
      const PdfValue& contents_text = f.get(annot, "Contents");
      if (!contents_text.is(Kind::string) || contents_text.text.size() <= 2)
        fail("PDF/UA 7.18.5 / Matterhorn 28-004 (" + where + ")", "a link has no /Contents");
      auto link = link_of_annotation.find(a.ref);
      if (link == link_of_annotation.end() || role_of[link->second] != "Link")
        fail("PDF/UA 7.18.5 / Matterhorn 28-011 (" + where + ")",
             "a link annotation is not in a Link element");
      const int sp =
          annot.has("StructParent") ? static_cast<int>(annot["StructParent"].number) : -1;
      if (sp < 0 || !parents.count(sp) || link == link_of_annotation.end() ||
          parents[sp].ref != link->second)
        fail("ISO 32000-1 14.7.4.4 (" + where + ")",
             "the link's /StructParent does not lead to its Link element");
      if (expect.pdfa && !(static_cast<int>(f.get(annot, "F").number) & 4))
        fail("PDF/A-2 6.3.2 (" + where + ")", "an annotation without the Print flag");
    }

    // Fonts: embedded, with ToUnicode.
    const PdfValue& resources = f.get(page, "Resources");
    const PdfValue& fonts = f.get(resources, "Font");
    if (fonts.dict)
      for (const auto& [name, ref] : *fonts.dict) {
        const PdfValue& font = f.resolve(ref);
        if (!font.has("ToUnicode"))
          fail("PDF/UA 7.21.7 / PDF/A-2 6.2.11.7.2 (" + where + ")",
               "font " + name + " has no ToUnicode");
        const PdfValue& descendants = f.get(font, "DescendantFonts");
        const PdfValue& cid = descendants.items.empty() ? font : f.resolve(descendants.items[0]);
        const PdfValue& descriptor = f.get(cid, "FontDescriptor");
        if (!descriptor.has("FontFile") && !descriptor.has("FontFile2") &&
            !descriptor.has("FontFile3"))
          fail("PDF/UA 7.21.4.1 / PDF/A-2 6.2.11.4.1 (" + where + ")",
               "font " + name + " is not embedded");
        if (cid["Subtype"].is_name("CIDFontType2") && !cid.has("CIDToGIDMap"))
          fail("PDF/A-2 6.2.11.3.2 (" + where + ")", "CIDFontType2 without /CIDToGIDMap");
      }

    // PDF/A on screen: CMYK operators need an ICC-based DefaultCMYK.
    if (expect.pdfa && !expect.print) {
      const PdfValue& spaces = f.get(resources, "ColorSpace");
      if (!spaces.has("DefaultCMYK"))
        fail("PDF/A-2 6.2.4.3 (" + where + ")",
             "DeviceCMYK is used under an RGB output intent without a DefaultCMYK");
    }
  }
  for (const auto& [id, element] : owner_of_mcid)
    if (!seen.count(id))
      fail("ISO 32000-1 14.7.4.2", "the tree names an MCID (page " + std::to_string(id.first + 1) +
                                       ") no content stream has");

  // --- PDF/A-2u.
  const bool a_id = xmp.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos &&
                    xmp.find("<pdfaid:conformance>U</pdfaid:conformance>") != std::string::npos;
  if (expect.pdfa != a_id)
    fail("PDF/A-2 6.6.4", expect.pdfa ? "the XMP has no pdfaid:part 2 / conformance U"
                                      : "PDF/A is claimed though not asked for");
  if (expect.pdfa) {
    if (f.header.rfind("%PDF-1.", 0) != 0 || f.header.size() < 14 ||
        std::count_if(f.header.begin(), f.header.end(),
                      [](char c) { return static_cast<unsigned char>(c) > 127; }) < 4)
      fail("PDF/A-2 6.1.2", "the header is not %PDF-1.n plus a comment of 4 binary bytes");
    if (f.trailer["ID"].items.size() != 2) fail("PDF/A-2 6.1.3", "the trailer has no /ID");
    if (f.trailer.has("Encrypt")) fail("PDF/A-2 6.1.3", "the file is encrypted");
    const PdfValue& intents = f.get(catalog, "OutputIntents");
    std::set<int> profiles;
    bool pdfa_intent = false, pdfx_intent = false;
    for (const PdfValue& i : intents.items) {
      const PdfValue& intent = f.resolve(i);
      pdfa_intent = pdfa_intent || intent["S"].is_name("GTS_PDFA1");
      pdfx_intent = pdfx_intent || intent["S"].is_name("GTS_PDFX");
      profiles.insert(intent["DestOutputProfile"].ref);
    }
    if (!pdfa_intent) fail("PDF/A-2 6.2.3", "no /GTS_PDFA1 OutputIntent");
    if (expect.print && !pdfx_intent) fail("PDF/X-4", "no /GTS_PDFX OutputIntent");
    if (profiles.size() != 1)
      fail("PDF/A-2 6.2.3", "the OutputIntents do not share one DestOutputProfile");
    const PdfValue& info = f.resolve(f.trailer["Info"]);
    if (!info.has("Title") || xmp.find("<dc:title>") == std::string::npos)
      fail("PDF/A-2 6.6.3", "Title in /Info without dc:title in the XMP");
    if (ua_id && xmp.find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") == std::string::npos)
      fail("PDF/A-2 6.6.2.3", "pdfuaid is used without a PDF/A extension schema");
    if (expect.print &&
        xmp.find("<pdfaSchema:prefix>pdfxid</pdfaSchema:prefix>") == std::string::npos)
      fail("PDF/A-2 6.6.2.3", "pdfxid is used without a PDF/A extension schema");
  }
  return report;
}

}  // namespace paiban::pdf_test
