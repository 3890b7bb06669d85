#include "pdf/hpdf.hpp"

#include <hpdf_list.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace paiban::pdf {

void HpdfDoc::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* error = static_cast<Error*>(user);
  if (error->code == HPDF_OK) *error = {code, detail};  // the first error is the cause
}

HpdfDoc::HpdfDoc() : error_(std::make_unique<Error>()), doc_(nullptr, HPDF_Free) {
  doc_.reset(HPDF_New(&HpdfDoc::on_error, error_.get()));
  if (!doc_) throw std::runtime_error("PDF writer: cannot create a libharu document");
}

void HpdfDoc::check(HPDF_STATUS status, std::string_view what) const {
  if (status == HPDF_OK && error_->code == HPDF_OK) return;
  HPDF_STATUS code = error_->code != HPDF_OK ? error_->code : status;
  char buf[96];
  std::snprintf(buf, sizeof buf, " failed (libharu error 0x%04X, detail %u)",
                static_cast<unsigned>(code), static_cast<unsigned>(error_->detail));
  throw std::runtime_error("PDF writer: " + std::string(what) + buf);
}

HPDF_Dict HpdfDoc::new_dict(bool indirect) {
  HPDF_Dict dict = checked(HPDF_Dict_New(mmgr()), "creating a dictionary");
  if (indirect) check(HPDF_Xref_Add(xref(), dict), "adding a dictionary to the xref");
  return dict;
}

HPDF_Dict HpdfDoc::new_stream(std::string_view data, bool compress, FlateEffort effort) {
  if (compress) return new_flate_stream(flate(data, effort));
  HPDF_Dict dict = checked(HPDF_DictStream_New(mmgr(), xref()), "creating a stream");
  if (!data.empty())
    check(HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                            static_cast<HPDF_UINT>(data.size())),
          "writing stream data");
  return dict;
}

namespace {
// libharu names only the filters it applies itself, and drops a /Filter
// entry of a stream it does not compress: the dictionary's write hook
// (called after its entries) names the data's own filter.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}
}  // namespace

HPDF_Dict HpdfDoc::new_flate_stream(std::string_view compressed) {
  HPDF_Dict dict = new_stream(compressed, false);
  dict->write_fn = write_flate_filter;
  return dict;
}

void HpdfDoc::write_content(HPDF_Page page, std::string_view ops, bool compress) {
  // Re-read the stream's dictionary: libharu may replace it. The document's
  // own compression is off, so libharu writes these bytes as they are.
  HPDF_Dict contents = static_cast<HPDF_PageAttr>(page->attr)->contents;
  const std::string compressed = compress ? flate(ops) : std::string();
  const std::string_view bytes = compress ? std::string_view(compressed) : ops;
  check(HPDF_Stream_Write(contents->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size())),
        "writing a page's content stream");
  if (compress) contents->write_fn = write_flate_filter;
}

HPDF_Array HpdfDoc::new_array() { return checked(HPDF_Array_New(mmgr()), "creating an array"); }

HPDF_Binary HpdfDoc::new_binary(std::string_view bytes) {
  std::vector<HPDF_BYTE> copy(bytes.begin(), bytes.end());
  return checked(HPDF_Binary_New(mmgr(), copy.data(), static_cast<HPDF_UINT>(copy.size())),
                 "creating a binary string");
}

HPDF_String HpdfDoc::new_ascii_string(const std::string& text) {
  return checked(HPDF_String_New(mmgr(), text.c_str(), nullptr), "creating a string");
}

HPDF_Null HpdfDoc::new_null() { return checked(HPDF_Null_New(mmgr()), "creating null"); }

void HpdfDoc::add(HPDF_Dict dict, const char* key, void* object) {
  check(HPDF_Dict_Add(dict, key, object), std::string("setting /") + key);
}
void HpdfDoc::add_name(HPDF_Dict dict, const char* key, const char* name) {
  check(HPDF_Dict_AddName(dict, key, name), std::string("setting /") + key);
}
void HpdfDoc::add_number(HPDF_Dict dict, const char* key, int value) {
  check(HPDF_Dict_AddNumber(dict, key, value), std::string("setting /") + key);
}
void HpdfDoc::add_real(HPDF_Dict dict, const char* key, double value) {
  check(HPDF_Dict_AddReal(dict, key, static_cast<HPDF_REAL>(value)),
        std::string("setting /") + key);
}
void HpdfDoc::push(HPDF_Array array, void* object) {
  check(HPDF_Array_Add(array, object), "adding to an array");
}
void HpdfDoc::push_number(HPDF_Array array, int value) {
  check(HPDF_Array_AddNumber(array, value), "adding to an array");
}
void HpdfDoc::push_real(HPDF_Array array, double value) {
  check(HPDF_Array_AddReal(array, static_cast<HPDF_REAL>(value)), "adding to an array");
}
void HpdfDoc::push_name(HPDF_Array array, const char* name) {
  check(HPDF_Array_AddName(array, name), "adding to an array");
}

bool HpdfDoc::has_key(HPDF_Dict dict, const char* key) {
  for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
    auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
    if (std::string_view(element->key) == key) return true;
  }
  return false;
}

HPDF_Array HpdfDoc::box(double x0, double y0, double x1, double y1) {
  HPDF_Array array = new_array();
  for (double v : {x0, y0, x1, y1}) push_real(array, v);
  return array;
}

std::string HpdfDoc::save() {
  check(HPDF_SaveToStream(get()), "saving the document");
  std::string bytes(HPDF_GetStreamSize(get()), '\0');
  HPDF_UINT32 got = static_cast<HPDF_UINT32>(bytes.size());
  check(HPDF_ResetStream(get()), "rewinding the output");
  check(HPDF_ReadFromStream(get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got),
        "reading the output");
  bytes.resize(got);
  return bytes;
}

}  // namespace paiban::pdf
