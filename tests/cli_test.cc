// End-to-end tests of the chronik command line: each test runs the built binary through /bin/sh
// in the source directory and checks its exit code, standard output and standard error.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr const char* kBinary = CHRONIK_BINARY;
constexpr const char* kSourceDir = CHRONIK_SOURCE_DIR;

// --- files and processes ------------------------------------------------------------------------

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  REQUIRE_MESSAGE(out.good(), "cannot write " << path);
}

// A file of the source tree, by its path relative to the repository root.
std::string source_file(const std::string& relative) {
  return read_file(fs::path(kSourceDir) / relative);
}

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "chronik-cli-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  // Writes `content` to the file `name` in this directory and returns its path.
  std::string write(const std::string& name, std::string_view content) const {
    fs::path file = path_ / name;
    write_file(file, content);
    return file.string();
  }

 private:
  fs::path path_;
};

// Quotes a word for /bin/sh.
std::string quote(std::string_view word) {
  std::string quoted = "'";
  for (char c : word) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh in the source directory, standard input read from `input` (or
// /dev/null), and captures its exit code, standard output and standard error.
Result run_shell(const std::string& command, const std::optional<std::string>& input = {}) {
  TempDir io;
  std::string in_path = input ? io.write("stdin", *input) : "/dev/null";
  std::string out_path = (io.path() / "stdout").string();
  std::string err_path = (io.path() / "stderr").string();
  std::string script = "cd " + quote(kSourceDir) + " || exit 125\n{ " + command + "\n} <" +
                       quote(in_path) + " >" + quote(out_path) + " 2>" + quote(err_path);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  Result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

// Runs the chronik binary with `args`, words already quoted for the shell where needed.
Result chronik(const std::string& args, const std::optional<std::string>& input = {}) {
  return run_shell(quote(kBinary) + " " + args, input);
}

// --- text helpers -------------------------------------------------------------------------------

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// True when `text` is exactly one line ending in a line feed.
bool is_one_line(std::string_view text) {
  return !text.empty() && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The number of code points in the first `bytes` bytes of UTF-8 `text`.
std::size_t code_points(std::string_view text, std::size_t bytes) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.begin() + bytes,
                                                [](char c) { return !is_continuation_byte(c); }));
}

// The code points [begin, end) of UTF-8 `text`.
std::string slice_code_points(std::string_view text, std::size_t begin, std::size_t end) {
  std::optional<std::size_t> byte_begin;
  std::optional<std::size_t> byte_end;
  std::size_t code_point = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && is_continuation_byte(text[i])) continue;
    if (code_point == begin) byte_begin = i;
    if (code_point == end) byte_end = i;
    ++code_point;
  }
  REQUIRE(byte_begin.has_value());
  REQUIRE(byte_end.has_value());
  return std::string(text.substr(*byte_begin, *byte_end - *byte_begin));
}

// --- JSON Lines ---------------------------------------------------------------------------------

// A flat JSON object whose values are strings, numbers (kept as written) or null (nullopt), with
// its keys in the order written.
struct JsonObject {
  std::vector<std::string> keys;
  std::map<std::string, std::optional<std::string>> values;

  std::string str(const std::string& key) const {
    auto it = values.find(key);
    REQUIRE_MESSAGE(it != values.end(), "no key " << key);
    REQUIRE_MESSAGE(it->second.has_value(), key << " is null");
    return *it->second;
  }
  std::size_t number(const std::string& key) const { return std::stoul(str(key)); }
  bool is_null(const std::string& key) const {
    auto it = values.find(key);
    return it != values.end() && !it->second.has_value();
  }
};

void AppendUtf8(unsigned code_point, std::string* out) {
  if (code_point < 0x80) {
    *out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *out += static_cast<char>(0xC0 | (code_point >> 6));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    *out += static_cast<char>(0xE0 | (code_point >> 12));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (code_point >> 18));
    *out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

class FlatJsonParser {
 public:
  explicit FlatJsonParser(std::string_view s) : s_(s) {}

  std::optional<JsonObject> parse() {
    JsonObject object;
    skip_space();
    if (!Eat('{')) return std::nullopt;
    skip_space();
    if (Eat('}')) return End(object);
    while (true) {
      skip_space();
      std::optional<std::string> key = String();
      if (!key || object.values.count(*key)) return std::nullopt;
      skip_space();
      if (!Eat(':')) return std::nullopt;
      skip_space();
      std::optional<std::string> value;
      if (Peek() == '"') {
        value = String();
        if (!value) return std::nullopt;
      } else if (s_.substr(i_, 4) == "null") {
        i_ += 4;
      } else if (s_.substr(i_, 4) == "true" || s_.substr(i_, 5) == "false") {
        value = std::string(s_.substr(i_, s_[i_] == 't' ? 4 : 5));
        i_ += value->size();
      } else if (Peek() == '[') {
        value = Array();  // kept as written
        if (!value) return std::nullopt;
      } else {
        std::size_t start = i_;
        while (i_ < s_.size() &&
               (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-')) {
          ++i_;
        }
        if (start == i_) return std::nullopt;
        value = std::string(s_.substr(start, i_ - start));
      }
      object.keys.push_back(*key);
      object.values[*key] = value;
      skip_space();
      if (Eat('}')) return End(object);
      if (!Eat(',')) return std::nullopt;
    }
  }

 private:
  std::optional<JsonObject> End(const JsonObject& object) {
    skip_space();
    if (i_ != s_.size()) return std::nullopt;
    return object;
  }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  // An array, nested objects and all, as written.
  std::optional<std::string> Array() {
    std::size_t start = i_;
    int depth = 0;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '"') {
        if (!String()) return std::nullopt;
        continue;
      }
      ++i_;
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && --depth == 0) return std::string(s_.substr(start, i_ - start));
    }
    return std::nullopt;
  }
  std::optional<unsigned> Hex4() {
    if (i_ + 4 > s_.size()) return std::nullopt;
    unsigned value = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    return value;
  }
  std::optional<std::string> String() {
    if (!Eat('"')) return std::nullopt;
    std::string out;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;  // must be escaped
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return std::nullopt;
      char e = s_[i_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          std::optional<unsigned> cp = Hex4();
          if (!cp) return std::nullopt;
          if (*cp >= 0xD800 && *cp < 0xDC00) {
            if (!Eat('\\') || !Eat('u')) return std::nullopt;
            std::optional<unsigned> low = Hex4();
            if (!low || *low < 0xDC00 || *low >= 0xE000) return std::nullopt;
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
          }
          AppendUtf8(*cp, &out);
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// Every line of `text` as a flat JSON object; fails the test on a line that is not one.
std::vector<JsonObject> parse_json_lines(std::string_view text) {
  std::vector<JsonObject> objects;
  for (const std::string& line : split_lines(text)) {
    std::optional<JsonObject> object = FlatJsonParser(line).parse();
    REQUIRE_MESSAGE(object.has_value(), "not a flat JSON object: " << line);
    objects.push_back(*object);
  }
  return objects;
}

const std::vector<std::string> kExpressionKeys = {"doc",   "begin", "end",  "text", "type",
                                                  "value", "mod",   "freq", "rule", "anchor"};
const std::vector<std::string> kTimelineKeys = {
    "begin", "end",     "value",  "granularity", "mod", "type",       "vague",    "text",
    "event", "trigger", "actors", "sentence",    "doc", "text_begin", "text_end", "also"};
// Timeline columns that JSON writes as arrays and CSV as "; "-joined text.
const std::vector<std::string> kTimelineListKeys = {"actors", "also"};

// The expressions of a jsonl extract output, checked to have exactly the contract's keys.
std::vector<JsonObject> parse_expressions(std::string_view text) {
  std::vector<JsonObject> rows = parse_json_lines(text);
  for (const JsonObject& row : rows) CHECK(row.keys == kExpressionKeys);
  return rows;
}

// Runs chronik and returns its jsonl expressions; the run must succeed.
std::vector<JsonObject> extract(const std::string& args, const std::optional<std::string>& input) {
  Result r = chronik("extract --format jsonl " + args, input);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  return parse_expressions(r.out);
}

// --- CSV ----------------------------------------------------------------------------------------

// Parses RFC 4180 CSV with CRLF record ends. Fails the test on anything else, including a bare
// line feed or carriage return outside quotes.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  bool field_started = false;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      REQUIRE_MESSAGE(!field_started, "quote inside an unquoted field at byte " << i);
      ++i;
      while (true) {
        REQUIRE_MESSAGE(i < text.size(), "unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      field_started = true;
      REQUIRE_MESSAGE((i == text.size() || text[i] == ',' || text[i] == '\r'),
                      "text after a closing quote at byte " << i);
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
      ++i;
    } else if (c == '\r') {
      REQUIRE_MESSAGE((i + 1 < text.size() && text[i + 1] == '\n'), "CR without LF at " << i);
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
      records.push_back(std::move(record));
      record.clear();
      i += 2;
    } else {
      REQUIRE_MESSAGE(c != '\n', "bare LF outside quotes at byte " << i);
      field += c;
      field_started = true;
      ++i;
    }
  }
  REQUIRE_MESSAGE((record.empty() && field.empty() && !field_started),
                  "the last record does not end in CRLF");
  return records;
}

// --- XML ----------------------------------------------------------------------------------------

// Checks that `xml` is one well-formed XML document: an optional <?xml ...?> declaration, one root
// element, balanced tags, quoted attributes and only the predefined or numeric entities.
std::string xml_problem(std::string_view xml) {
  static const std::regex kEntity("^&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");
  static const std::regex kAttribute(R"(^\s+[A-Za-z_][\w.-]*="[^"<&]*")");
  static const std::regex kName(R"(^[A-Za-z_][\w.-]*)");
  std::size_t i = 0;
  if (xml.substr(0, 5) == "<?xml") {
    i = xml.find("?>");
    if (i == std::string_view::npos) return "unterminated XML declaration";
    i += 2;
  }
  std::vector<std::string> open;
  int roots = 0;
  while (i < xml.size()) {
    char c = xml[i];
    if (c == '<') {
      bool closing = i + 1 < xml.size() && xml[i + 1] == '/';
      std::size_t name_at = i + (closing ? 2 : 1);
      std::match_results<std::string_view::const_iterator> m;
      if (!std::regex_search(xml.begin() + name_at, xml.end(), m, kName,
                             std::regex_constants::match_continuous)) {
        return "bad tag name at byte " + std::to_string(i);
      }
      std::string name = m.str();
      std::size_t j = name_at + name.size();
      if (closing) {
        if (j >= xml.size() || xml[j] != '>') return "bad end tag " + name;
        if (open.empty() || open.back() != name) return "unbalanced end tag " + name;
        open.pop_back();
        i = j + 1;
        continue;
      }
      while (std::regex_search(xml.begin() + j, xml.end(), m, kAttribute,
                               std::regex_constants::match_continuous)) {
        j += m.length();
      }
      while (j < xml.size() && xml[j] == ' ') ++j;
      if (open.empty() && ++roots > 1) return "more than one root element";
      if (xml.substr(j, 2) == "/>") {
        i = j + 2;
      } else if (j < xml.size() && xml[j] == '>') {
        open.push_back(name);
        i = j + 1;
      } else {
        return "bad start tag " + name + " at byte " + std::to_string(i);
      }
    } else if (c == '&') {
      std::match_results<std::string_view::const_iterator> m;
      if (!std::regex_search(xml.begin() + i, xml.end(), m, kEntity,
                             std::regex_constants::match_continuous)) {
        return "bad entity at byte " + std::to_string(i);
      }
      i += m.length();
    } else {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) {
        return "text outside the root element at byte " + std::to_string(i);
      }
      ++i;
    }
  }
  if (!open.empty()) return "unclosed element " + open.back();
  if (roots != 1) return "no root element";
  return "";
}

std::string xml_unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semicolon = s.find(';', i);
    REQUIRE(semicolon != std::string_view::npos);
    std::string_view entity = s.substr(i + 1, semicolon - i - 1);
    if (entity == "lt") {
      out += '<';
    } else if (entity == "gt") {
      out += '>';
    } else if (entity == "amp") {
      out += '&';
    } else if (entity == "quot") {
      out += '"';
    } else if (entity == "apos") {
      out += '\'';
    } else {
      FAIL("unexpected entity " << entity);
    }
    i = semicolon;
  }
  return out;
}

