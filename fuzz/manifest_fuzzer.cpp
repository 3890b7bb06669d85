// libFuzzer target A: the manifest parser and the whole layout engine.
//
//   bytes --parse_manifest--> Issue --load_layout--> Layout
//         --paginate (shape, break, pages, contents)--> Document --write_pdf--> bytes in memory
//
// write_pdf runs in one of three modes chosen by the input's length (plain;
// print PDF/X-4 padded for saddle stitching; PDF/X-1a uncompressed with a
// preflight summary).
//
// The manifest is named as if it stood in a scratch directory that holds
// img.png and img.jpg (copied from fuzz/data/ at start-up), so figure
// references reach the image code. Layouts are looked up by name as usual
// (layouts/ of the source tree); a layout path is resolved in the scratch
// directory, where nothing but the images is found.
//
// Inputs that are refused (InputError) are the expected outcome for most
// mutations; any other exception is an internal error and aborts, so that
// libFuzzer records it. Per-input time is kept bounded by -max_len (see
// fuzz/run.sh) and by skipping inputs over kMaxInput bytes.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "fuzz_setup.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "paiban/pdf.hpp"

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxInput = 64 * 1024;

/// A scratch directory with the two images the corpus refers to.
std::string make_scratch_dir() {
  fs::path dir = fs::temp_directory_path() / ("paiban-fuzz-manifest-" + std::to_string(getpid()));
  fs::create_directories(dir);
  for (const char* name : {"img.png", "img.jpg"}) {
    fs::copy_file(fs::path(PAIBAN_SOURCE_DIR) / "fuzz" / "data" / name, dir / name,
                  fs::copy_options::overwrite_existing);
  }
  return (dir / "issue.xml").string();
}

}  // namespace

/// Before any input: fontconfig's configuration (see fuzz_setup.hpp).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  paiban::fuzz::fonts_loaded();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string manifest_path = make_scratch_dir();
  static paiban::FontCache& fonts = paiban::FontCache::shared();
  if (size > kMaxInput) return -1;  // not added to the corpus
  std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    paiban::Issue issue = paiban::parse_manifest(bytes, manifest_path);
    paiban::Layout layout = paiban::load_layout(issue.layout, manifest_path, issue.layout_where);
    paiban::Warnings warnings;
    paiban::Document document = paiban::paginate(issue, layout, fonts, warnings);
    // The writer's modes, picked by the input's length so that one input
    // always takes the same path: plain; print PDF/X-4 with saddle-stitch
    // padding; print PDF/X-1a uncompressed with a preflight summary.
    paiban::PdfOptions options = paiban::fuzz::pdf_options();
    switch (size % 3) {
      case 1:
        options.print = true;
        paiban::pad_for_saddle_stitch(document);
        break;
      case 2:
        options.print = true;
        options.standard = paiban::PdfStandard::x1a;
        options.compress = false;
        paiban::preflight_summary(document, fonts, options, size % 2 == 0);
        break;
      default:
        break;
    }
    // Print mode refuses the RGB img.jpg with an InputError, like any input.
    std::string pdf = paiban::write_pdf(document, fonts, options);
    if (pdf.size() < 8 || pdf.compare(0, 5, "%PDF-") != 0) {
      std::fprintf(stderr, "write_pdf returned no PDF\n");
      std::abort();
    }
  } catch (const paiban::InputError&) {
    // A clear refusal: what hostile input should get.
  } catch (const std::exception& error) {
    std::fprintf(stderr, "internal error (not an InputError): %s\n", error.what());
    std::abort();
  }
  return 0;
}
