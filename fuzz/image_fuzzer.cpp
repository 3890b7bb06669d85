// libFuzzer target C: figure files. The manifest reader reads each figure's
// header into facts (read_image_facts); the PDF writer decodes it once
// (decode_image, libpng and libjpeg). Any file whose header passes must be
// written by write_pdf (screen, PDF/X-4, PDF/X-1a) without a crash; a
// refusal must be an InputError.
//
// The bytes are written to a file on /dev/shm (libharu loads images by path).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_setup.hpp"
#include "paiban/image.hpp"
#include "paiban/document.hpp"
#include "paiban/fonts.hpp"
#include "paiban/pdf.hpp"

namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxInput = 256 * 1024;

std::string scratch_file() {
  std::error_code error;
  fs::path base =
      fs::is_directory("/dev/shm", error) ? fs::path("/dev/shm") : fs::temp_directory_path();
  fs::path dir = base / ("paiban-fuzz-image-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return (dir / "figure").string();
}

void write_with(const paiban::ImageFacts& facts, const std::string& path, paiban::FontCache& fonts,
                paiban::PdfOptions options) {
  paiban::Document document;
  document.title = "fuzz";
  document.pages.emplace_back();
  document.pages.back().images.push_back({facts, 72, 72, 200, 150, {path, 1, 1}, ""});
  try {
    std::string pdf = paiban::write_pdf(document, fonts, options);
    if (pdf.compare(0, 5, "%PDF-") != 0) {
      std::fprintf(stderr, "write_pdf returned no PDF\n");
      std::abort();
    }
  } catch (const paiban::InputError&) {
    // A damaged image: a clear refusal at its figure.
  }
}

}  // namespace

/// Before any input: fontconfig's configuration (see fuzz_setup.hpp).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  paiban::fuzz::fonts_loaded();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = scratch_file();
  static paiban::FontCache& fonts = paiban::FontCache::shared();
  if (size > kMaxInput) return -1;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
  }
  paiban::ImageFacts facts;
  try {
    facts = paiban::read_image_facts(path);
  } catch (const paiban::ImageError&) {
    return 0;  // refused at the figure
  }
  // Bounded work: a header may claim 100 million pixels of a few bytes.
  if (static_cast<double>(facts.width) * facts.height > 4e6) return 0;
  try {
    write_with(facts, path, fonts, paiban::fuzz::pdf_options());
    paiban::PdfOptions print = paiban::fuzz::pdf_options();
    print.print = true;
    write_with(facts, path, fonts, print);
    print.standard = paiban::PdfStandard::x1a;
    write_with(facts, path, fonts, print);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "an image the checks passed made the writer fail: %s\n", error.what());
    std::abort();
  }
  return 0;
}