std::string Trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::map<std::string, std::string> xml_attributes(const std::string& tag) {
  static const std::regex kAttribute(R"re(([A-Za-z_][\w.-]*)="([^"]*)")re");
  std::map<std::string, std::string> attributes;
  for (auto it = std::sregex_iterator(tag.begin(), tag.end(), kAttribute);
       it != std::sregex_iterator(); ++it) {
    attributes[(*it)[1].str()] = (*it)[2].str();
  }
  return attributes;
}

// --- the samples --------------------------------------------------------------------------------

struct Sample {
  const char* command;
  const char* expected;
};

constexpr Sample kSamples[] = {
    {"extract --format jsonl samples/softbank-ki.txt", "samples/expected/softbank-ki.jsonl"},
    {"extract --format jsonl samples/wahlkampf.txt", "samples/expected/wahlkampf.jsonl"},
    {"extract --input-format jsonl --format jsonl samples/corpus.jsonl",
     "samples/expected/corpus.jsonl"},
    {"timeline samples/softbank-ki.txt", "samples/expected/softbank-ki.timeline.txt"},
    {"timeline samples/ki-allianz.txt samples/stargate-meldung.txt",
     "samples/expected/events.timeline.txt"},
    {"timeline --format jsonl --include durations,sets samples/ki-allianz.txt "
     "samples/stargate-meldung.txt",
     "samples/expected/events.timeline.jsonl"},
};

TEST_CASE("samples: output is byte-identical to the checked-in expected files") {
  for (const Sample& sample : kSamples) {
    CAPTURE(sample.command);
    Result r = chronik(sample.command);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == source_file(sample.expected));
  }
}

TEST_CASE("samples: extract writes jsonl by default when standard output is not a terminal") {
  Result r = chronik("extract samples/softbank-ki.txt");
  CHECK(r.exit_code == 0);
  CHECK(r.out == source_file("samples/expected/softbank-ki.jsonl"));
}

TEST_CASE("samples: every expected span is the text at its code-point offsets") {
  const std::pair<const char*, const char*> kTextSamples[] = {
      {"samples/softbank-ki.txt", "samples/expected/softbank-ki.jsonl"},
      {"samples/wahlkampf.txt", "samples/expected/wahlkampf.jsonl"},
  };
  for (const auto& [input, expected] : kTextSamples) {
    std::string text = source_file(input);
    std::vector<JsonObject> rows = parse_expressions(source_file(expected));
    CHECK(!rows.empty());
    for (const JsonObject& row : rows) {
      CAPTURE(row.str("text"));
      CHECK(row.str("doc") == input);
      CHECK(slice_code_points(text, row.number("begin"), row.number("end")) == row.str("text"));
    }
  }
  std::vector<JsonObject> corpus = parse_expressions(source_file("samples/expected/corpus.jsonl"));
  CHECK(corpus.size() == 9);
}

TEST_CASE("softbank-ki.txt: each required phrase is normalized, and nothing else is found") {
  std::string text = source_file("samples/softbank-ki.txt");
  REQUIRE(text.rfind("date 2025-02\n", 0) == 0);
  std::vector<JsonObject> rows = extract("samples/softbank-ki.txt", std::nullopt);

  struct Want {
    const char* text;
    const char* type;
    const char* value;
    const char* mod;  // nullptr: none
  };
  const Want kWanted[] = {
      {"Jahrzehnten", "DURATION", "PXDE", nullptr},  {"vergangenen Jahr", "DATE", "2024", nullptr},
      {"In zehn Jahren", "DATE", "2035", nullptr},   {"heute", "DATE", "2025-02", nullptr},
      {"21. Januar", "DATE", "2025-01-21", nullptr}, {"Anfang Februar", "DATE", "2025-02", "START"},
      {"Jahren", "DURATION", "PXY", nullptr},        {"Jahren", "DURATION", "PXY", nullptr},
      {"vor Kurzem", "DATE", "PAST_REF", nullptr},   {"derzeit", "DATE", "PRESENT_REF", nullptr},
      {"vor 20 Jahren", "DATE", "2005", nullptr},    {"jetzt", "DATE", "PRESENT_REF", nullptr},
  };
  REQUIRE(rows.size() == std::size(kWanted));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Want& want = kWanted[i];
    const JsonObject& row = rows[i];
    CAPTURE(want.text);
    CHECK(row.str("text") == want.text);
    CHECK(row.str("type") == want.type);
    CHECK(row.str("value") == want.value);
    if (want.mod) {
      CHECK(row.str("mod") == want.mod);
    } else {
      CHECK(row.is_null("mod"));
    }
    CHECK(slice_code_points(text, row.number("begin"), row.number("end")) == want.text);
  }
  // The spans are the words after "seit", "im" and "bis", not the whole phrases.
  auto preceded_by = [&](const JsonObject& row, std::string_view phrase) {
    std::size_t begin = row.number("begin");
    std::size_t length = code_points(phrase, phrase.size());
    return begin >= length && slice_code_points(text, begin - length, begin) == phrase;
  };
  CHECK(preceded_by(rows[0], "seit "));
  CHECK(preceded_by(rows[1], "im "));
  CHECK(preceded_by(rows[4], "am "));
  CHECK(preceded_by(rows[6], "seit "));
  CHECK(preceded_by(rows[7], "seit "));
  CHECK(preceded_by(rows[8], "bis "));

  // Nothing overlaps these phrases.
  for (const char* phrase :
       {"mit 67 Jahren", "Spätestens.", " früh ", "zunächst", "dann", "seit Langem"}) {
    CAPTURE(phrase);
    std::size_t at = text.find(phrase);
    REQUIRE(at != std::string::npos);
    std::size_t begin = code_points(text, at);
    std::size_t end = code_points(text, at + std::string_view(phrase).size());
    for (const JsonObject& row : rows) {
      CHECK((row.number("end") <= begin || row.number("begin") >= end));
    }
  }
}

// --- input
// ----------------------------------------------------------------------------------------

TEST_CASE("stdin: read when no file or '-' is given, with '-' as the document id") {
  const std::string kInput = "date 2025-02-12\nAm 21. Januar kam er, gestern ging er.\n";
  Result none = chronik("extract --format jsonl", kInput);
  Result dash = chronik("extract --format jsonl -", kInput);
  CHECK(none.exit_code == 0);
  CHECK(dash.exit_code == 0);
  CHECK(none.out == dash.out);
  std::vector<JsonObject> rows = parse_expressions(none.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].str("doc") == "-");
  CHECK(rows[0].str("value") == "2025-01-21");
  CHECK(rows[1].str("value") == "2025-02-11");

  // A file and standard input in one run: two documents, in order.
  Result both = chronik("extract --format jsonl samples/softbank-ki.txt -", kInput);
  CHECK(both.exit_code == 0);
  CHECK(both.out == source_file("samples/expected/softbank-ki.jsonl") + none.out);
}

TEST_CASE("date header: a first line 'date YYYY-MM[-DD]' dates the document") {
  SUBCASE("on its own line, offsets counted from the first byte of the input") {
    std::vector<JsonObject> rows = extract("", "date 2025-02-12\nAm 21. Januar kam er.");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].number("begin") == 19);
    CHECK(rows[0].number("end") == 29);
    CHECK(rows[0].str("value") == "2025-01-21");
    CHECK(rows[0].str("anchor") == "dct");
  }
  SUBCASE("offsets are code points, not bytes") {
    std::string input = "date 2025-02-12\nÜber München kam er heute an.";
    std::vector<JsonObject> rows = extract("", input);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].number("begin") == 36);
    CHECK(rows[0].number("end") == 41);
    CHECK(slice_code_points(input, 36, 41) == "heute");
    CHECK(rows[0].str("value") == "2025-02-12");
  }
  SUBCASE("followed by a space and text on the same line, which is searched") {
    std::vector<JsonObject> rows = extract("", "date 2025-03 Heute beginnt der Prozess.");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].str("text") == "Heute");
    CHECK(rows[0].number("begin") == 13);
    CHECK(rows[0].str("value") == "2025-03");
  }
  SUBCASE("after leading whitespace") {
    std::vector<JsonObject> rows = extract("", " \t date 2025-02-12\nheute");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].number("begin") == 19);
    CHECK(rows[0].str("value") == "2025-02-12");
  }
  SUBCASE("the header itself is not searched") {
    std::vector<JsonObject> rows = extract("", "date 2025-02-12\nKein Datum hier.");
    CHECK(rows.empty());
    rows = extract("", "date 2025-02-12\n");
    CHECK(rows.empty());
  }
  SUBCASE("other first lines are text, and the document has no date") {
    std::vector<JsonObject> rows = extract("", "Datum 2025-02-12\nheute");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].str("text") == "2025-02-12");
    CHECK(rows[0].str("anchor") == "none");
    CHECK(rows[1].str("value") == "XXXX-XX-XX");
    CHECK(rows[1].str("anchor") == "missing");
  }
  SUBCASE("only the first line is a header") {
    std::vector<JsonObject> rows = extract("", "Bericht\ndate 2025-02-12\nheute");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].str("value") == "2025-02-12");
    CHECK(rows[1].str("value") == "XXXX-XX-XX");
  }
  SUBCASE("an impossible date is no header") {
    std::vector<JsonObject> rows = extract("", "date 2025-02-30\nheute");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].str("value") == "XXXX-XX-XX");
  }
}

