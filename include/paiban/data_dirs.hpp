// Where paiban's own data (layouts/, fonts/, schemas) is found.
#pragma once
#include <string>
#include <vector>

namespace paiban {

/// Data directories, most specific first: the installation beside the
/// running executable (EXE/../share/paiban, so an installed paiban is
/// relocatable and never needs the source tree), the configured install
/// directory, then the source tree (a build that is not installed).
/// Only directories that exist are listed.
std::vector<std::string> data_directories();

}  // namespace paiban
