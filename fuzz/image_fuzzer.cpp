// libFuzzer target C: figure files. paginate checks each figure with
// image_size() and image_damage() (libpng, libjpeg) before the PDF writer's
// libharu sees it, because libharu aborts the process on a PNG that libpng
// rejects. This target holds that promise to account: any PNG or JPEG the
// checks pass must be written by write_pdf (plain and print mode) without a
// crash; a refusal must be an InputError.
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

#include "paginate/image_size.hpp"
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

void write_with(const std::string& path, paiban::FontCache& fonts, paiban::PdfOptions options) {
  paiban::Document document;
  document.title = "fuzz";
  document.pages.emplace_back();
  document.pages.back().images.push_back({path, 72, 72, 200, 150});
  try {
    std::string pdf = paiban::write_pdf(document, fonts, options);
    if (pdf.compare(0, 5, "%PDF-") != 0) {
      std::fprintf(stderr, "write_pdf returned no PDF\n");
      std::abort();
    }
  } catch (const paiban::InputError&) {
    // Print mode refuses RGB and transparent images: a clear refusal.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = scratch_file();
  static paiban::FontCache& fonts = paiban::FontCache::shared();
  if (size > kMaxInput) return -1;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
  }
  auto pixels = paiban::image_size(path);
  if (!pixels || paiban::image_damage(path)) return 0;  // refused before the writer
  // Bounded work: libharu decodes a PNG whole; a header may claim 2^31 rows.
  if (static_cast<double>(pixels->first) * pixels->second > 4e6) return 0;
  try {
    write_with(path, fonts, {});
    paiban::PdfOptions print;
    print.print = true;
    write_with(path, fonts, print);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "an image the checks passed made the writer fail: %s\n", error.what());
    std::abort();
  }
  return 0;
}