// Beyond the contract's 'date YYYY-MM[-DD]', a year alone dates the document too.
TEST_CASE("date header: a year alone dates the document to the year") {
  std::vector<JsonObject> rows = extract("", "date 2025\nheute");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].str("value") == "2025");
  CHECK(rows[0].number("begin") == 10);
}

TEST_CASE("--dct overrides the header and the jsonl field") {
  std::vector<JsonObject> rows = extract("--dct 2024-05-06", "date 2025-02-12\nheute");
  REQUIRE(rows.size() == 1);  // the header is still not searched
  CHECK(rows[0].number("begin") == 16);
  CHECK(rows[0].str("value") == "2024-05-06");
  CHECK(rows[0].str("anchor") == "dct");

  rows = extract("--dct 2023", "date 2025-02-12\nheute, im vergangenen Jahr");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].str("value") == "2023");
  CHECK(rows[1].str("value") == "2022");

  rows = extract("--dct 2024-11 --input-format jsonl",
                 R"({"id":"a","dct":"2025-02-12","text":"heute"})"
                 "\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].str("value") == "2024-11");
}

TEST_CASE("no document date: values that need one stay underspecified") {
  std::vector<JsonObject> rows =
      extract("", "Am 21. Januar 2025 und am 21. Januar, vor 20 Jahren, heute.");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].str("value") == "2025-01-21");
  CHECK(rows[0].str("anchor") == "none");
  CHECK(rows[1].str("text") == "21. Januar");
  CHECK(rows[1].str("value") == "XXXX-01-21");
  CHECK(rows[1].str("anchor") == "missing");
  CHECK(rows[2].str("value") == "XXXX");
  CHECK(rows[2].str("anchor") == "missing");
  CHECK(rows[3].str("value") == "XXXX-XX-XX");
  CHECK(rows[3].str("anchor") == "missing");
}

TEST_CASE("--doc-type takes news or narrative") {
  for (const char* type : {"news", "narrative"}) {
    CAPTURE(type);
    Result r =
        chronik(std::string("extract --format jsonl --doc-type ") + type, "date 2025-02-12\nheute");
    CHECK(r.exit_code == 0);
    CHECK(parse_expressions(r.out).size() == 1);
  }
  Result r = chronik("extract --doc-type Roman", "heute");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(is_one_line(r.err));
}

TEST_CASE("jsonl input: ids, per-line dates, fallback ids, blank lines") {
  TempDir dir;
  std::string path = dir.write(
      "korpus.jsonl", R"({"id":"erster","dct":"2025-02-12","text":"Heute tagt der Rat."})"
                      "\n\n   \n"
                      R"({"dct":"2024-06","text":"Im vergangenen Jahr tagte der Rat."})"
                      "\n"
                      R"({"id":"dritter","text":"Am 21. Januar tagte der Rat."})"
                      "\n"
                      R"({"id":"vierter","dct":null,"doc_type":"narrative","text":"heute"})"
                      "\n"
                      R"({"id":"fünfter","dct":"2025","text":"Rat\n\"heute\"\tzu"})"
                      "\n");
  std::vector<JsonObject> rows = extract("--input-format jsonl " + quote(path), std::nullopt);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].str("doc") == "erster");
  CHECK(rows[0].str("value") == "2025-02-12");
  CHECK(rows[1].str("doc") == path + ":4");
  CHECK(rows[1].str("value") == "2023");
  CHECK(rows[2].str("doc") == "dritter");  // no date carried over from the line before
  CHECK(rows[2].str("value") == "XXXX-01-21");
  CHECK(rows[2].str("anchor") == "missing");
  CHECK(rows[3].str("doc") == "vierter");
  CHECK(rows[3].str("value") == "PRESENT_REF");  // narrative: "heute" is the time of writing
  CHECK(rows[4].str("doc") == "fünfter");
  CHECK(rows[4].str("text") == "heute");
  CHECK(rows[4].number("begin") == 5);  // code points of the decoded text
  CHECK(rows[4].str("value") == "2025");

  // From standard input the fallback id is "-:LINE".
  std::vector<JsonObject> piped = extract("--input-format jsonl",
                                          "\n"
                                          R"({"text":"gestern"})"
                                          "\n");
  REQUIRE(piped.size() == 1);
  CHECK(piped[0].str("doc") == "-:2");
}

TEST_CASE("jsonl input: a malformed line fails that document only") {
  TempDir dir;
  std::string path =
      dir.write("korpus.jsonl", R"({"id":"gut-1","dct":"2025-02-12","text":"heute"})"
                                "\n"
                                R"({"id":"kaputt","text":"heute)"
                                "\n"
                                R"({"id":"gut-3","dct":"2025-02-12","text":"gestern"})"
                                "\n"
                                R"({"id":"ohne-text"})"
                                "\n"
                                R"({"id":"gut-5","dct":"2025-02-12","text":"morgen"})"
                                "\n");
  Result r = chronik("extract --format jsonl --input-format jsonl " + quote(path));
  CHECK(r.exit_code == 1);
  std::vector<std::string> errors = split_lines(r.err);
  REQUIRE(errors.size() == 3);
  CHECK(contains(errors[0], path + ":2"));
  CHECK(contains(errors[1], path + ":4"));
  CHECK(errors[2] == "chronik: 5 documents, 2 failed");
  // Each failed document has an error record where its rows would have been.
  std::vector<JsonObject> rows = parse_json_lines(r.out);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].str("doc") == "gut-1");
  CHECK(rows[1].keys == std::vector<std::string>{"doc", "error"});
  CHECK(rows[1].str("doc") == path + ":2");
  CHECK(rows[2].str("doc") == "gut-3");
  CHECK(rows[2].str("value") == "2025-02-11");
  CHECK(rows[3].str("doc") == "ohne-text");
  CHECK(rows[3].str("error") == "no \"text\" field");
  CHECK(rows[4].str("doc") == "gut-5");
  CHECK(rows[4].str("value") == "2025-02-13");
}

TEST_CASE("a missing file fails that document only") {
  TempDir dir;
  std::string missing = (dir.path() / "fehlt.txt").string();
  Result r = chronik("extract --format jsonl samples/wahlkampf.txt " + quote(missing) +
                     " samples/softbank-ki.txt");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "chronik: " + missing +
                     ": cannot read: No such file or directory\n"
                     "chronik: 3 documents, 1 failed\n");
  CHECK(r.out == source_file("samples/expected/wahlkampf.jsonl") + "{\"doc\":\"" + missing +
                     "\",\"error\":\"cannot read: No such file or directory\"}\n" +
                     source_file("samples/expected/softbank-ki.jsonl"));

  // The timeline has no place for the error: it is on standard error only.
  Result timeline =
      chronik("timeline --format jsonl " + quote(missing) + " samples/softbank-ki.txt");
  CHECK(timeline.exit_code == 1);
  CHECK(contains(timeline.err, missing));
  CHECK(split_lines(timeline.err).back() == "chronik: 2 documents, 1 failed");
  CHECK(parse_json_lines(timeline.out).size() == 9);
}

// Unreadable by permission (chmod 000) cannot be tested here: the tests run as root in CI, who
// reads any file. A missing file and a directory take the same path through the reader.
TEST_CASE("a directory given as a file fails that document") {
  TempDir dir;
  Result r =
      chronik("extract --format jsonl " + quote(dir.path().string()) + " samples/softbank-ki.txt");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "chronik: " + dir.path().string() +
                     ": cannot read: is a directory\n"
                     "chronik: 2 documents, 1 failed\n");
  CHECK(r.out == "{\"doc\":\"" + dir.path().string() +
                     "\",\"error\":\"cannot read: is a directory\"}\n" +
                     source_file("samples/expected/softbank-ki.jsonl"));

  Result jsonl = chronik("extract --input-format jsonl " + quote(dir.path().string()));
  CHECK(jsonl.exit_code == 1);
  CHECK(contains(jsonl.err, dir.path().string() + ": cannot read: is a directory\n"));
}

// --- bad input ----------------------------------------------------------------------------------

// One bad document, byte or option never stops the run, corrupts another document's output or
// crashes chronik.

const std::vector<std::string> kErrorKeys = {"doc", "error"};

// True when `text` is well-formed UTF-8.
bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = b < 0x80                 ? 1
                    : b >= 0xC2 && b <= 0xDF ? 2
                    : b >= 0xE0 && b <= 0xEF ? 3
                    : b >= 0xF0 && b <= 0xF4 ? 4
                                             : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if (!is_continuation_byte(text[i + k])) return false;
    }
    i += n;
  }
  return true;
}

