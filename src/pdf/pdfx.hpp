// Print handoff (PDF/X-4, PDF/X-1a:2003): page boxes, crop marks, the CMYK
// output intent and the XMP metadata packet.
#pragma once
#include <string>

#include "paiban/document.hpp"
#include "paiban/pdf.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/hpdf.hpp"

namespace paiban::pdf {

/// Room around the trimmed page in print mode: the bleed, then a gap, then
/// crop marks, then a little paper. In pt.
double print_margin(const PageGeometry& geometry);

/// The trim box's place in the media box: none on screen, print_margin in print.
PageFrame page_frame(const PageGeometry& geometry, bool print);

/// Sets /TrimBox and /BleedBox (print) on a page whose frame is `frame`.
void add_print_boxes(HpdfDoc& doc, HPDF_Page page, const PageGeometry& geometry,
                     const PageFrame& frame);

/// Eight crop marks in 0 0 0 1 K, outside the bleed box.
std::string crop_mark_operators(const PageGeometry& geometry, const PageFrame& frame);

/// The CMYK output profile: `requested` when given (must exist), else the
/// first known one installed (FOGRA39L from texlive-base, Ghostscript's
/// default_cmyk.icc). Throws naming what was searched when none is found.
std::string find_cmyk_profile(const std::string& requested);

/// The RGB profile for screen PDF/A: sRGB from Ghostscript (libgs-common) or
/// from texlive-base. Throws naming what was searched when none is found.
std::string find_rgb_profile();

/// The profile embedded as an ICC stream; `components` 4 (CMYK) or 3 (RGB),
/// checked against the profile's header.
HPDF_Dict embed_icc_profile(HpdfDoc& doc, const std::string& profile_path, int components);

/// The catalog's OutputIntents, all with the one embedded `profile`:
/// /GTS_PDFX for print, /GTS_PDFA1 for PDF/A (ISO 19005-2 6.2.3: several
/// intents must share one profile object).
void add_output_intents(HpdfDoc& doc, HPDF_Dict profile, const std::string& profile_path, bool pdfx,
                        bool pdfa);

/// "PDF/X-4" or "PDF/X-1a:2003".
std::string pdfx_version(PdfStandard standard);

struct XmpFields {
  std::string title, author, subject, producer, creator_tool;
  std::string create_date, modify_date;  ///< XMP form, e.g. 2024-05-01T00:00:00Z
  std::string document_id, instance_id;  ///< "uuid:..."
  std::string pdfx_version;              ///< empty on screen
  PdfStandard standard = PdfStandard::none;
  bool pdfa = false;   ///< PDF/A-2u: pdfaid part 2, conformance U, extension schemas
  bool pdfua = false;  ///< PDF/UA-1: pdfuaid part 1
};

/// The XMP packet (UTF-8, XML-escaped values).
std::string xmp_packet(const XmpFields& fields);

/// The packet as an uncompressed /Metadata stream in the catalog.
void add_xmp(HpdfDoc& doc, const std::string& packet);

}  // namespace paiban::pdf
