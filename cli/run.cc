#include "run.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <utility>

#include "chronik/check.h"
#include "chronik/engine.h"
#include "chronik/eval.h"
#include "chronik/format.h"
#include "chronik/jsonl.h"
#include "chronik/timeline.h"

namespace chronik::cli {
namespace {

// Buffers standard output and writes it in large blocks.
class Output {
 public:
  ~Output() { flush(); }
  std::string* buffer() { return &buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kBlock) flush();
  }
  void flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), stdout);
    std::fflush(stdout);
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  std::string buffer_;
};

void report(const std::string& where, const std::string& message) {
  std::fprintf(stderr, "chronik: %s: %s\n", where.c_str(), message.c_str());
}

using DocumentHandler = std::function<void(const Document&)>;

// Opens a file, or standard input for "-". Returns nullptr and sets *error when it cannot.
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

class Reader {
 public:
  Reader(const Options& options, DocumentHandler handle)
      : options_(options), handle_(std::move(handle)) {}

  // Reads every input; returns the number of documents that failed.
  int read_all() {
    std::vector<std::string> files = options_.files;
    if (files.empty()) files.push_back("-");
    for (const std::string& path : files) read_file(path);
    return failed_;
  }

 private:
  void read_file(const std::string& path) {
    std::ifstream file;
    std::string error;
    std::istream* in = open_input(path, &file, &error);
    if (!in) {
      report(path, "cannot read: " + error);
      ++failed_;
      return;
    }
    if (options_.input_format == InputFormat::jsonl) {
      read_jsonl(path, *in);
    } else {
      read_text(path, *in);
    }
  }

  void read_text(const std::string& path, std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
      report(path, "cannot read");
      ++failed_;
      return;
    }
    Document doc;
    doc.id = path;
    doc.text = text.str();
    doc.type = options_.doc_type;
    if (auto header = find_date_header(doc.text)) {
      doc.date = header->date;
      doc.body_begin = header->length;
    }
    if (options_.dct) doc.date = options_.dct;
    handle_(doc);
  }

  void read_jsonl(const std::string& path, std::istream& in) {
    std::string line;
    Document doc;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::string where = path + ":" + std::to_string(number);
      doc.type = options_.doc_type;
      std::string error = reader_.read(line, where, &doc);
      if (!error.empty()) {
        report(where, error);
        ++failed_;
        continue;
      }
      if (options_.dct) doc.date = options_.dct;
      handle_(doc);
    }
  }

  const Options& options_;
  DocumentHandler handle_;
  JsonlReader reader_;
  int failed_ = 0;
};

bool load_engine(const std::string& dir, std::unique_ptr<Engine>* engine) {
  std::vector<GrammarFile> files;
  std::string error;
  if (!dir.empty() && !read_grammar_directory(dir, &files, &error)) {
    report("grammar", error);
    return false;
  }
  *engine = std::make_unique<Engine>(dir.empty() ? builtin_grammar() : files);
  if (!(*engine)->ok()) {
    report("grammar", (*engine)->error());
    return false;
  }
  return true;
}

Format output_format(const Options& options) {
  if (options.format) return *options.format;
  if (options.command == Command::timeline) return Format::table;
  return isatty(STDOUT_FILENO) ? Format::table : Format::jsonl;
}

int extract(const Options& options, const Engine& engine) {
  Output out;
  Format format = output_format(options);
  if (format == Format::csv) write_csv_header(out.buffer());
  std::vector<Timex> found;
  Reader reader(options, [&](const Document& doc) {
    found.clear();
    engine.extract(doc, &found);
    switch (format) {
      case Format::jsonl:
        write_jsonl(doc, found, out.buffer());
        break;
      case Format::csv:
        write_csv(doc, found, out.buffer());
        break;
      case Format::timeml:
        write_timeml(doc, found, out.buffer());
        break;
      case Format::table:
        write_table(doc, found, out.buffer());
        break;
    }
    out.maybe_flush();
  });
  return reader.read_all() > 0 ? kExitFailedDocuments : kExitOk;
}

int timeline(const Options& options, const Engine& engine) {
  SentenceSplitter splitter(engine.abbreviations());
  std::vector<TimelineEntry> entries;
  std::size_t index = 0;
  Reader reader(options, [&](const Document& doc) {
    add_timeline_entries(index++, doc, engine.extract(doc), splitter, &entries);
  });
  int failed = reader.read_all();
  sort_timeline(&entries);
  Output out;
  write_timeline(entries, output_format(options), out.buffer());
  return failed > 0 ? kExitFailedDocuments : kExitOk;
}