TEST_CASE("bad jsonl lines: an error record each, in input order, and FILE:LINE on stderr") {
  TempDir dir;
  const std::vector<std::string> kLines = {
      R"({"id":"gut-1","dct":"2025-02-12","text":"heute"})",
      R"({"id":"kaputt","text":"heute)",
      R"({"id":"ohne-text","dct":"2025-02-12"})",
      R"({"id":"zahl","text":5})",
      R"({"id":"dct-zahl","dct":20250212,"text":"heute"})",
      R"({"id":{"n":1},"text":"heute"})",
      R"({"id":"unbekannt","dct":"2025-02-12","text":"gestern","quelle":{"a":[1,2]},"n":3})",
      R"({"id":"monat-13","dct":"2025-13-45","text":"heute"})",
      R"({"id":"gestern","dct":"gestern","text":"heute"})",
      R"({"id":"roman","doc_type":"roman","text":"heute"})",
      R"(["heute"])",
      R"({"id":"gut-12","dct":"2025-02-12","text":"morgen"})",
  };
  std::string content;
  for (const std::string& line : kLines) content += line + "\n";
  std::string path = dir.write("korpus.jsonl", content);

  Result r = chronik("extract --format jsonl --input-format jsonl " + quote(path));
  CHECK(r.exit_code == 1);
  std::vector<JsonObject> rows = parse_json_lines(r.out);
  const std::vector<std::pair<std::string, std::string>> kExpected = {
      {"gut-1", ""},
      {path + ":2", "not a JSON object: "},
      {"ohne-text", "no \"text\" field"},
      {"zahl", "\"text\" must be a string"},
      {"dct-zahl", "\"dct\" must be a string or null"},
      {path + ":6", "\"id\" must be a string"},
      {"unbekannt", ""},
      {"monat-13", "\"dct\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: \"2025-13-45\""},
      {"gestern", "\"dct\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: \"gestern\""},
      {"roman", "\"doc_type\" must be \"news\" or \"narrative\", got \"roman\""},
      {path + ":11", "not a JSON object"},
      {"gut-12", ""},
  };
  REQUIRE(rows.size() == kExpected.size());
  std::vector<std::string> errors = split_lines(r.err);
  REQUIRE(errors.size() == 10);
  std::size_t error = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(rows[i].str("doc") == kExpected[i].first);
    if (kExpected[i].second.empty()) {
      CHECK(rows[i].keys == kExpressionKeys);
      continue;
    }
    CHECK(rows[i].keys == kErrorKeys);
    CHECK(rows[i].str("error").rfind(kExpected[i].second, 0) == 0);
    // The same reason on stderr, after the file and line.
    CHECK(errors[error++] ==
          "chronik: " + path + ":" + std::to_string(i + 1) + ": " + rows[i].str("error"));
  }
  CHECK(errors.back() == "chronik: 12 documents, 9 failed");
  CHECK(rows[6].str("value") == "2025-02-11");  // unknown fields are ignored
  CHECK(rows[11].str("value") == "2025-02-13");

  // In a table the error takes the document's place; CSV and TimeML stay rows and documents.
  Result table = chronik("extract --format table --input-format jsonl " + quote(path));
  CHECK(table.exit_code == 1);
  CHECK(contains(table.out, "\n== zahl: error: \"text\" must be a string\n"));
  CHECK(table.err == r.err);
  Result csv = chronik("extract --format csv --input-format jsonl " + quote(path));
  CHECK(csv.exit_code == 1);
  CHECK(parse_csv(csv.out).size() == 4);
  CHECK(csv.err == r.err);
  Result timeml = chronik("extract --format timeml --input-format jsonl " + quote(path));
  CHECK(timeml.exit_code == 1);
  CHECK(timeml.err == r.err);
}

TEST_CASE("invalid UTF-8 is repaired with U+FFFD, with a warning naming the document") {
  TempDir dir;
  // Latin-1 "März" (E4 for ä), a euro sign cut short, and a stray continuation byte.
  std::string path = dir.write("latin1.txt",
                               "date 2025-02-12\nIm M\xE4rz \xE2\x82"
                               " kam er, heute \x80 ging er.\n");
  Result r = chronik("extract --format jsonl " + quote(path));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "chronik: " + path +
                     ": warning: invalid UTF-8 replaced by U+FFFD\n"
                     "chronik: 1 document, 0 failed, 1 with invalid UTF-8\n");
  CHECK(is_utf8(r.out));
  std::vector<JsonObject> rows = parse_expressions(r.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].str("text") == "heute");
  CHECK(rows[0].str("value") == "2025-02-12");
  // Offsets count the code points of the repaired text: one U+FFFD for each bad byte or cut-off
  // sequence.
  const std::string kRepaired =
      "date 2025-02-12\nIm M\uFFFDrz \uFFFD kam er, heute \uFFFD ging er.\n";
  CHECK(slice_code_points(kRepaired, rows[0].number("begin"), rows[0].number("end")) == "heute");
  CHECK(rows[0].number("begin") == 34);

  // The other formats write the repaired text too.
  Result timeml = chronik("extract --format timeml " + quote(path));
  CHECK(timeml.exit_code == 0);
  CHECK(is_utf8(timeml.out));
  CHECK(contains(timeml.out, "Im M\uFFFDrz \uFFFD kam er"));
}

TEST_CASE("invalid UTF-8 in a jsonl line is repaired, the line parsed, its id named") {
  TempDir dir;
  std::string path =
      dir.write("korpus.jsonl",
                "{\"id\":\"gut\",\"dct\":\"2025-02-12\",\"text\":\"heute\"}\n"
                "{\"id\":\"l\xE4nder\",\"dct\":\"2025-02-12\",\"text\":\"M\xE4rz, gestern\"}\n"
                "{\"id\":\"auch-gut\",\"dct\":\"2025-02-12\",\"text\":\"morgen\"}\n");
  Result r = chronik("extract --format jsonl --input-format jsonl " + quote(path));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "chronik: " + path +
                     ":2: warning: invalid UTF-8 replaced by U+FFFD (document l\uFFFDnder)\n"
                     "chronik: 3 documents, 0 failed, 1 with invalid UTF-8\n");
  CHECK(is_utf8(r.out));
  std::vector<JsonObject> rows = parse_expressions(r.out);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].str("doc") == "l\uFFFDnder");
  CHECK(rows[1].str("text") == "gestern");
  CHECK(rows[1].number("begin") == 6);
  CHECK(rows[1].str("value") == "2025-02-11");
  CHECK(rows[2].str("doc") == "auch-gut");
}

TEST_CASE("a byte-order mark: the date header still works, offsets count the mark") {
  const std::string kBom = "\xEF\xBB\xBF";
  std::vector<JsonObject> rows = extract("", kBom + "date 2025-02-12\nheute");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].str("value") == "2025-02-12");
  CHECK(rows[0].number("begin") == 17);  // U+FEFF, 15 header characters, the line feed
  rows = extract("", kBom + "heute");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].number("begin") == 1);
  CHECK(rows[0].str("anchor") == "missing");

  // A mark before a jsonl line is not part of any document.
  rows = extract("--input-format jsonl", kBom + R"({"id":"a","dct":"2025-02-12","text":"heute"})" +
                                             "\n" + R"({"id":"b","text":"gestern"})" + "\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].str("doc") == "a");
  CHECK(rows[0].number("begin") == 0);
  CHECK(rows[0].str("value") == "2025-02-12");
}

TEST_CASE("CRLF line ends: the date header, text and jsonl lines") {
  std::vector<JsonObject> rows = extract("", "date 2025-02\r\nHeute\r\nund gestern\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].str("value") == "2025-02");
  CHECK(rows[0].number("begin") == 14);  // the CR counts
  CHECK(rows[1].str("text") == "gestern");
  CHECK(rows[1].number("begin") == 25);
  rows = extract("", "date 2025-02-12\r\nheute");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].str("value") == "2025-02-12");

  rows = extract("--input-format jsonl", R"({"id":"a","dct":"2025-02-12","text":"heute"})"
                                         "\r\n\r\n"
                                         R"({"id":"b","dct":"2025-02-12","text":"morgen"})"
                                         "\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].str("value") == "2025-02-12");
  CHECK(rows[1].str("doc") == "b");
  CHECK(rows[1].str("value") == "2025-02-13");
}

TEST_CASE("NUL bytes in a text truncate nothing") {
  TempDir dir;
  std::string path =
      dir.write("nul.txt", std::string("date 2025-02-12\nheute\0gestern \0\0 morgen\0", 41));
  std::vector<JsonObject> rows = extract(quote(path), std::nullopt);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].str("text") == "heute");
  CHECK(rows[1].str("text") == "gestern");
  CHECK(rows[1].number("begin") == 22);
  CHECK(rows[2].str("text") == "morgen");
  CHECK(rows[2].number("begin") == 33);
  CHECK(rows[2].str("value") == "2025-02-13");

  // Escaped in JSON, the same.
  rows = extract("--input-format jsonl",
                 R"({"dct":"2025-02-12","text":"heute\u0000gestern \u0000\u0000 morgen"})"
                 "\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].number("begin") == 17);
}

TEST_CASE("an empty file is a document without expressions") {
  TempDir dir;
  std::string empty = dir.write("leer.txt", "");
  Result r = chronik("extract --format jsonl " + quote(empty));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  Result table = chronik("extract --format table " + quote(empty));
  CHECK(table.exit_code == 0);
  CHECK(table.out == "== " + empty + ": 0 expressions\n");
  Result jsonl = chronik("extract --input-format jsonl --format jsonl " + quote(empty));
  CHECK(jsonl.exit_code == 0);
  CHECK(jsonl.out.empty());
  CHECK(jsonl.err.empty());
  Result timeline = chronik("timeline --format jsonl " + quote(empty));
  CHECK(timeline.exit_code == 0);
  CHECK(timeline.out.empty());
}

TEST_CASE("slow: a 100 MB document on one jsonl line") {
  TempDir dir;
  std::string text = "Am 3. März begann es. ";
  const std::string kFiller = "Der Rat tagte lange und ohne Ergebnis. ";
  text.reserve(100 * 1024 * 1024 + 64);
  while (text.size() < 100 * 1024 * 1024) text += kFiller;
  std::size_t end_begin = code_points(text, text.size());
  text += "Heute endet es.";
  std::string path =
      dir.write("gross.jsonl", R"({"id":"gross","dct":"2025-02-12","text":")" + text + "\"}\n" +
                                   R"({"id":"klein","dct":"2025-02-12","text":"morgen"})" + "\n");
  text.clear();
  text.shrink_to_fit();
  std::vector<JsonObject> rows = extract("--input-format jsonl " + quote(path), std::nullopt);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].str("text") == "3. März");
  CHECK(rows[1].str("text") == "Heute");
  CHECK(rows[1].number("begin") == end_begin);
  CHECK(rows[1].str("value") == "2025-02-12");
  CHECK(rows[2].str("doc") == "klein");
}

// --- usage errors
// ---------------------------------------------------------------------------------

