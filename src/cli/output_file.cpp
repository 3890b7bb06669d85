#include "cli/output_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "paiban/diagnostics.hpp"
#include "paiban/pdf.hpp"

namespace paiban::cli {

void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs) {
  if (is_standard_output(output)) return;
  namespace fs = std::filesystem;
  struct stat out {};
  const bool exists = ::stat(output.c_str(), &out) == 0;
  std::error_code error;
  const fs::path out_path = fs::weakly_canonical(output, error);
  for (const std::string& input : inputs) {
    struct stat in {};
    bool same = false;
    if (exists && ::stat(input.c_str(), &in) == 0)
      same = in.st_dev == out.st_dev && in.st_ino == out.st_ino && S_ISREG(in.st_mode);
    else if (!exists)
      same = !error && fs::weakly_canonical(input, error) == out_path;
    if (same)
      throw InputError({output}, "-o names " + input +
                                     ", an input of this render: the PDF would replace it "
                                     "(choose another output file)");
  }
}

void write_output(const std::string& output, std::string_view bytes) {
  if (!is_standard_output(output)) return write_file_atomically(output, bytes);
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(STDOUT_FILENO, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw OutputError(std::string("<stdout>: writing failed: ") + std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
}

std::string output_name(const std::string& output) {
  return is_standard_output(output) ? "<stdout>" : output;
}

}  // namespace paiban::cli
