// libharu behind one door: the document handle, error capture and the few
// object-layer helpers the writer uses. Only src/pdf includes this.
#pragma once
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <memory>
#include <string>
#include <string_view>

#include "pdf/flate.hpp"

namespace paiban::pdf {

/// Owns an HPDF_Doc. libharu's errors are sticky (after one, every call
/// fails), so the first error is recorded and every status is checked.
class HpdfDoc {
 public:
  HpdfDoc();
  HpdfDoc(const HpdfDoc&) = delete;
  HpdfDoc& operator=(const HpdfDoc&) = delete;

  HPDF_Doc get() const { return doc_.get(); }
  HPDF_MMgr mmgr() const { return doc_->mmgr; }
  HPDF_Xref xref() const { return doc_->xref; }

  /// Throws std::runtime_error("PDF writer: WHAT failed (libharu error ...)")
  /// when `status` is not HPDF_OK or an error has been recorded.
  void check(HPDF_STATUS status, std::string_view what) const;
  /// Same for calls that return an object: throws when `object` is null.
  template <typename T>
  T checked(T object, std::string_view what) const {
    check(object ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM, what);
    return object;
  }

  // Object-layer helpers; each throws on failure.
  HPDF_Dict new_dict(bool indirect);
  /// A stream object (always indirect); Flate-compressed (by paiban, not
  /// libharu) when `compress`.
  HPDF_Dict new_stream(std::string_view data, bool compress,
                       FlateEffort effort = FlateEffort::bulk);
  /// A stream of data already Flate-compressed (/Filter /FlateDecode,
  /// written as it is): figures compressed once and shared across documents.
  HPDF_Dict new_flate_stream(std::string_view compressed);
  HPDF_Array new_array();
  HPDF_Binary new_binary(std::string_view bytes);
  /// A literal string of ASCII bytes (no encoder).
  HPDF_String new_ascii_string(const std::string& text);
  HPDF_Null new_null();
  void add(HPDF_Dict dict, const char* key, void* object);
  void add_name(HPDF_Dict dict, const char* key, const char* name);
  void add_number(HPDF_Dict dict, const char* key, int value);
  void add_real(HPDF_Dict dict, const char* key, double value);
  void push(HPDF_Array array, void* object);
  void push_number(HPDF_Array array, int value);
  void push_real(HPDF_Array array, double value);
  void push_name(HPDF_Array array, const char* name);
  /// Whether `dict` has `key` (HPDF_Dict_GetItem would raise a sticky error
  /// on a type mismatch).
  static bool has_key(HPDF_Dict dict, const char* key);
  /// [x0 y0 x1 y1] as reals.
  HPDF_Array box(double x0, double y0, double x1, double y1);

  /// Sets a page's content stream to `ops`, Flate-compressed when
  /// `compress`. Once per page: the stream is written whole.
  void write_content(HPDF_Page page, std::string_view ops, bool compress);

  /// Saves the document into memory and returns the bytes.
  std::string save();

 private:
  struct Error {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user);
  std::unique_ptr<Error> error_;  // stable address for the callback
  std::unique_ptr<HPDF_Doc_Rec, void (*)(HPDF_Doc)> doc_;
};

}  // namespace paiban::pdf
