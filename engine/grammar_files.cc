#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "chronik/grammar.h"

namespace chronik {
namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string* text, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path.string() + ": cannot read";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *text = buffer.str();
  return true;
}

// The files of `dir` ending in `extension`, sorted by name.
std::vector<fs::path> files_in(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

bool read_grammar_directory(const std::string& dir, std::vector<GrammarFile>* files,
                            std::string* error) {
  fs::path root(dir);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    *error = dir + ": not a grammar directory";
    return false;
  }
  std::vector<fs::path> paths;
  if (fs::exists(root / "macros.txt")) paths.push_back(root / "macros.txt");
  for (auto& p : files_in(root / "lexicons", ".tsv")) paths.push_back(p);
  for (auto& p : files_in(root / "rules", ".rules")) paths.push_back(p);
  for (const fs::path& path : paths) {
    GrammarFile file{path.string(), {}};
    if (!read_file(path, &file.text, error)) return false;
    files->push_back(std::move(file));
  }
  return true;
}

}  // namespace chronik
