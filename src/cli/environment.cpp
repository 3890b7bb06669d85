#include "cli/environment.hpp"

#include <cstdlib>
#include <cstring>

namespace paiban::cli {

Environment read_environment(const char* (*getenv)(const char*)) {
  Environment env;
  if (const char* epoch = getenv("SOURCE_DATE_EPOCH")) env.source_date_epoch = epoch;
  if (const char* list = getenv("PAIBAN_LAYOUT_PATH")) {
    const std::string text = list;
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t colon = std::min(text.find(':', start), text.size());
      if (colon > start) env.layout_path.push_back(text.substr(start, colon - start));
      start = colon + 1;
    }
  }
  if (const char* fonts = getenv("PAIBAN_FONT_PATH")) env.font_path = fonts;
  const char* no_colour = getenv("NO_COLOR");
  env.no_colour = no_colour && *no_colour;
  const char* term = getenv("TERM");
  env.dumb_terminal = term && std::strcmp(term, "dumb") == 0;
  return env;
}

const Environment& environment() {
  static const Environment env =
      read_environment([](const char* name) -> const char* { return std::getenv(name); });
  return env;
}

FontCache& command_fonts() {
  // fontconfig's answers kept between commands (src/fonts/font_choices.hpp):
  // a render whose layout asks nothing new does not load its configuration.
  static FontCache fonts(environment().font_path.empty()
                             ? std::vector<std::string>{}
                             : std::vector<std::string>{environment().font_path},
                         default_font_choices_path());
  return fonts;
}

}  // namespace paiban::cli
