// Where `render -o` writes: a file (atomically, through write_file_atomically)
// or standard output ("-"), never over one of the render's own inputs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace paiban::cli {

/// True for "-": the PDF goes to standard output.
inline bool is_standard_output(const std::string& output) { return output == "-"; }

/// Throws InputError naming `output` when it is the same file as one of
/// `inputs` (the manifest, the layout, a figure: by device and inode, through
/// links, or by path when it does not exist yet).
void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs);

/// Writes `bytes` to `output`: standard output for "-", else
/// write_file_atomically. Throws OutputError.
void write_output(const std::string& output, std::string_view bytes);

/// How `output` is named in messages: "<stdout>" for "-".
std::string output_name(const std::string& output);

}  // namespace paiban::cli