TEST_CASE("usage errors exit 2 with a one-line hint on stderr") {
  const char* kUsageErrors[] = {
      "",
      "analysiere samples/softbank-ki.txt",
      "extract --bogus samples/softbank-ki.txt",
      "extract --format xml samples/softbank-ki.txt",
      "extract --dct 2025-13-45 samples/softbank-ki.txt",
      "extract --dct gestern samples/softbank-ki.txt",
      "extract --dct 2025-02-29 samples/softbank-ki.txt",
      "extract --dct samples/softbank-ki.txt",
      "extract --input-format xml samples/softbank-ki.txt",
      "extract --doc-type roman samples/softbank-ki.txt",
      "timeline --format timeml samples/softbank-ki.txt",
      "timeline --format pdf samples/softbank-ki.txt",
      "timeline --format sqlite samples/softbank-ki.txt",  // needs --output
      "timeline --format jsonl --excel samples/softbank-ki.txt",
      "extract --format csv --excel samples/softbank-ki.txt",
      "extract --format html samples/softbank-ki.txt",
      "timeline --doc-type roman samples/softbank-ki.txt",
      "grammar",
      "grammar prüfen",
      "extract --grammar does-not-exist samples/softbank-ki.txt",
      "timeline --grammar does-not-exist samples/softbank-ki.txt",
      // Conflicting or misplaced arguments.
      "grammar check --format jsonl",
      "grammar check grammars/de samples/softbank-ki.txt",
      "grammar check grammars/de --format jsonl",
      "extract - samples/softbank-ki.txt -",
      "timeline - -",
      "extract --format jsonl --format csv samples/softbank-ki.txt",
      "extract --explain --format timeml samples/softbank-ki.txt",
      "timeline --explain samples/softbank-ki.txt",
      "extract --threads 0 samples/softbank-ki.txt",
      "extract --threads zwei samples/softbank-ki.txt",
      "extract --input-format extracted samples/corpus.jsonl",
      "timeline --format documents samples/softbank-ki.txt",
      "extract --explain --format documents samples/softbank-ki.txt",
  };
  for (const char* args : kUsageErrors) {
    CAPTURE(args);
    Result r = chronik(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(is_one_line(r.err));
  }
}

TEST_CASE("--help and --version exit 0") {
  for (const char* args :
       {"--help", "-h", "extract --help", "timeline --help", "grammar check --help"}) {
    CAPTURE(args);
    Result r = chronik(args);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "chronik extract"));
    CHECK(contains(r.out, "chronik timeline"));
    CHECK(contains(r.out, "chronik grammar check"));
    CHECK(contains(r.out, "--dct"));
  }
  Result r = chronik("--version");
  CHECK(r.exit_code == 0);
  CHECK(is_one_line(r.out));
  CHECK(r.out.rfind("chronik ", 0) == 0);
}

// --- output formats
// -------------------------------------------------------------------------------

TEST_CASE("--format csv: a header row, CRLF records, RFC 4180 quoting") {
  TempDir dir;
  std::string odd_name = dir.write("Bericht, \"neu\".txt",
                                   "date 2025-03-12\nEr kam am Sonntag, 30. März, gegen 22 Uhr.\n"
                                   "Am 21.\nJanuar ging er.\n");
  std::string args = "samples/wahlkampf.txt " + quote(odd_name);
  Result csv = chronik("extract --format csv " + args);
  REQUIRE(csv.exit_code == 0);
  std::vector<JsonObject> rows = extract(args, std::nullopt);
  REQUIRE(rows.size() == 19);

  std::vector<std::vector<std::string>> records = parse_csv(csv.out);
  REQUIRE(records.size() == rows.size() + 1);
  CHECK(records[0] == kExpressionKeys);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::vector<std::string>& record = records[i + 1];
    REQUIRE(record.size() == kExpressionKeys.size());
    for (std::size_t k = 0; k < kExpressionKeys.size(); ++k) {
      const std::string& key = kExpressionKeys[k];
      CAPTURE(key);
      std::string expected = rows[i].is_null(key) ? "" : rows[i].str(key);
      CHECK(record[k] == expected);
    }
  }
  CHECK(records[17][0] == odd_name);
  CHECK(records[17][3] == "Sonntag, 30. März");
  CHECK(records[18][3] == "gegen 22 Uhr");
  CHECK(records[18][6] == "APPROX");
  CHECK(records[19][3] == "21.\nJanuar");
  // Fields are quoted exactly where they must be.
  CHECK(contains(csv.out, "\r\nsamples/wahlkampf.txt,98,115,\"Sonntag, 30. März\",DATE,"));
  CHECK(contains(csv.out, "\"" + dir.path().string() + "/Bericht, \"\"neu\"\".txt\","));
  CHECK(contains(csv.out, ",\"21.\nJanuar\",DATE,"));

  // One header for all documents, also when there are no expressions.
  Result empty = chronik("extract --format csv", "Kein Datum hier.");
  CHECK(empty.exit_code == 0);
  CHECK(empty.out == "doc,begin,end,text,type,value,mod,freq,rule,anchor\r\n");
}

TEST_CASE("--format timeml: well-formed, with the DCT and inline TIMEX3 tags") {
  TempDir dir;
  const std::string kBody =
      "Stadt & Kreis <Lindenfeld> melden \"heute\": Anfang April, gegen 17 Uhr, seit Jahren.\n"
      "Zweite Zeile mit 'Apostroph' und mit 67 Jahren.\n";
  std::string path = dir.write("meldung.txt", "date 2025-03-12\n" + kBody);
  Result r = chronik("extract --format timeml " + quote(path));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  INFO(r.out);
  CHECK(xml_problem(r.out) == "");
  CHECK(r.out.rfind("<?xml", 0) == 0);

  // The document date as TIMEX3 t0.
  static const std::regex kDct(R"(<DCT>\s*<TIMEX3 ([^>]*)>2025-03-12</TIMEX3>\s*</DCT>)");
  std::smatch dct;
  REQUIRE(std::regex_search(r.out, dct, kDct));
  std::map<std::string, std::string> t0 = xml_attributes(dct[1].str());
  CHECK(t0["tid"] == "t0");
  CHECK(t0["type"] == "DATE");
  CHECK(t0["value"] == "2025-03-12");
  CHECK(t0["functionInDocument"] == "CREATION_TIME");

  // The text, with one tag per expression.
  std::size_t text_begin = r.out.find("<TEXT>");
  std::size_t text_end = r.out.find("</TEXT>");
  REQUIRE(text_begin != std::string::npos);
  REQUIRE(text_end != std::string::npos);
  std::string text = r.out.substr(text_begin + 6, text_end - text_begin - 6);
  std::vector<JsonObject> rows = extract(quote(path), std::nullopt);
  REQUIRE(rows.size() == 4);
  static const std::regex kTimex(R"(<TIMEX3 ([^>]*)>([^<]*)</TIMEX3>)");
  std::size_t i = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kTimex);
       it != std::sregex_iterator(); ++it, ++i) {
    REQUIRE(i < rows.size());
    std::map<std::string, std::string> a = xml_attributes((*it)[1].str());
    CHECK(a["tid"] == "t" + std::to_string(i + 1));
    CHECK(a["type"] == rows[i].str("type"));
    CHECK(a["value"] == rows[i].str("value"));
    if (rows[i].is_null("mod")) {
      CHECK(a.count("mod") == 0);
    } else {
      CHECK(a["mod"] == rows[i].str("mod"));
    }
    CHECK(xml_unescape((*it)[2].str()) == rows[i].str("text"));
  }
  CHECK(i == rows.size());
  std::string plain = std::regex_replace(text, std::regex("</?TIMEX3[^>]*>"), "");
  CHECK(Trim(xml_unescape(plain)) == Trim(kBody));
  CHECK(contains(text, "Stadt &amp; Kreis &lt;Lindenfeld&gt;"));
}

TEST_CASE("--format table: a line per document and a line per expression") {
  Result r = chronik("extract --format table samples/softbank-ki.txt");
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines = split_lines(r.out);
  std::vector<JsonObject> rows =
      parse_expressions(source_file("samples/expected/softbank-ki.jsonl"));
  REQUIRE(lines.size() == rows.size() + 1);
  CHECK(contains(lines[0], "samples/softbank-ki.txt"));
  CHECK(contains(lines[0], "2025-02"));
  CHECK(contains(lines[0], "12"));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(lines[i + 1]);
    CHECK(contains(lines[i + 1], std::to_string(rows[i].number("begin")) + "-" +
                                     std::to_string(rows[i].number("end"))));
    CHECK(contains(lines[i + 1], rows[i].str("text")));
    CHECK(contains(lines[i + 1], rows[i].str("value")));
    CHECK(contains(lines[i + 1], rows[i].str("rule")));
  }
}

TEST_CASE("--explain: each row says which anchor, direction and word resolved its value") {
  TempDir dir;
  std::string file = dir.write("rat.txt",
                               "date 2025-01-15\nDer Rat hatte im Dezember beraten. Am 3. Mai 2019 "
                               "begann es. Am Tag darauf wird gewählt.\n");
  Result r = chronik("extract --explain --format jsonl " + quote(file));
  REQUIRE(r.exit_code == 0);
  std::vector<JsonObject> rows = parse_json_lines(r.out);
  REQUIRE(rows.size() == 3);
  const std::vector<std::string> kKeys = {
      "doc",         "begin",     "end",  "text",     "type",         "value",
      "mod",         "freq",      "rule", "anchor",   "anchor_value", "anchor_begin",
      "anchor_text", "direction", "cue",  "cue_word", "cue_begin",    "why"};
  for (const JsonObject& row : rows) CHECK(row.keys == kKeys);
  // A month without a year: the tense word of its clause chose December 2024.
  CHECK(rows[0].str("value") == "2024-12");
  CHECK(rows[0].str("anchor") == "dct");
  CHECK(rows[0].str("anchor_value") == "2025-01-15");
  CHECK(rows[0].str("direction") == "past");
  CHECK(rows[0].str("cue") == "tense");
  CHECK(rows[0].str("cue_word") == "hatte");
  CHECK(rows[0].number("cue_begin") == 24);  // after the 16 characters of the header
  CHECK(rows[0].str("why") == "from the document date 2025-01-15; past, from 'hatte' at 24");
  // Complete as written: nothing anchored, nothing decided.
  CHECK(rows[1].str("anchor") == "none");
  CHECK(rows[1].is_null("anchor_value"));
  CHECK(rows[1].is_null("direction"));
  CHECK(rows[1].str("why") == "complete as written");
  // Referring back: the earlier expression by offset and text.
  CHECK(rows[2].str("value") == "2019-05-04");
  CHECK(rows[2].str("anchor") == "expression");
  CHECK(rows[2].number("anchor_begin") == rows[1].number("begin"));
  CHECK(rows[2].str("anchor_text") == "3. Mai 2019");
  CHECK(rows[2].str("anchor_value") == "2019-05-03");

  Result csv = chronik("extract --explain --format csv " + quote(file));
  REQUIRE(csv.exit_code == 0);
  CHECK(
      csv.out.rfind("doc,begin,end,text,type,value,mod,freq,rule,anchor,anchor_value,anchor_begin,"
                    "anchor_text,direction,cue,cue_word,cue_begin,why\r\n",
                    0) == 0);
  Result table = chronik("extract --explain --format table " + quote(file));
  REQUIRE(table.exit_code == 0);
  CHECK(contains(table.out, "      why: from '3. Mai 2019' at "));
}

