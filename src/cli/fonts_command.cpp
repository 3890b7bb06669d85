#include "cli/fonts_command.hpp"

#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/diagnostic_printer.hpp"
#include "cli/environment.hpp"
#include "cli/failure.hpp"
#include "common/utf8.hpp"
#include "paiban/layout.hpp"
#include "paiban/shape.hpp"

namespace paiban::cli {
namespace {

std::string code_point(char32_t ch) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", unsigned(ch));
  return buf;
}

std::string describe_face(FontCache& fonts, FaceId face) {
  const FaceInfo& info = fonts.info(face);
  return info.postscript_name + " (" + info.path +
         (info.index ? " #" + std::to_string(info.index) : "") + ", " +
         std::to_string(fonts.character_count(face)) + " characters)";
}

void print_family(FontCache& fonts, const std::string& kind, const std::string& family, int weight,
                  const std::string& lang) {
  std::cout << "  " << kind << " \"" << family << "\": ";
  if (auto face = fonts.find(family, weight, lang)) {
    std::cout << describe_face(fonts, *face) << "\n";
  } else {
    std::cout << "not installed";
    if (auto package = debian_package_for_family(family))
      std::cout << " (Debian package " << *package << ": apt-get install " << *package << ")";
    std::cout << "\n";
  }
}

}  // namespace

int fonts_command(const std::vector<std::string>& args) {
  std::string layout_name, lang, text;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--layout" || args[i] == "--lang") && i + 1 < args.size()) {
      (args[i] == "--layout" ? layout_name : lang) = args[i + 1];
      ++i;
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::cerr << "paiban: unknown option " << args[i] << "\n";
      return kUsage;
    } else {
      text += (text.empty() ? "" : " ") + args[i];
    }
  }
  return guarded([&] {
    Layout layout = load_layout(layout_name, "./issue.xml", {"<command line>", 0, 0}, false,
                                environment().layout_path);
    if (lang.empty()) lang = layout.lang.empty() ? "zh-Hans" : layout.lang;
    FontCache& fonts = command_fonts();
    std::cout << "layout " << layout.name << " (" << layout.path << "), language " << lang << "\n";
    for (const auto& [role_name, role] : layout.fonts) {
      std::cout << "role " << role_name << ", weight " << role.weight << "\n";
      for (size_t k = 0; k < role.families.size(); ++k)
        print_family(fonts, k == 0 ? "family" : "then", role.families[k], role.weight, lang);
      for (const auto& family : role.fallback)
        print_family(fonts, "fallback", family, role.weight, lang);
    }
    if (!text.empty()) {
      auto body = layout.fonts.find(layout.engine.body.font);
      if (body == layout.fonts.end())
        throw InputError({layout.path, 0, 0}, "no font role for body text");
      auto candidates = faces_for_role(body->second, body->second.weight, lang, fonts);
      std::cout << "text, set in the body role:\n";
      std::u32string missing;
      for (char32_t ch : decode_utf8(text)) {
        auto face = face_for_char(ch, candidates, body->second.weight, lang, fonts);
        std::cout << "  " << code_point(ch) << " " << to_utf8(std::u32string(1, ch)) << "  ";
        if (face)
          std::cout << fonts.info(*face).postscript_name << "\n";
        else
          std::cout << "NO FONT\n", missing += ch;
      }
      if (!missing.empty()) {
        std::cout << "no installed font has:";
        for (char32_t ch : missing)
          std::cout << " " << code_point(ch) << " " << to_utf8(std::u32string(1, ch));
        std::cout << "\n";
      }
    }
    return int(kDone);
  });
}

}  // namespace paiban::cli
