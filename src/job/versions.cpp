// The versions of paiban and of the libraries it runs with (not only those
// it was built against: a user's bug report needs what actually ran).
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hpdf.h>
#include <unicode/uversion.h>

#include <pugixml.hpp>
#include <string>

#include "paiban/render.hpp"

namespace paiban {

std::string library_versions() {
  UVersionInfo icu;
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_text);
  int fc = FcGetVersion();
  std::string out;
  out += "HarfBuzz " + std::string(hb_version_string()) + "\n";
  out += "ICU " + std::string(icu_text) + "\n";
  out += "fontconfig " + std::to_string(fc / 10000) + "." + std::to_string(fc / 100 % 100) + "." +
         std::to_string(fc % 100) + "\n";
  out += "libharu " + std::string(HPDF_GetVersion()) + "\n";
  out += "pugixml " + std::to_string(PUGIXML_VERSION / 1000) + "." +
         std::to_string(PUGIXML_VERSION / 10 % 100) + " (built with)\n";
  return out;
}

}  // namespace paiban