// --- timeline
// -------------------------------------------------------------------------------------

TEST_CASE("timeline: dated sentences of all documents in chronological order") {
  TempDir dir;
  std::string first = dir.write(
      "messe.txt",
      "date 2025-03-10\nHeute beginnt die Messe. Am 2. Januar 2024 wurde sie geplant, seit "
      "Jahren wird sie erwartet.\n");
  std::string second = dir.write(
      "halle.txt", "date 2025-03-10\nIm Mai 2023 fiel der Beschluss. Heute öffnet die Halle.\n");
  std::string args = quote(first) + " " + quote(second);

  Result jsonl = chronik("timeline --format jsonl " + args);
  REQUIRE(jsonl.exit_code == 0);
  std::vector<JsonObject> entries = parse_json_lines(jsonl.out);
  REQUIRE(entries.size() == 4);  // no entry for the duration
  for (const JsonObject& e : entries) CHECK(e.keys == kTimelineKeys);
  CHECK(entries[0].str("value") == "2023-05");
  CHECK(entries[0].str("begin") == "2023-05-01");
  CHECK(entries[0].str("end") == "2023-05-31");
  CHECK(entries[0].str("sentence") == "Im Mai 2023 fiel der Beschluss.");
  CHECK(entries[0].str("doc") == second);
  CHECK(entries[1].str("value") == "2024-01-02");
  CHECK(entries[1].str("sentence") ==
        "Am 2. Januar 2024 wurde sie geplant, seit Jahren wird sie "
        "erwartet.");
  CHECK(entries[2].str("value") == "2025-03-10");
  CHECK(entries[2].str("doc") == first);  // same day: the earlier document first
  CHECK(entries[3].str("value") == "2025-03-10");
  CHECK(entries[3].str("doc") == second);

  Result reversed = chronik("timeline --format jsonl " + quote(second) + " " + quote(first));
  std::vector<JsonObject> swapped = parse_json_lines(reversed.out);
  REQUIRE(swapped.size() == 4);
  CHECK(swapped[2].str("doc") == second);
  CHECK(swapped[3].str("doc") == first);

  Result csv = chronik("timeline --format csv " + args);
  REQUIRE(csv.exit_code == 0);
  std::vector<std::vector<std::string>> records = parse_csv(csv.out);
  REQUIRE(records.size() == entries.size() + 1);
  CHECK(records[0] == kTimelineKeys);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    REQUIRE(records[i + 1].size() == kTimelineKeys.size());
    for (std::size_t k = 0; k < kTimelineKeys.size(); ++k) {
      const std::string& key = kTimelineKeys[k];
      if (std::count(kTimelineListKeys.begin(), kTimelineListKeys.end(), key)) continue;
      CHECK(records[i + 1][k] == (entries[i].is_null(key) ? "" : entries[i].str(key)));
    }
  }

  Result table = chronik("timeline " + args);  // table by default
  REQUIRE(table.exit_code == 0);
  std::vector<std::string> lines = split_lines(table.out);
  REQUIRE(lines.size() == entries.size() + 1);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CHECK(contains(lines[i + 1], entries[i].str("value")));
    CHECK(contains(lines[i + 1], entries[i].str("event")));
  }
}

TEST_CASE("--output FILE: the output in the file, nothing on standard output") {
  TempDir dir;
  std::string file = (dir.path() / "timeline.md").string();
  Result written =
      chronik("timeline --format markdown --output " + quote(file) + " samples/softbank-ki.txt");
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(written.err.empty());
  Result shown = chronik("timeline --format markdown samples/softbank-ki.txt");
  CHECK(read_file(file) == shown.out);
  CHECK(contains(shown.out, "\n## 2025\n"));

  std::string jsonl = (dir.path() / "expressions.jsonl").string();
  CHECK(chronik("extract -o " + quote(jsonl) + " samples/softbank-ki.txt").exit_code == 0);
  CHECK(read_file(jsonl) == source_file("samples/expected/softbank-ki.jsonl"));

  Result unwritable =
      chronik("timeline --format html --output " +
              quote((dir.path() / "no-such-dir" / "t.html").string()) + " samples/softbank-ki.txt");
  CHECK(unwritable.exit_code == 1);
  CHECK(unwritable.out.empty());
  CHECK(contains(unwritable.err, "no-such-dir/t.html: cannot write: "));
}

TEST_CASE("timeline: a JSONL corpus is one chronology; the same event in two documents merges") {
  TempDir dir;
  std::string corpus = dir.write(
      "corpus.jsonl",
      "{\"id\":\"a\",\"dct\":\"2025-01-22\",\"text\":\"Die Unternehmen OpenAI und Oracle "
      "gründeten am 21. Januar 2025 das Vorhaben Stargate. Seit Jahren planen sie das.\"}\n"
      "{\"id\":\"b\",\"dct\":\"2025-02-10\",\"text\":\"Am 21. Januar hat Masayoshi Son "
      "mit OpenAI das Vorhaben Stargate gegründet. Jeden Montag tagt der Vorstand.\"}\n");
  Result r = chronik("timeline --input-format jsonl --format jsonl " + quote(corpus));
  REQUIRE(r.exit_code == 0);
  std::vector<JsonObject> entries = parse_json_lines(r.out);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].str("value") == "2025-01-21");
  CHECK(entries[0].str("doc") == "a");
  CHECK(contains(entries[0].str("also"), "\"doc\":\"b\""));
  CHECK(entries[0].str("trigger") == "gründeten");
  CHECK(entries[0].str("actors") == "[\"OpenAI\",\"Oracle\",\"Stargate\",\"Masayoshi Son\"]");
  CHECK(entries[0].str("vague") == "false");
  CHECK(entries[0].str("granularity") == "day");

  Result all = chronik("timeline --input-format jsonl --format jsonl --include durations,sets " +
                       quote(corpus));
  REQUIRE(all.exit_code == 0);
  std::vector<JsonObject> more = parse_json_lines(all.out);
  REQUIRE(more.size() == 3);
  CHECK(more[1].str("value") == "PXY");
  CHECK(more[1].is_null("begin"));
  CHECK(more[2].str("value") == "XXXX-WXX-1");
  CHECK(more[2].str("trigger") == "tagt");
}

TEST_CASE("timeline: --include takes durations, sets and undated only, and only in timeline") {
  for (const char* args : {"timeline --include weeks samples/softbank-ki.txt",
                           "timeline --include durations,,sets samples/softbank-ki.txt",
                           "extract --include durations samples/softbank-ki.txt"}) {
    CAPTURE(args);
    Result r = chronik(args);
    CHECK(r.exit_code == 2);
    CHECK(is_one_line(r.err));
  }
  CHECK(chronik("timeline --include durations,sets,undated samples/softbank-ki.txt").exit_code ==
        0);
}

// --- grammars
// -------------------------------------------------------------------------------------

// The 1-based number of the first line of `file` that is `line`.
int line_number(const fs::path& file, const std::string& line) {
  std::vector<std::string> lines = split_lines(read_file(file));
  auto it = std::find(lines.begin(), lines.end(), line);
  REQUIRE_MESSAGE(it != lines.end(), "no line '" << line << "' in " << file);
  return static_cast<int>(it - lines.begin()) + 1;
}

// A copy of grammars/de in `dir`.
fs::path copy_grammar(const TempDir& dir) {
  fs::path copy = dir.path() / "grammatik";
  fs::copy(fs::path(kSourceDir) / "grammars" / "de", copy, fs::copy_options::recursive);
  return copy;
}

// A corpus of many documents, some of them bad lines, for the tests of --threads.
std::string many_documents() {
  std::vector<std::string> corpus = split_lines(source_file("samples/corpus.jsonl"));
  std::string text = source_file("samples/wahlkampf.txt");
  std::string content;
  for (int i = 0; i < 400; ++i) {
    if (i % 97 == 5) content += "{\"id\":\"kaputt-" + std::to_string(i) + "\",\"text\":5}\n";
    if (i % 50 == 7) content += "\n";
    content += corpus[static_cast<std::size_t>(i) % corpus.size()] + "\n";
    // A long document now and then, so that batches differ in size.
    if (i % 40 == 0) {
      content += R"({"id":"lang-)" + std::to_string(i) + R"(","dct":"2025-02-12","text":")";
      for (char c : text.substr(0, 3000)) {
        if (c == '\n') {
          content += "\\n";
        } else if (c == '"' || c == '\\') {
          content += std::string("\\") + c;
        } else {
          content += c;
        }
      }
      content += "\"}\n";
    }
  }
  return content;
}

TEST_CASE("--threads: the same output and messages as one thread, in input order") {
  TempDir dir;
  std::string path = dir.write("viele.jsonl", many_documents());
  for (const char* format : {"jsonl", "table", "csv", "timeml", "documents"}) {
    CAPTURE(format);
    std::string args = std::string("extract --input-format jsonl --format ") + format + " ";
    Result one = chronik(args + "--threads 1 " + quote(path));
    CHECK(one.exit_code == 1);  // the bad lines
    CHECK(contains(one.err, "failed"));
    for (const char* threads : {"2", "3", "8"}) {
      CAPTURE(threads);
      Result many = chronik(args + "--threads " + threads + " " + quote(path));
      CHECK(many.exit_code == one.exit_code);
      CHECK(many.out == one.out);
      CHECK(many.err == one.err);
    }
  }
  // Standard input and several files, one after another.
  std::string text = dir.write("text.txt", source_file("samples/softbank-ki.txt"));
  Result one = chronik("extract --format jsonl --threads 1 " + quote(text) + " - " + quote(text),
                       source_file("samples/wahlkampf.txt"));
  Result two = chronik("extract --format jsonl --threads 2 " + quote(text) + " - " + quote(text),
                       source_file("samples/wahlkampf.txt"));
  CHECK(one.exit_code == 0);
  CHECK(two.out == one.out);
  CHECK(two.err.empty());
}

TEST_CASE("--progress: a progress line on stderr when asked, nothing otherwise") {
  Result asked =
      chronik("extract --progress --input-format jsonl --format jsonl samples/corpus.jsonl");
  CHECK(asked.exit_code == 0);
  CHECK(asked.err.rfind("\rchronik: 3 documents, ", 0) == 0);
  CHECK(contains(asked.err, " MB/s"));
  CHECK(asked.err.back() == '\n');
  Result quiet = chronik("extract --input-format jsonl --format jsonl samples/corpus.jsonl");
  CHECK(quiet.err.empty());
  CHECK(quiet.out == asked.out);
}