// Reads a file of annotated documents; reports and counts the lines that are not.
std::vector<AnnotatedDocument> read_annotated(const std::string& path, int* failed) {
  std::vector<AnnotatedDocument> docs;
  std::ifstream file;
  std::string error;
  std::istream* in = open_input(path, &file, &error);
  if (!in) {
    report(path, "cannot read: " + error);
    ++*failed;
    return docs;
  }
  JsonlReader reader;
  std::string line;
  for (int number = 1; std::getline(*in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(number);
    AnnotatedDocument doc;
    if (std::string problem = reader.read_annotated(line, where, &doc); !problem.empty()) {
      report(where, problem);
      ++*failed;
      continue;
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

int eval(const Options& options, const Engine& engine) {
  int failed = 0;
  std::vector<AnnotatedDocument> gold = read_annotated(options.gold, &failed);
  std::map<std::string, std::vector<Annotation>> system;
  if (!options.system.empty()) {
    for (AnnotatedDocument& doc : read_annotated(options.system, &failed)) {
      system[doc.doc.id] = std::move(doc.timex);
    }
  }
  Scorer scorer;
  for (AnnotatedDocument& doc : gold) {
    doc.doc.type = options.doc_type;
    if (options.dct) doc.doc.date = options.dct;
    std::vector<Annotation> found;
    if (options.system.empty()) {
      for (const Timex& t : engine.extract(doc.doc)) found.push_back(annotation_of(t));
    } else if (auto it = system.find(doc.doc.id); it != system.end()) {
      found = it->second;
    }
    scorer.add(doc, found);
  }
  Output out;
  write_report(scorer, {options.by_subset, options.errors}, out.buffer());
  return failed > 0 ? kExitFailedDocuments : kExitOk;
}

// Problems in the order of the grammar's files, then by line.
void sort_problems(const std::vector<GrammarFile>& files, std::vector<GrammarProblem>* problems) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < files.size(); ++i) position.emplace(files[i].path, i);
  auto key = [&](const GrammarProblem& p) {
    auto it = position.find(p.file);
    return std::pair(it == position.end() ? files.size() : it->second, p.line);
  };
  std::stable_sort(
      problems->begin(), problems->end(),
      [&](const GrammarProblem& a, const GrammarProblem& b) { return key(a) < key(b); });
}

// Lints the grammar, compiles it and runs its examples; prints every problem as
// "file:line: rule ID: message" and a summary line.
int grammar_check(const Options& options) {
  std::vector<GrammarFile> directory;
  if (!options.grammar_dir.empty()) {
    std::string error;
    if (!read_grammar_directory(options.grammar_dir, &directory, &error)) {
      report("grammar", error);
      return kExitFailedDocuments;
    }
  }
  const std::vector<GrammarFile>& files =
      options.grammar_dir.empty() ? builtin_grammar() : directory;
  std::vector<GrammarProblem> problems = lint_grammar(files);
  Engine engine(files);
  if (engine.ok()) {
    for (GrammarProblem& p : check_grammar(engine)) problems.push_back(std::move(p));
  }
  sort_problems(files, &problems);
  std::size_t count = problems.size();
  if (!engine.ok()) {
    std::printf("%s\n", engine.error().c_str());
    ++count;
  }
  for (const GrammarProblem& p : problems) std::printf("%s\n", p.str().c_str());
  if (engine.ok()) {
    std::size_t examples = 0;
    for (const Rule& rule : engine.rules()) examples += rule.examples.size();
    std::printf("%zu rules, %zu examples, %zu problems\n", engine.rules().size(), examples, count);
  } else {
    std::printf("the grammar does not compile, %zu problems\n", count);
  }
  return count == 0 ? kExitOk : kExitFailedDocuments;
}

}  // namespace

int run(const Options& options) {
  switch (options.command) {
    case Command::help:
      std::fputs(options.help.c_str(), stdout);
      return kExitOk;
    case Command::version:
      std::puts("chronik 0.1.0");
      return kExitOk;
    case Command::grammar_check:
      return grammar_check(options);
    default:
      break;
  }
  std::unique_ptr<Engine> engine;
  if (!load_engine(options.grammar_dir, &engine)) return kExitUsage;
  std::ios::sync_with_stdio(false);
  switch (options.command) {
    case Command::timeline:
      return timeline(options, *engine);
    case Command::eval:
      return eval(options, *engine);
    default:
      return extract(options, *engine);
  }
}

}  // namespace chronik::cli
