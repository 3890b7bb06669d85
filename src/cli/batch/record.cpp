// Record format: UTF-8 text, one fact per line, tab-separated fields (tabs
// and line breaks inside a field become spaces):
//   paiban-batch-record 1
//   key      HEX
//   pdf      HEX BYTES
//   pages    N
//   input    KIND DIGEST PATH
//   warning  CODE FILE LINE COLUMN MESSAGE
#include "cli/batch/record.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "job/sha256.hpp"

namespace paiban::batch {
namespace {

const char* kHeader = "paiban-batch-record 1";

std::string field(std::string text) {
  for (char& c : text)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return text;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    fields.push_back(line.substr(start, tab - start));
  fields.push_back(line.substr(start));
  return fields;
}

// Temporary file + rename, like write_file_atomically, but without fsync:
// the PDF before it was synced, and a record lost or torn by a crash only
// means that issue is set again. Saves two of an issue's four fsyncs.
void replace_file(const std::string& path, const std::string& bytes) {
  std::string temp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  int error = done == bytes.size() ? 0 : (errno != 0 ? errno : EIO);
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp.c_str());
    throw std::runtime_error(path + ": cannot write: " + std::strerror(error));
  }
}

}  // namespace

std::string record_path(const std::string& output_dir, const std::string& output) {
  // A name near the 255-byte limit has no room for ".record": cut, with a
  // hash of the whole name so two long names never share a record.
  std::filesystem::path name(output + ".record");
  std::string file = name.filename().string();
  if (file.size() > 255)
    file = file.substr(0, 180) + "." + sha256_hex(file).substr(0, 16) + ".record";
  return (std::filesystem::path(output_dir) / ".paiban-batch" / name.parent_path() / file).string();
}

std::optional<Record> read_record(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != kHeader) return std::nullopt;
  Record record;
  try {
    while (std::getline(in, line)) {
      std::vector<std::string> f = split_tabs(line);
      if (f[0] == "key" && f.size() == 2) {
        record.key = f[1];
      } else if (f[0] == "pdf" && f.size() == 3) {
        record.pdf_digest = f[1];
        record.pdf_bytes = std::stoull(f[2]);
      } else if (f[0] == "pages" && f.size() == 2) {
        record.pages = std::stoi(f[1]);
      } else if (f[0] == "input" && f.size() == 4) {
        record.inputs.push_back({f[1], f[3], f[2]});
      } else if (f[0] == "warning" && f.size() == 6) {
        record.warnings.push_back({f[1], {f[2], std::stoi(f[3]), std::stoi(f[4])}, f[5]});
      } else {
        return std::nullopt;  // written by another version: set the issue again
      }
    }
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (record.key.empty() || record.pdf_digest.empty()) return std::nullopt;
  return record;
}

void write_record(const std::string& path, const Record& record) {
  std::ostringstream out;
  out << kHeader << "\n";
  out << "key\t" << record.key << "\n";
  out << "pdf\t" << record.pdf_digest << "\t" << record.pdf_bytes << "\n";
  out << "pages\t" << record.pages << "\n";
  for (const InputStamp& input : record.inputs)
    out << "input\t" << field(input.kind) << "\t" << field(input.digest) << "\t"
        << field(input.path) << "\n";
  for (const Warning& w : record.warnings)
    out << "warning\t" << field(w.code) << "\t" << field(w.where.file) << "\t" << w.where.line
        << "\t" << w.where.column << "\t" << field(w.message) << "\n";
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  replace_file(path, out.str());
}

bool pdf_matches(const Record& record, const std::string& pdf_path) {
  std::error_code error;
  auto size = std::filesystem::file_size(pdf_path, error);
  if (error || size != record.pdf_bytes) return false;
  try {
    return sha256_file(pdf_path) == record.pdf_digest;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace paiban::batch