TEST_CASE("--format documents: one line per document; timeline reads it back unchanged") {
  TempDir dir;
  Result docs = chronik("extract --input-format jsonl --format documents samples/corpus.jsonl");
  REQUIRE(docs.exit_code == 0);
  std::vector<std::string> lines = split_lines(docs.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind(R"({"id":"bahn-preise","dct":"2025-02-12","doc_type":"news","text":")", 0) ==
        0);
  CHECK(contains(lines[0], R"("timex":[{"begin":16,"end":22,"text":"Montag","type":"DATE",)"
                           R"("value":"2025-02-10","mod":null,"rule":"relative.weekday",)"
                           R"("anchor":"dct"},)"));
  // eval reads it as a system output, and scores it perfectly against itself.
  std::string extracted = dir.write("extracted.jsonl", docs.out);
  Result eval = chronik("eval --gold " + quote(extracted) + " --system " + quote(extracted));
  CHECK(eval.exit_code == 0);
  CHECK(contains(eval.out, "F1 1.000"));

  // The expensive step on shards, the timeline once: the same as straight from the texts.
  for (const char* sample : {"samples/softbank-ki.txt", "samples/wahlkampf.txt"}) {
    CAPTURE(sample);
    std::string shard = dir.write(std::string("shard-") + (sample + 8) + ".jsonl",
                                  chronik(std::string("extract --format documents ") + sample).out);
    Result direct = chronik(std::string("timeline --format jsonl ") + sample);
    Result merged = chronik("timeline --format jsonl --input-format extracted " + quote(shard));
    CHECK(merged.exit_code == 0);
    CHECK(merged.out == direct.out);
  }
  Result direct = chronik(
      "timeline --format jsonl --input-format jsonl samples/corpus.jsonl samples/corpus.jsonl");
  Result merged = chronik("timeline --format jsonl --input-format extracted " + quote(extracted) +
                          " " + quote(extracted));
  CHECK(merged.out == direct.out);
}

TEST_CASE("--input-format extracted: a line that cannot be read back fails alone") {
  TempDir dir;
  std::string path = dir.write(
      "kaputt.jsonl",
      R"({"id":"a","dct":"2025-02-12","text":"heute","timex":[{"begin":0,"end":5,"text":"heute","type":"DATE","value":"bald"}]})"
      "\n"
      R"({"id":"b","dct":"2025-02-12","text":"heute","timex":[{"begin":0,"end":9,"text":"heute","type":"DATE","value":"2025-02-12"}]})"
      "\n"
      R"({"id":"c","dct":"2025-02-12","text":"heute","timex":[{"begin":0,"end":5,"text":"heute","type":"DATE","value":"2025-02-12"}]})"
      "\n");
  Result r = chronik("timeline --format jsonl --input-format extracted " + quote(path));
  CHECK(r.exit_code == 1);
  std::vector<std::string> errors = split_lines(r.err);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "chronik: " + path + ":1: timex 0-5: not a TIMEX3 value: \"bald\"");
  CHECK(errors[1] == "chronik: " + path + ":2: timex 0-9: the offsets are outside the text");
  CHECK(errors[2] == "chronik: 3 documents, 2 failed");
  std::vector<JsonObject> entries = parse_json_lines(r.out);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].str("doc") == "c");
}

TEST_CASE("grammar check: the built-in grammar holds") {
  Result builtin = chronik("grammar check");
  CHECK(builtin.exit_code == 0);
  CHECK(builtin.err.empty());
  std::vector<std::string> lines = split_lines(builtin.out);
  REQUIRE(!lines.empty());
  CHECK(contains(lines.back(), " 0 problems"));

  Result directory = chronik("grammar check grammars/de");
  CHECK(directory.exit_code == 0);
  CHECK(directory.out == builtin.out);

  Result loaded = chronik("extract --format jsonl --grammar grammars/de samples/softbank-ki.txt");
  CHECK(loaded.exit_code == 0);
  CHECK(loaded.out == source_file("samples/expected/softbank-ki.jsonl"));
}

TEST_CASE("grammar check: a failing example is reported as file:line: rule ID:") {
  TempDir dir;
  fs::path grammar = copy_grammar(dir);
  fs::path rules = grammar / "rules" / "relative.rules";
  std::string text = read_file(rules);
  const std::string kExample = "example [heute] => 2025-02-12";
  int line = line_number(rules, kExample);
  text.replace(text.find(kExample), kExample.size(), "example [heute] => 2025-02-13");
  write_file(rules, text);

  Result r = chronik("grammar check " + quote(grammar.string()));
  CHECK(r.exit_code != 0);
  CHECK(
      contains(r.out + r.err, "relative.rules:" + std::to_string(line) + ": rule relative.day: "));
}

TEST_CASE("grammar check: a rule that does not compile is reported as file:line: rule ID:") {
  TempDir dir;
  fs::path grammar = copy_grammar(dir);
  fs::path rules = grammar / "rules" / "times.rules";
  std::string text = read_file(rules);
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += "\nrule test.broken\npattern (?P<hour>[0-9]\nproduce date\nexample [9] => TIME X\n";
  write_file(rules, text);
  int line = line_number(rules, "rule test.broken");

  Result r = chronik("grammar check " + quote(grammar.string()));
  CHECK(r.exit_code != 0);
  CHECK(contains(r.out + r.err, "times.rules:" + std::to_string(line) + ": rule test.broken:"));

  Result extract =
      chronik("extract --grammar " + quote(grammar.string()) + " samples/softbank-ki.txt");
  CHECK(extract.exit_code == 2);
  CHECK(extract.out.empty());
  CHECK(is_one_line(extract.err));
  CHECK(contains(extract.err, "times.rules:" + std::to_string(line) + ": rule test.broken: "));
  Result timeline = chronik("timeline --grammar " + quote(grammar.string()), "heute");
  CHECK(timeline.exit_code == 2);
  CHECK(is_one_line(timeline.err));
  CHECK(contains(timeline.err, "times.rules:" + std::to_string(line) + ": rule test.broken: "));
}

TEST_CASE("grammar check: a directory that does not exist fails") {
  Result r = chronik("grammar check does-not-exist");
  CHECK(r.exit_code != 0);
  CHECK(contains(r.err, "does-not-exist"));
}

TEST_CASE("grammar check: unused macros and lexicons, duplicate patterns, failing examples") {
  TempDir dir;
  fs::create_directories(dir.path() / "g" / "lexicons");
  fs::create_directories(dir.path() / "g" / "rules");
  std::string g = (dir.path() / "g").string();
  dir.write("g/macros.txt",
            "chronik-macros 1\n"
            "day = 0?[1-9]|[12][0-9]|3[01]\n"
            "hour = [01]?[0-9]|2[0-3]\n");
  dir.write("g/lexicons/abbreviation.tsv", "chronik-lexicon 1\nDr\n");
  dir.write("g/lexicons/month.tsv", "chronik-lexicon 1\nJanuar\t1\nFebruar\t2\n");
  dir.write("g/lexicons/season.tsv", "chronik-lexicon 1\nSommer\tSU\n");
  const std::string kRules =
      "chronik-rules 1\n"
      "dct 2025-02-12\n"
      "\n"
      "rule date.day_month\n"
      "pattern (?P<day>{day})\\.{s}(?P<month>{month})\n"
      "produce date\n"
      "example am [21. Januar] => 2025-01-21\n"
      "example am [3. Februar] => 2025-02-04\n"
      "\n"
      "rule date.copy\n"
      "pattern (?P<day>{day})\\.{s}(?P<month>{month}) \n"
      "produce date\n";
  dir.write("g/rules/dates.rules", kRules);

  Result r = chronik("grammar check " + quote(g));
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out == g + "/macros.txt:3: macro {hour} is not used by any rule\n" + g +
                     "/lexicons/season.tsv:1: lexicon {season} is not used by any rule\n" + g +
                     "/rules/dates.rules:8: rule date.day_month: expected \"3. Februar\" "
                     "2025-02-04, found \"3. Februar\" DATE 2025-02-03 (rule date.day_month)\n" +
                     g +
                     "/rules/dates.rules:10: rule date.copy: the same pattern as rule "
                     "date.day_month (" +
                     g + "/rules/dates.rules:4)\n" + g +
                     "/rules/dates.rules:10: rule date.copy: the rule has no example\n"
                     "2 rules, 2 examples, 5 problems\n");

  // A rule that does not compile: its error comes first, the lints still follow.
  dir.write("g/rules/dates.rules", kRules +
                                       "\nrule date.broken\n"
                                       "pattern {tag}\\.{s}{monat}\n"
                                       "produce date\n"
                                       "example [1. Mai] => XXXX-05-01\n");
  r = chronik("grammar check " + quote(g));
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out == g + "/rules/dates.rules:14: rule date.broken: unknown macro or lexicon {tag}\n" +
                     g + "/macros.txt:3: macro {hour} is not used by any rule\n" + g +
                     "/lexicons/season.tsv:1: lexicon {season} is not used by any rule\n" + g +
                     "/rules/dates.rules:10: rule date.copy: the same pattern as rule "
                     "date.day_month (" +
                     g +
                     "/rules/dates.rules:4)\n"
                     "the grammar does not compile, 4 problems\n");
}

TEST_CASE("grammar check: a clean grammar exits 0 with the summary line only") {
  TempDir dir;
  fs::create_directories(dir.path() / "g" / "rules");
  std::string g = (dir.path() / "g").string();
  dir.write("g/rules/today.rules",
            "chronik-rules 1\n"
            "dct 2025-02-12\n"
            "rule relative.today\n"
            "pattern heute\n"
            "produce shift unit=day offset=0\n"
            "example [heute] => 2025-02-12\n");
  Result r = chronik("grammar check " + quote(g));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "1 rules, 1 examples, 0 problems\n");
}

// --- eval
// ----------------------------------------------------------------------------------------

// A gold standard of two documents and a system output for it, scored by hand (see
// engine/eval_test.cc for the alignment of doc1):
//   doc1: gold 4, system 5, strict 2, relaxed 3, type 2, value 2
//   doc2: gold 1, system 1, all right
const std::string kGold =
    R"({"id": "doc1", "subset": "nachrichten", "dct": "2025-02-12", )"
    R"("text": "Am 21. Januar 2025 und gestern traf er sie, seit drei Jahren täglich.", )"
    R"("timex": [)"
    R"({"begin": 3, "end": 18, "text": "21. Januar 2025", "type": "DATE", "value": "2025-01-21"}, )"
    R"({"begin": 23, "end": 30, "text": "gestern", "type": "DATE", "value": "2025-02-11"}, )"
    R"({"begin": 49, "end": 60, "text": "drei Jahren", "type": "DURATION", "value": "P3Y"}, )"
    R"({"begin": 61, "end": 68, "text": "täglich", "type": "SET", "value": "P1D"}]})"
    "\n\n"
    R"({"id": "doc2", "subset": "wiki", "dct": "2025-02-12", "text": "heute", )"
    R"("timex": [{"begin": 0, "end": 5, "text": "heute", "type": "DATE", "value": "2025-02-12"}]})"
    "\n";

