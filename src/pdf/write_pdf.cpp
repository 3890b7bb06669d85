// write_pdf: Document -> PDF bytes. Order matters: codes are known only
// after subsetting, so fonts are subset first, then pages are written. The
// faces are subset on background threads while this one sets up the
// document and encodes the figures: each is about a third of a render.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "common/background_tasks.hpp"
#include "common/utf8.hpp"
#include "paiban/pdf.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/flate.hpp"
#include "pdf/font_embedding.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/image_xobject.hpp"
#include "pdf/md5.hpp"
#include "pdf/navigation.hpp"
#include "pdf/object_streams.hpp"
#include "pdf/pdf_syntax.hpp"
#include "pdf/pdfx.hpp"
#include "pdf/structure_tree.hpp"

#ifndef PAIBAN_VERSION
#define PAIBAN_VERSION "dev"
#endif

namespace paiban {
namespace {

using pdf::HpdfDoc;
using pdf::StructureTree;

// Everything known about one face before any PDF object exists.
struct FaceUsage {
  std::set<uint32_t> glyphs;
  std::map<uint32_t, std::u32string> text_of_glyph;  // first non-empty text seen wins
  std::set<uint32_t> upright;  // set upright in vertical lines: drawn through Identity-V
  pdf::FontSubset subset;
  std::string program_digest;  // MD5 of subset.program, for the file identifier
  std::map<uint16_t, std::u32string> text_of_code;
  HPDF_Dict type0 = nullptr;
  HPDF_Dict type0_vertical = nullptr;  // only when `upright` has glyphs
};

long long document_epoch(const Document& document, const PdfOptions& options) {
  if (options.source_date_epoch) return *options.source_date_epoch;
  const Date& d = document.date;
  if (d.year > 0 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31)
    return pdf::epoch_of_date(d.year, d.month, d.day);
  return 0;  // never the clock: a fixed date keeps the output reproducible
}

// A "uuid:" from 16 hash bytes (RFC 4122 layout, version 3 = name-based MD5).
std::string uuid_from(std::string digest) {
  digest[6] = static_cast<char>((digest[6] & 0x0F) | 0x30);
  digest[8] = static_cast<char>((digest[8] & 0x3F) | 0x80);
  std::string h = pdf::hex(digest);
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
         h.substr(16, 4) + "-" + h.substr(20);
}

// A PDF name's bytes with #XX for what may not stand in it:
// "PANTONE 185 C" -> PANTONE#20185#20C.
std::string escaped_name(const std::string& name) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    if (c > 0x20 && c < 0x7F && std::string_view("()<>[]{}/%#").find(c) == std::string::npos) {
      out += static_cast<char>(c);
    } else {
      out += '#';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

class Writer {
 public:
  Writer(const Document& document, const FontCache& fonts, const PdfOptions& options)
      : document_(document),
        fonts_(fonts),
        options_(options),
        tags_(document.structure),
        faces_(FaceFileOrder{&fonts}) {}

  std::string run() {
    validate();
    collect_glyphs();
    {
      BackgroundTasks subsets = start_subsets();
      setup();
      encode_figures_ahead();
      subsets.wait();
    }
    finish_subsets();
    embed_fonts();
    add_colour_profiles();
    write_pages();
    if (!options_.print) add_links();
    if (options_.tagged) tags_.write(doc_, pages_);
    pdf::add_outline(doc_, document_.outline, pages_, frame_);
    if (!document_.outline.empty())  // open with the bookmarks shown
      doc_.check(HPDF_SetPageMode(doc_.get(), HPDF_PAGE_MODE_USE_OUTLINE), "setting /PageMode");
    if (!document_.lang.empty() && is_ascii(document_.lang))  // for screen readers and search
      doc_.add(doc_.get()->catalog, "Lang", doc_.new_ascii_string(document_.lang));
    // PDF/UA: the window shows the title, not the file name.
    HPDF_Dict viewer = doc_.new_dict(false);
    doc_.add(viewer, "DisplayDocTitle", HPDF_Boolean_New(doc_.mmgr(), HPDF_TRUE));
    // Vertical text is bound on the right: pages progress right to left.
    if (document_.geometry.writing_mode == WritingMode::vertical_rl)
      doc_.add_name(viewer, "Direction", "R2L");
    doc_.add(doc_.get()->catalog, "ViewerPreferences", viewer);
    pdf::add_page_labels(doc_, document_.pages);
    write_metadata();
    // No public setter; set last, since some libharu calls raise it on their own.
    // Screen: PDF 1.7 (ISO 32000-1, which PDF/UA-1 and PDF/A-2 build on).
    doc_.get()->pdf_version = !options_.print                         ? HPDF_VER_17
                              : options_.standard == PdfStandard::x1a ? HPDF_VER_14
                                                                      : HPDF_VER_16;
    std::string bytes = doc_.save();
    for (const auto& [from, to] : name_fixes_)
      if (size_t at = bytes.find(from); at != std::string::npos) bytes.replace(at, from.size(), to);
    // Object streams need PDF 1.5. Screen files only: print files stay as
    // PDF/X-1a (1.4) requires, and X-4 files with them, for presses' RIPs.
    if (options_.compress && !options_.print) bytes = pdf::pack_objects(bytes);
    return bytes;
  }

 private:
  void validate() const {
    const PageGeometry& g = document_.geometry;
    if (!(g.width > 0 && g.height > 0 && g.bleed >= 0))
      throw std::runtime_error("PDF writer: the page size must be positive");
    if (document_.pages.empty()) throw std::runtime_error("PDF writer: the document has no pages");
  }

  void collect_glyphs() {
    // Glyphs come in runs of one face: look the face up once a run, since
    // faces_ orders by file path (FaceFileOrder), not by a number.
    FaceId run_face = -1;
    FaceUsage* run_use = nullptr;
    for (const Page& page : document_.pages)
      for (const PageGlyph& g : page.glyphs) {
        if (!run_use || g.face != run_face) {
          run_face = g.face;
          run_use = &faces_[g.face];
        }
        FaceUsage& use = *run_use;
        use.glyphs.insert(g.glyph);
        if (g.orientation == GlyphOrientation::upright) use.upright.insert(g.glyph);
        if (!g.text.empty()) use.text_of_glyph.emplace(g.glyph, g.text);
        // A Span's text (a language of its own) is also its parent's: a
        // link's description reads the whole link.
        const auto& structure = document_.structure;
        for (int e = g.element; e >= 0 && e < static_cast<int>(structure.size());
             e = structure[e].parent) {
          text_of_element_[e] += g.text;
          if (structure[e].role != "Span") break;
        }
      }
  }

  // Output intents (print: PDF/X; PDF/A: the same profile again), and on
  // screen PDF/A an ICC-based DefaultCMYK so CMYK text is device-independent.
  void add_colour_profiles() {
    if (options_.print) {  // the profile setup() found for the images
      pdf::add_output_intents(doc_, pdf::embed_icc_profile(doc_, output_profile_, 4),
                              output_profile_, true, options_.pdfa);
    } else if (options_.pdfa) {
      const std::string rgb = pdf::find_rgb_profile();
      pdf::add_output_intents(doc_, pdf::embed_icc_profile(doc_, rgb, 3), rgb, false, true);
      const std::string cmyk = pdf::find_cmyk_profile(options_.icc_profile);
      default_cmyk_ = doc_.new_array();
      // Indirect: every page's resources name the one array.
      doc_.check(HPDF_Xref_Add(doc_.xref(), default_cmyk_), "adding /DefaultCMYK to the xref");
      doc_.push_name(default_cmyk_, "ICCBased");
      doc_.push(default_cmyk_, pdf::embed_icc_profile(doc_, cmyk, 4));
    }
  }

  void add_links() {
    for (size_t i = 0; i < pages_.size(); ++i) {
      const std::vector<PageLink>& links = document_.pages[i].links;
      std::vector<HPDF_Annotation> annotations =
          pdf::add_links(doc_, pages_[i], links, pages_, frame_);
      bool any = false;
      for (size_t k = 0; k < links.size(); ++k) {
        if (!annotations[k]) continue;
        any = true;
        // PDF/UA: a link says what it is for; its text does, else its target.
        const std::u32string contents = link_description(links[k]);
        doc_.add(annotations[k], "Contents", doc_.new_binary("\xFE\xFF" + pdf::utf16be(contents)));
        if (options_.tagged) tags_.add_annotation(links[k].element, annotations[k], i);
      }
      if (any) doc_.add_name(pages_[i], "Tabs", "S");  // tab order = structure order
    }
  }

  std::u32string link_description(const PageLink& link) const {
    std::u32string text;
    if (auto it = text_of_element_.find(link.element); it != text_of_element_.end())
      text = it->second;
    while (!text.empty() && (text.back() == U' ' || text.back() == U'\n')) text.pop_back();
    if (!text.empty()) return text;
    if (!link.uri.empty()) return decode_utf8(link.uri);
    return decode_utf8("page " + std::to_string(link.target_page + 1));
  }

  // Each face's subset, its program compressed and hashed, as an independent task:
  // the largest glyph sets first, so the longest task does not start last.
  BackgroundTasks start_subsets() {
    subset_order_.clear();
    for (auto& entry : faces_) subset_order_.push_back(&entry);
    std::stable_sort(subset_order_.begin(), subset_order_.end(), [](auto* a, auto* b) {
      return a->second.glyphs.size() > b->second.glyphs.size();
    });
    const unsigned threads = options_.threads > 1 ? options_.threads - 1 : 0;
    return BackgroundTasks(
        subset_order_.size(),
        [this](size_t i) {
          auto& [face, use] = *subset_order_[i];
          use.subset = pdf::subset_face(fonts_, face, use.glyphs);
          if (options_.compress) use.subset.program_flate = pdf::flate(use.subset.program);
          pdf::Md5 digest;
          digest.update(use.subset.program);
          use.program_digest = digest.digest();
        },
        threads);
  }

  // What depends on the subsets, in face order (the file ID hashes them).
  void finish_subsets() {
    for (auto& [face, use] : faces_) {
      for (const auto& [glyph, text] : use.text_of_glyph)
        use.text_of_code.emplace(use.subset.code_of.at(glyph), text);
      // PDF/A-2u and PDF/UA want every code mapped to Unicode. A glyph that
      // carries no text (the rest of a cluster) maps to U+FFFD; the content
      // stream gives it an empty /ActualText, so extraction stays exact.
      for (uint32_t glyph : use.glyphs)
        use.text_of_code.emplace(use.subset.code_of.at(glyph), U"\uFFFD");
      if (!use.upright.empty()) pdf::add_vertical_metrics(fonts_, use.subset, use.upright);
      hash_.update(use.subset.tag);
      hash_.update(use.program_digest);  // hashed beside the subsetting
    }
  }

  // The figures' samples, decoded and compressed into the per-process cache
  // while the faces are subset; write_pages then only embeds them.
  void encode_figures_ahead() {
    for (const Page& page : document_.pages)
      for (const PageImage& placed : page.images) {
        try {
          images_->encode_ahead(placed.facts, placed.width, placed.height,
                                backdrop_under(page, placed));
        } catch (const ImageError&) {
          // reported, with its figure's place, when write_pages embeds it
        }
      }
  }

  void setup() {
    HPDF_Doc pdf = doc_.get();
    // paiban compresses every stream itself (pdf/flate): libharu only copies.
    doc_.check(HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE), "setting compression");
    frame_ = pdf::page_frame(document_.geometry, options_.print);
    const auto target = !options_.print                         ? pdf::ImageColourTarget::screen
                        : options_.standard == PdfStandard::x1a ? pdf::ImageColourTarget::x1a
                                                                : pdf::ImageColourTarget::x4;
    // The output intent is needed before the images: X-1a converts RGB to it.
    if (options_.print) output_profile_ = pdf::find_cmyk_profile(options_.icc_profile);
    images_.emplace(doc_, target, output_profile_);
    colours_.print = options_.print;
    if (options_.print) make_spot_spaces();
  }

  // Each spot ink as [/Separation /NAME /DeviceCMYK {tint -> CMYK}], a page
  // resource CS0, CS1, ... (on screen spot colours are drawn in their RGB).
  void make_spot_spaces() {
    for (size_t i = 0; i < document_.spots.size(); ++i) {
      const SpotInk& ink = document_.spots[i];
      HPDF_Dict tint = doc_.new_dict(true);
      doc_.add_number(tint, "FunctionType", 2);
      HPDF_Array domain = doc_.new_array();
      doc_.push_number(domain, 0);
      doc_.push_number(domain, 1);
      doc_.add(tint, "Domain", domain);
      HPDF_Array none = doc_.new_array(), full = doc_.new_array();
      for (double v : {ink.c, ink.m, ink.y, ink.k}) {
        doc_.push_number(none, 0);
        doc_.push_real(full, v);
      }
      doc_.add(tint, "C0", none);
      doc_.add(tint, "C1", full);
      doc_.add_number(tint, "N", 1);
      HPDF_Array space = doc_.new_array();
      doc_.push_name(space, "Separation");
      // Debian's libharu 2.3 leaves a space in a name unescaped (and escapes
      // '#'): a placeholder of the escaped name's length stands in the array,
      // and the saved bytes get the escaped name (offsets are unchanged).
      const std::string escaped = escaped_name(ink.name);
      std::string placeholder = escaped;
      if (escaped != ink.name) {
        placeholder = "~~" + std::string(1, static_cast<char>('a' + i % 26)) + std::to_string(i);
        if (placeholder.size() > escaped.size())
          placeholder = escaped_name(ink.name);  // rare: keep
        placeholder.resize(escaped.size(), '~');
        if (placeholder != escaped)
          name_fixes_.push_back(
              {"/Separation /" + placeholder + " ", "/Separation /" + escaped + " "});
      }
      doc_.push_name(space, placeholder.c_str());
      doc_.push_name(space, "DeviceCMYK");
      doc_.push(space, tint);
      // Indirect: every page's resources refer to the one array.
      doc_.check(HPDF_Xref_Add(doc_.xref(), space), "adding a colour space");
      spot_spaces_.push_back(space);
      colours_.spot_resources.push_back("CS" + std::to_string(i));
    }
  }

  void add_spot_resources(HPDF_Page page) {
    if (spot_spaces_.empty()) return;
    HPDF_Dict resources =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    doc_.checked(resources, "finding a page's resources");
    HPDF_Dict spaces = doc_.new_dict(false);
    for (size_t i = 0; i < spot_spaces_.size(); ++i)
      doc_.add(spaces, colours_.spot_resources[i].c_str(), spot_spaces_[i]);
    doc_.add(resources, "ColorSpace", spaces);
  }

  void embed_fonts() {
    for (auto& [face, use] : faces_) {
      pdf::EmbeddedFont font =
          pdf::embed_font(doc_, fonts_.info(face), use.subset, use.text_of_code, options_.compress);
      use.type0 = font.horizontal;
      use.type0_vertical = font.vertical;
    }
  }

  // The figure's XObject, embedded and decoded once per file and pixel size
  // (downsampled when placed far above 300 ppi). Damage found while decoding
  // is the input's fault: an InputError at its <figure>.
  HPDF_Dict image(const Page& page, const PageImage& placed) {
    try {
      return images_->xobject(placed.facts, placed.width, placed.height,
                              backdrop_under(page, placed), hash_);
    } catch (const ImageError& error) {
      throw InputError(placed.where,
                       "image " + placed.facts.path + " cannot be used: " + error.what());
    }
  }

  // PDF/X-1a has no transparency, so a picture with alpha is flattened onto
  // what it stands on: the ink of the last filled box that holds it wholly
  // (a masthead band, a coloured box; a spot ink by its CMYK alternate), with
  // nothing else drawn in between, else paper.
  pdf::Backdrop backdrop_under(const Page& page, const PageImage& placed) const {
    if (!(options_.print && options_.standard == PdfStandard::x1a && placed.facts.alpha)) return {};
    constexpr double kSlack = 0.01;  // pt
    auto holds = [&](double x, double y, double w, double h) {
      return x <= placed.x + kSlack && y <= placed.y + kSlack &&
             x + w >= placed.x + placed.width - kSlack &&
             y + h >= placed.y + placed.height - kSlack;
    };
    auto meets = [&](double x, double y, double w, double h) {
      return x < placed.x + placed.width && placed.x < x + w && y < placed.y + placed.height &&
             placed.y < y + h;
    };
    // Pictures drawn before this one under part of it: no single backdrop.
    for (const PageImage& other : page.images) {
      if (&other == &placed) break;
      if (meets(other.x, other.y, other.width, other.height)) return {};
    }
    for (auto box = page.boxes.rbegin(); box != page.boxes.rend(); ++box) {
      if (!box->filled || !meets(box->x, box->y, box->width, box->height)) continue;
      if (!holds(box->x, box->y, box->width, box->height)) return {};  // a part-way edge
      Cmyk ink = box->fill;
      if (ink.spot >= 0 && ink.spot < static_cast<int>(document_.spots.size())) {
        const SpotInk& spot = document_.spots[ink.spot];
        ink.c = spot.c, ink.m = spot.m, ink.y = spot.y, ink.k = spot.k;
      }
      auto byte = [](double v) {
        return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
      };
      return {byte(ink.c), byte(ink.m), byte(ink.y), byte(ink.k)};
    }
    return {};
  }

  void write_pages() {
    const PageGeometry& g = document_.geometry;
    const double media_w = g.width + 2 * frame_.trim_x;
    for (const Page& page : document_.pages) {
      HPDF_Page p = doc_.checked(HPDF_AddPage(doc_.get()), "adding a page");
      doc_.add(p, "MediaBox", doc_.box(0, 0, media_w, frame_.media_height));
      if (options_.print) pdf::add_print_boxes(doc_, p, g, frame_);
      if (default_cmyk_) set_default_cmyk(p);
      StructureTree* tags = options_.tagged ? &tags_ : nullptr;
      if (tags) tags->begin_page();

      add_spot_resources(p);
      // Backgrounds, bands and box frames: decoration, so artifacts.
      std::string ops = as_artifact(pdf::box_operators(page.boxes, frame_, colours_), tags);
      for (const PageImage& im : page.images) {
        HPDF_Dict img = image(page, im);
        const char* name = doc_.checked(HPDF_Page_GetXObjectName(p, img), "naming an image");
        if (tags) ops += tags->open(im.element);
        ops += pdf::image_operators(im, name, frame_);
        if (tags) ops += "EMC\n";
      }
      ops += pdf::rule_operators(page.rules, frame_, colours_, tags);
      // Emphasis dots are decoration of the text they mark, like the boxes.
      ops += as_artifact(pdf::dot_operators(page.dots, frame_, colours_), tags);
      std::map<FaceId, pdf::FontUse> uses;
      for (const PageGlyph& glyph : page.glyphs) {
        const bool upright = glyph.orientation == GlyphOrientation::upright;
        auto known = uses.find(glyph.face);
        if (known != uses.end() && (!upright || !known->second.vertical_resource.empty())) continue;
        FaceUsage& face = faces_.at(glyph.face);
        if (known == uses.end()) {
          const char* name =
              doc_.checked(HPDF_Page_GetLocalFontName(p, face.type0), "naming a font");
          known =
              uses.emplace(glyph.face, pdf::FontUse{name, &face.subset, &face.text_of_code}).first;
        }
        if (upright)
          known->second.vertical_resource = doc_.checked(
              HPDF_Page_GetLocalFontName(p, face.type0_vertical), "naming a vertical font");
      }
      ops += pdf::text_operators(page.glyphs, uses, frame_, colours_, tags);
      if (options_.print) ops += as_artifact(pdf::crop_mark_operators(g, frame_), tags);
      // libharu writes nothing for an empty page as a 0-byte Flate stream,
      // which Ghostscript and MuPDF reject: give it a harmless operator pair.
      if (ops.empty()) ops = "q Q\n";
      hash_.update(ops);
      doc_.write_content(p, ops, options_.compress);
      pages_.push_back(p);
    }
  }

  // Decoration a reader skips: marked as an Artifact in a tagged file.
  static std::string as_artifact(const std::string& ops, const StructureTree* tags) {
    if (!tags || ops.empty()) return ops;
    return "/Artifact BMC\n" + ops + "EMC\n";
  }

  void set_default_cmyk(HPDF_Page page) {
    HPDF_Dict resources =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    doc_.checked(resources, "finding a page's resources");
    HPDF_Dict spaces = doc_.new_dict(false);
    doc_.add(spaces, "DefaultCMYK", default_cmyk_);
    doc_.add(resources, "ColorSpace", spaces);
  }

  void set_info_text(const char* key, const std::string& value) {
    if (value.empty()) return;
    HPDF_Dict info = doc_.get()->info;
    if (is_ascii(value))
      doc_.add(info, key, doc_.new_ascii_string(value));
    else
      doc_.add(info, key, doc_.new_binary(pdf::text_string_bytes(value)));
  }

  void write_metadata() {
    HPDF_Doc pdf = doc_.get();
    const std::string producer = std::string("paiban ") + PAIBAN_VERSION;
    // The first SetInfoAttr creates the Info dictionary.
    doc_.check(HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer.c_str()), "setting /Producer");
    doc_.check(HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "paiban"), "setting /Creator");
    set_info_text("Title", document_.title);
    set_info_text("Author", document_.author);
    set_info_text("Subject", document_.subject);
    const long long epoch = document_epoch(document_, options_);
    const std::string date = pdf::pdf_date(epoch);
    doc_.add(pdf->info, "CreationDate", doc_.new_ascii_string(date));
    doc_.add(pdf->info, "ModDate", doc_.new_ascii_string(date));

