// `paiban fonts`: which face each font role of a layout resolves to, its
// coverage and fallback chain, and for a given text which face draws each
// character (and which characters no installed font has).
#pragma once
#include <string>
#include <vector>

namespace paiban::cli {

int fonts_command(const std::vector<std::string>& args);

}  // namespace paiban::cli
