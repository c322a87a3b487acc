#include "chronik/jsonl.h"

#include <simdjson.h>

namespace chronik {

struct JsonlReader::Parser {
  simdjson::dom::parser dom;
};

JsonlReader::JsonlReader() : parser_(std::make_unique<Parser>()) {}
JsonlReader::~JsonlReader() = default;

namespace {

std::string read_field(std::string_view key, simdjson::dom::element value, Document* doc,
                       bool* has_text) {
  using simdjson::dom::element_type;
  auto type = value.type();
  std::string_view s;
  bool is_string = type == element_type::STRING && value.get_string().get(s) == simdjson::SUCCESS;
  if (key == "id") {
    if (is_string) {
      doc->id = s;
    } else if (type == element_type::INT64 || type == element_type::UINT64) {
      doc->id = simdjson::minify(value);
    } else {
      return "\"id\" must be a string";
    }
  } else if (key == "text") {
    if (!is_string) return "\"text\" must be a string";
    doc->text = s;
    *has_text = true;
  } else if (key == "dct") {
    if (type == element_type::NULL_VALUE) return {};
    if (!is_string) return "\"dct\" must be a string or null";
    doc->date = DocumentDate::parse(s);
    if (!doc->date)
      return "\"dct\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: \"" + std::string(s) +
             "\"";
  } else if (key == "doc_type") {
    auto parsed = is_string ? parse_doc_type(s) : std::nullopt;
    if (!parsed) return "\"doc_type\" must be \"news\" or \"narrative\"";
    doc->type = *parsed;
  }
  return {};
}

}  // namespace

std::string JsonlReader::read(std::string_view line, std::string_view fallback_id, Document* doc) {
  doc->id = fallback_id;
  doc->text.clear();
  doc->date.reset();
  doc->body_begin = 0;
  simdjson::dom::element root;
  if (auto error = parser_->dom.parse(line.data(), line.size()).get(root)) {
    return std::string("not a JSON object: ") + simdjson::error_message(error);
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return "not a JSON object";
  bool has_text = false;
  for (auto field : object) {
    std::string problem = read_field(field.key, field.value, doc, &has_text);
    if (!problem.empty()) return problem;
  }
  if (!has_text) return "no \"text\" field";
  return {};
}

}  // namespace chronik