    // The file identifier: a hash of what the file shows, so the same input
    // gives the same /ID, and a changed one a new /ID.
    for (const std::string* s : {&document_.title, &document_.author, &document_.subject, &date})
      hash_.update(*s);
    for (const OutlineEntry& e : document_.outline)
      hash_.update(e.title + '\n' + std::to_string(e.page) + ' ' + pdf::num(e.y));
    for (const Page& page : document_.pages)
      for (const PageLink& l : page.links)
        hash_.update(l.uri + ' ' + std::to_string(l.target_page) + ' ' + pdf::num(l.target_y));
    hash_.update(options_.print ? pdf::pdfx_version(options_.standard) : "screen");
    hash_.update(options_.pdfa ? "PDF/A-2u" : "");
    const std::string id = hash_.digest();
    HPDF_Array ids = doc_.new_array();
    doc_.push(ids, doc_.new_binary(id));
    doc_.push(ids, doc_.new_binary(id));
    doc_.add(pdf->trailer, "ID", ids);

    // XMP on screen too: PDF/UA wants dc:title there, PDF/A its identification.
    pdf::XmpFields xmp;
    if (options_.print) {
      xmp.pdfx_version = pdf::pdfx_version(options_.standard);
      xmp.standard = options_.standard;
      doc_.add(pdf->info, "GTS_PDFXVersion", doc_.new_ascii_string(xmp.pdfx_version));
    }
    doc_.add_name(pdf->info, "Trapped", "False");
    xmp.pdfa = options_.pdfa;
    xmp.pdfua = meets_pdfua(document_, options_);
    xmp.title = document_.title.empty() ? "Untitled" : document_.title;
    if (document_.title.empty()) set_info_text("Title", xmp.title);  // X-4 and UA want a title
    xmp.author = document_.author;
    xmp.subject = document_.subject;
    xmp.producer = producer;
    xmp.creator_tool = "paiban";
    xmp.create_date = xmp.modify_date = pdf::xmp_date(epoch);
    pdf::Md5 doc_id, instance_id;
    doc_id.update("document:" + id);
    instance_id.update("instance:" + id);
    xmp.document_id = uuid_from(doc_id.digest());
    xmp.instance_id = uuid_from(instance_id.digest());
    pdf::add_xmp(doc_, pdf::xmp_packet(xmp));
  }

