// libpng and libjpeg report errors by calling back; these handlers record the
// message and longjmp back to the caller's setjmp. Warnings count as damage:
// a PNG that makes libpng warn (a bad CRC in an ancillary chunk, extra image
// data) or a JPEG that makes libjpeg warn (corrupt data, a file that ends
// early: libjpeg would paint the rest grey) is refused. Only stray bytes
// between JPEG markers, common in old files and harmless, pass.
#pragma once
// jpeglib.h needs size_t and FILE declared first.
#include <cstddef>
#include <cstdio>

#include <jpeglib.h>
#include <png.h>

#include <csetjmp>
#include <string>

namespace paiban {

struct CodecErrors {
  std::jmp_buf jump;
  std::string message;  // the error
  std::string warning;  // the first warning
};

void png_error_handler(png_structp png, png_const_charp message);
void png_warning_handler(png_structp png, png_const_charp message);

struct JpegErrors {
  jpeg_error_mgr manager;  // first: libjpeg's err points here
  std::jmp_buf jump;
  std::string message;  // the error, or the first warning that counts
};

void jpeg_error_handler(j_common_ptr jpeg);
void jpeg_message_handler(j_common_ptr jpeg, int level);

}  // namespace paiban
