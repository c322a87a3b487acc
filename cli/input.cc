#include "input.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "extracted.h"

namespace chronik::cli {
namespace {

// Reads the rest of `in` into *text, NUL bytes and all. False on a read error.
bool read_stream(std::istream& in, std::string* text) {
  text->clear();
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    text->append(block, static_cast<std::size_t>(in.gcount()));
  }
  return !in.bad();
}

// The bytes in `files` when all are regular files (standard input too), else 0 (unknown).
std::uint64_t input_size(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const std::string& path : files) {
    struct stat st {};
    int status = path == "-" ? fstat(STDIN_FILENO, &st) : stat(path.c_str(), &st);
    if (status != 0 || !S_ISREG(st.st_mode)) return 0;
    total += static_cast<std::uint64_t>(st.st_size);
  }
  return total;
}

}  // namespace

void report(const std::string& where, const std::string& message) {
  std::fprintf(stderr, "chronik: %s: %s\n", where.c_str(), message.c_str());
}

std::istream* open_input(const std::string& path, std::ifstream* file, std::string* error) {
  if (path == "-") return &std::cin;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = "is a directory";
    return nullptr;
  }
  file->open(path, std::ios::binary);
  if (!*file) {
    *error = std::strerror(errno);
    return nullptr;
  }
  return file;
}

Output::Output(const std::string& path) : path_(path) {
  if (!path.empty()) file_ = std::fopen(path.c_str(), "wb");
  if (!file_) open_error_ = errno;
}

Output::~Output() {
  if (!file_) return;
  flush();
  if (file_ != stdout) std::fclose(file_);
}

bool Output::opened() const {
  if (!file_) {
    std::fprintf(stderr, "chronik: %s: cannot write: %s\n", path_.c_str(),
                 std::strerror(open_error_));
  }
  return file_ != nullptr;
}

void Output::flush() {
  if (!file_ || std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size() ||
      std::fflush(file_) != 0) {
    failed_ = true;
  }
  buffer_.clear();
}

bool Output::finish() {
  flush();
  if (file_ && file_ != stdout && std::fclose(file_) != 0) failed_ = true;
  if (file_ != stdout) file_ = nullptr;
  if (failed_) {
    std::fprintf(stderr, "chronik: cannot write %s\n",
                 path_.empty() ? "standard output" : path_.c_str());
  }
  return !failed_;
}

void Tally::fail(const std::string& where, const std::string& reason) {
  report(where, reason);
  ++failed_;
}

void Tally::repaired(const std::string& where, const std::string& id) {
  report(where, "warning: invalid UTF-8 replaced by U+FFFD" +
                    (id == where ? std::string() : " (document " + id + ")"));
  ++repaired_;
}

void Tally::summarize() const {
  if (failed_ == 0 && repaired_ == 0) return;
  std::string line = "chronik: " + std::to_string(documents_) +
                     (documents_ == 1 ? " document, " : " documents, ") + std::to_string(failed_) +
                     " failed";
  if (repaired_ > 0) line += ", " + std::to_string(repaired_) + " with invalid UTF-8";
  std::fprintf(stderr, "%s\n", line.c_str());
}

void Reader::read_all() {
  std::vector<std::string> files = options_.files;
  if (files.empty()) files.push_back("-");
  Progress progress(options_.progress || isatty(STDERR_FILENO), options_.progress,
                    input_size(files));
  progress_ = &progress;
  for (const std::string& path : files) read_file(path);
  progress.finish();
  progress_ = nullptr;
}

void Reader::read_file(const std::string& path) {
  std::string name = path;  // for ids and messages, which are UTF-8
  repair_utf8(&name);
  std::ifstream file;
  std::string error;
  std::istream* in = open_input(path, &file, &error);
  if (!in) {
    tally_.add();
    fail(name, name, "cannot read: " + error);
    return;
  }
  if (options_.input_format != InputFormat::text) {
    read_jsonl(name, *in);
  } else {
    read_text(name, *in);
  }
}

void Reader::read_text(const std::string& name, std::istream& in) {
  tally_.add();
  doc_ = Document();
  doc_.id = name;
  if (!read_stream(in, &doc_.text)) {
    fail(name, name, "cannot read");
    return;
  }
  if (progress_) progress_->add(doc_.text.size());
  bool repaired = repair_utf8(&doc_.text);
  doc_.type = options_.doc_type;
  if (auto header = find_date_header(doc_.text)) {
    doc_.date = header->date;
    doc_.body_begin = header->length;
  }
  if (options_.dct) doc_.date = options_.dct;
  if (repaired) tally_.repaired(name, doc_.id);
  process(name);
}

void Reader::read_jsonl(const std::string& name, std::istream& in) {
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (progress_) progress_->add(line.size() + 1, 0);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (progress_) progress_->add(0);
    tally_.add();
    std::string where = name + ":" + std::to_string(number);
    doc_.type = options_.doc_type;
    std::string error = options_.input_format == InputFormat::extracted
                            ? read_extracted(line, where)
                            : reader_.read(line, where, &doc_);
    if (!error.empty()) {
      fail(where, doc_.id, error);
      continue;
    }
    if (options_.dct) doc_.date = options_.dct;
    if (reader_.repaired()) tally_.repaired(where, doc_.id);
    process(where);
  }
  if (in.bad()) {
    tally_.add();
    fail(name, name, "cannot read");
  }
}

// A line of `chronik extract --format documents` into doc_ and extracted_.
std::string Reader::read_extracted(std::string_view line, const std::string& where) {
  annotated_.doc.type = options_.doc_type;
  std::string error = reader_.read_annotated(line, where, &annotated_);
  doc_ = std::move(annotated_.doc);
  return error.empty()
             ? timex_of(AnnotatedDocument{doc_, {}, std::move(annotated_.timex)}, &extracted_)
             : error;
}

// Hands doc_ on; a document the engine or a writer throws on fails alone.
void Reader::process(const std::string& where) {
  where_ = where;
  try {
    handle_(doc_);
  } catch (const std::exception& e) {
    fail(where, doc_.id, std::string("internal error: ") + e.what());
  }
}

void Reader::fail(const std::string& where, const std::string& id, const std::string& reason) {
  tally_.fail(where, reason);
  if (fail_) fail_(id, reason);
}

}  // namespace chronik::cli