  const Document& document_;
  const FontCache& fonts_;
  const PdfOptions& options_;
  HpdfDoc doc_;
  StructureTree tags_;
  std::map<int, std::u32string> text_of_element_;  // for link descriptions
  HPDF_Array default_cmyk_ = nullptr;              // screen PDF/A: [/ICCBased CMYK profile]
  pdf::Md5 hash_;
  pdf::PageFrame frame_;
  // In file order: object numbers depend neither on hashing nor on the
  // order faces were first loaded in (by threads, by a batch's issues).
  std::map<FaceId, FaceUsage, FaceFileOrder> faces_;
  std::vector<std::pair<const FaceId, FaceUsage>*> subset_order_;  // largest glyph set first
  std::string output_profile_;  // print: the CMYK output intent's file
  pdf::ColourOutput colours_;
  std::vector<HPDF_Array> spot_spaces_;  // by Cmyk::spot
  std::vector<std::pair<std::string, std::string>>
      name_fixes_;  // placeholder -> escaped, same length
  std::optional<pdf::ImageEmbedder> images_;
  std::vector<HPDF_Page> pages_;
};

}  // namespace

bool meets_pdfua(const Document& document, const PdfOptions& options) {
  if (!options.tagged || document.structure.empty()) return false;
  for (const StructureElement& e : document.structure)
    if (e.role == "Figure" && e.alt.empty()) return false;
  return true;
}

std::string write_pdf(const Document& document, const FontCache& fonts, const PdfOptions& options) {
  return Writer(document, fonts, options).run();
}

}  // namespace paiban