const std::string kSystem =
    R"({"id": "doc2", "text": "heute", )"
    R"("timex": [{"begin": 0, "end": 5, "text": "heute", "type": "DATE", "value": "2025-02-12"}]})"
    "\n"
    R"({"id": "doc1", "text": "", "timex": [)"
    R"({"begin": 3, "end": 13, "text": "21. Januar", "type": "DATE", "value": "2025-01-21"}, )"
    R"({"begin": 23, "end": 30, "text": "gestern", "type": "DATE", "value": "2025-02-12"}, )"
    R"({"begin": 49, "end": 60, "text": "drei Jahren", "type": "DATE", "value": "P3Y"}, )"
    R"({"begin": 31, "end": 35, "text": "traf", "type": "DATE", "value": "XXXX"}, )"
    R"({"begin": 36, "end": 38, "text": "er", "type": "TIME", "value": "XXXX-XX-XXT10:00", )"
    R"("mod": "APPROX"}]})"
    "\n";

const std::string kTotalReport =
    "gold 5, system 6, relaxed matches 4\n"
    "strict span            P 0.500  R 0.600  F1 0.545\n"
    "relaxed span           P 0.667  R 0.800  F1 0.727\n"
    "accuracy on relaxed    type 0.750  value 0.750\n"
    "value                  P 0.500  R 0.600  F1 0.545\n"
    "\n"
    "by type (recall by gold type, precision by system type)\n"
    "  type        gold system  relax P  relax R  value R\n"
    "  DATE           3      5    0.800    1.000    0.667\n"
    "  DURATION       1      0    0.000    1.000    1.000\n"
    "  SET            1      0    0.000    0.000    0.000\n"
    "  TIME           0      1    0.000    0.000    0.000\n";

TEST_CASE("eval: scores a system output against the gold standard") {
  TempDir dir;
  std::string gold = dir.write("gold.jsonl", kGold);
  std::string system = dir.write("system.jsonl", kSystem);
  Result r = chronik("eval --gold " + quote(gold) + " --system " + quote(system));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == kTotalReport);
}

TEST_CASE("eval --by-subset: a summary for each subset") {
  TempDir dir;
  std::string gold = dir.write("gold.jsonl", kGold);
  std::string system = dir.write("system.jsonl", kSystem);
  Result r = chronik("eval --by-subset --gold " + quote(gold) + " --system " + quote(system));
  CHECK(r.exit_code == 0);
  CHECK(r.out == kTotalReport +
                     "\n"
                     "subset nachrichten\n"
                     "gold 4, system 5, relaxed matches 3\n"
                     "strict span            P 0.400  R 0.500  F1 0.444\n"
                     "relaxed span           P 0.600  R 0.750  F1 0.667\n"
                     "accuracy on relaxed    type 0.667  value 0.667\n"
                     "value                  P 0.400  R 0.500  F1 0.444\n"
                     "\n"
                     "subset wiki\n"
                     "gold 1, system 1, relaxed matches 1\n"
                     "strict span            P 1.000  R 1.000  F1 1.000\n"
                     "relaxed span           P 1.000  R 1.000  F1 1.000\n"
                     "accuracy on relaxed    type 1.000  value 1.000\n"
                     "value                  P 1.000  R 1.000  F1 1.000\n");
}

TEST_CASE("eval --errors: each miss, spurious expression and wrong value with its context") {
  TempDir dir;
  std::string gold = dir.write("gold.jsonl", kGold);
  std::string system = dir.write("system.jsonl", kSystem);
  Result r = chronik("eval --errors --gold " + quote(gold) + " --system " + quote(system));
  CHECK(r.exit_code == 0);
  CHECK(r.out == kTotalReport +
                     "\n"
                     "errors (kind, document, gold, system, context)\n"
                     "wrong value\tdoc1\t\"gestern\" DATE 2025-02-11\t\"gestern\" DATE 2025-02-12\t"
                     "Am 21. Januar 2025 und [gestern] traf er sie, seit drei Jahren täglich.\n"
                     "wrong type\tdoc1\t\"drei Jahren\" DURATION P3Y\t\"drei Jahren\" DATE P3Y\t"
                     "nuar 2025 und gestern traf er sie, seit [drei Jahren] täglich.\n"
                     "missed\tdoc1\t\"täglich\" SET P1D\t-\t"
                     "d gestern traf er sie, seit drei Jahren [täglich].\n"
                     "spurious\tdoc1\t-\t\"traf\" DATE XXXX\t"
                     "Am 21. Januar 2025 und gestern [traf] er sie, seit drei Jahren täglich.\n"
                     "spurious\tdoc1\t-\t\"er\" TIME XXXX-XX-XXT10:00 APPROX\t"
                     "Am 21. Januar 2025 und gestern traf [er] sie, seit drei Jahren täglich.\n");
}

TEST_CASE("eval: a gold document the system left out is all missed, unknown ids are ignored") {
  TempDir dir;
  std::string gold = dir.write("gold.jsonl", kGold);
  std::string system = dir.write(
      "system.jsonl",
      R"({"id": "doc2", "text": "heute", "timex": [{"begin": 0, "end": 5, "type": "DATE", )"
      R"("value": "2025-02-12"}]})"
      "\n"
      R"({"id": "doc9", "text": "x", "timex": [{"begin": 0, "end": 1, "type": "DATE", )"
      R"("value": "2025"}]})"
      "\n");
  Result r = chronik("eval --gold " + quote(gold) + " --system " + quote(system));
  CHECK(r.exit_code == 0);
  std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() >= 5);
  CHECK(lines[0] == "gold 5, system 1, relaxed matches 1");
  CHECK(lines[1] == "strict span            P 1.000  R 0.200  F1 0.333");
}

TEST_CASE("eval without --system: chronik tags the gold texts itself") {
  TempDir dir;
  // Gold: two expressions chronik finds with these values, and one it cannot find.
  std::string gold = dir.write(
      "gold.jsonl",
      R"({"id": "a", "dct": "2025-02-12", )"
      R"("text": "Über München kam er am 21. Januar 2024 an, gestern auch die Firma.", "timex": [)"
      R"({"begin": 23, "end": 38, "text": "21. Januar 2024", "type": "DATE", "value": "2024-01-21"}, )"
      R"({"begin": 43, "end": 50, "text": "gestern", "type": "DATE", "value": "2025-02-11"}, )"
      R"({"begin": 60, "end": 65, "text": "Firma", "type": "DATE", "value": "XXXX"}]})"
      "\n");
  Result r = chronik("eval --errors --gold " + quote(gold));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() >= 5);
  CHECK(lines[0] == "gold 3, system 2, relaxed matches 2");
  CHECK(lines[1] == "strict span            P 1.000  R 0.667  F1 0.800");
  CHECK(lines[2] == "relaxed span           P 1.000  R 0.667  F1 0.800");
  CHECK(lines[3] == "accuracy on relaxed    type 1.000  value 1.000");
  CHECK(lines[4] == "value                  P 1.000  R 0.667  F1 0.800");
  CHECK(contains(r.out,
                 "\nmissed\ta\t\"Firma\" DATE XXXX\t-\t"
                 "am 21. Januar 2024 an, gestern auch die [Firma].\n"));

  // --dct overrides the gold documents' dates: "gestern" is now 2025-02-28.
  r = chronik("eval --errors --dct 2025-03-01 --gold " + quote(gold));
  CHECK(r.exit_code == 0);
  lines = split_lines(r.out);
  REQUIRE(lines.size() >= 5);
  CHECK(lines[4] == "value                  P 0.500  R 0.333  F1 0.400");
  CHECK(contains(r.out,
                 "\nwrong value\ta\t\"gestern\" DATE 2025-02-11\t\"gestern\" DATE "
                 "2025-02-28\t"));
}

TEST_CASE("eval: a malformed line fails with FILE:LINE, the other documents are scored") {
  TempDir dir;
  std::string gold = dir.write(
      "gold.jsonl",
      R"({"id": "gut", "text": "heute", "timex": [{"begin": 0, "end": 5, "type": "DATE", )"
      R"("value": "2025-02-12"}]})"
      "\n"
      "{kaputt\n"
      R"({"id": "rückwärts", "text": "heute", "timex": [{"begin": 4, "end": 1}]})"
      "\n");
  std::string system = dir.write("system.jsonl", R"({"id": "gut", "text": "heute", "timex": [)"
                                                 "\n");
  Result r = chronik("eval --gold " + quote(gold) + " --system " + quote(system));
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, gold + ":2: not a JSON object"));
  CHECK(contains(r.err, gold + ":3: a timex ends before it begins"));
  CHECK(contains(r.err, system + ":1: not a JSON object"));
  CHECK(split_lines(r.err).size() == 4);
  CHECK(split_lines(r.err).back() == "chronik: 4 documents, 3 failed");
  CHECK(r.out.rfind("gold 1, system 0, relaxed matches 0\n", 0) == 0);

  Result missing = chronik("eval --gold " + quote((dir.path() / "fehlt.jsonl").string()));
  CHECK(missing.exit_code == 1);
  CHECK(contains(missing.err, "fehlt.jsonl: cannot read"));
}

TEST_CASE("eval: usage errors exit 2 with a one-line hint") {
  TempDir dir;
  std::string gold = quote(dir.write("gold.jsonl", kGold));
  const std::string kUsageErrors[] = {
      "eval",
      "eval --system " + gold,
      "eval --gold " + gold + " samples/softbank-ki.txt",
      "eval --gold " + gold + " --system",
      "eval --gold " + gold + " --dct gestern",
      "eval --gold " + gold + " --grammar does-not-exist",
      "eval --gold " + gold + " --format jsonl",
      "eval --gold " + gold + " --input-format jsonl",
      "eval --gold " + gold + " --input-format text",
  };
  for (const std::string& args : kUsageErrors) {
    CAPTURE(args);
    Result r = chronik(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(is_one_line(r.err));
  }
  Result help = chronik("eval --help");
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "--gold"));
  CHECK(contains(help.out, "--by-subset"));
}

}  // namespace
