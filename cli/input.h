// The command line's input and output: documents read from files or standard input, failures
// counted and reported on standard error, results written to standard output or --output.
#ifndef CHRONIK_CLI_INPUT_H_
#define CHRONIK_CLI_INPUT_H_

#include <cstdio>
#include <fstream>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "chronik/document.h"
#include "chronik/jsonl.h"
#include "chronik/timex.h"
#include "options.h"
#include "pipeline.h"

namespace chronik::cli {

// "chronik: WHERE: MESSAGE" on standard error.
void report(const std::string& where, const std::string& message);

// Opens a file, or standard input for "-". Returns nullptr and sets *error when it cannot.
std::istream* open_input(const std::string& path, std::ifstream* file, std::string* error);

// Buffers standard output, or the --output file, and writes it in large blocks.
class Output {
 public:
  // Standard output when `path` is empty, else the file, created or emptied now.
  explicit Output(const std::string& path = {});
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  // False, after reporting it, when the --output file cannot be created.
  bool opened() const;
  std::string* buffer() { return &buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kBlock) flush();
  }
  void flush();
  // Flushes (and closes a file); false, after reporting it, when the output could not be
  // written (disk full, closed).
  bool finish();

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  std::string path_;
  std::FILE* file_ = stdout;
  int open_error_ = 0;
  std::string buffer_;
  bool failed_ = false;
};

// Counts the documents read and reports on standard error each that failed or was repaired,
// and at the end a summary line when any was.
class Tally {
 public:
  void add() { ++documents_; }
  // A document that failed: "chronik: WHERE: REASON".
  void fail(const std::string& where, const std::string& reason);
  // A document that had invalid UTF-8, processed as repaired.
  void repaired(const std::string& where, const std::string& id);
  int failed() const { return failed_; }
  // "chronik: 11496 documents, 2 failed[, 1 with invalid UTF-8]" after a run that reported
  // anything; a clean run leaves standard error empty.
  void summarize() const;

 private:
  int documents_ = 0;
  int failed_ = 0;
  int repaired_ = 0;
};

// Processes one document; may take its contents (the reader fills it anew for the next).
using DocumentHandler = std::function<void(Document&)>;
// Told of a document that failed: its id (else FILE:LINE, or the path) and why.
using FailureHandler = std::function<void(const std::string& id, const std::string& reason)>;

// Reads the documents of every input file, repairs what can be repaired, and hands each document
// to `handle`, or each that failed to `fail`, in input order.
class Reader {
 public:
  Reader(const Options& options, DocumentHandler handle, FailureHandler fail = {})
      : options_(options), handle_(std::move(handle)), fail_(std::move(fail)) {}

  // Reads every input.
  void read_all();
  const Tally& tally() const { return tally_; }
  Tally& tally() { return tally_; }
  // With --input-format extracted: the expressions of the document being handed on.
  const std::vector<Timex>& extracted() const { return extracted_; }
  // Where the document being handed on was read: FILE:LINE, or the path.
  const std::string& where() const { return where_; }

 private:
  void read_file(const std::string& path);
  void read_text(const std::string& name, std::istream& in);
  void read_jsonl(const std::string& name, std::istream& in);
  std::string read_extracted(std::string_view line, const std::string& where);
  void process(const std::string& where);
  void fail(const std::string& where, const std::string& id, const std::string& reason);

  const Options& options_;
  DocumentHandler handle_;
  FailureHandler fail_;
  JsonlReader reader_;
  Document doc_;
  Tally tally_;
  Progress* progress_ = nullptr;
  std::string where_;
  AnnotatedDocument annotated_;
  std::vector<Timex> extracted_;
};

}  // namespace chronik::cli

#endif  // CHRONIK_CLI_INPUT_H_
