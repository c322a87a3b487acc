#include "chronik/jsonl.h"

#include <simdjson.h>

#include "utf8.h"

namespace chronik {

struct JsonlReader::Parser {
  simdjson::dom::parser dom;
  std::string repaired;  // a copy of the line, repaired, when it was not UTF-8
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
    if (!parsed) {
      return "\"doc_type\" must be \"news\" or \"narrative\"" +
             (is_string ? ", got \"" + std::string(s) + "\"" : std::string());
    }
    doc->type = *parsed;
  }
  return {};
}

std::string read_annotation(simdjson::dom::element element, Annotation* a) {
  simdjson::dom::object object;
  if (element.get_object().get(object) != simdjson::SUCCESS) return "a timex is not an object";
  bool has_begin = false, has_end = false;
  for (auto field : object) {
    std::string_view key = field.key;
    if (key == "begin" || key == "end") {
      uint64_t offset = 0;
      if (field.value.get_uint64().get(offset) != simdjson::SUCCESS) {
        return "timex \"" + std::string(key) + "\" must be a number";
      }
      (key == "begin" ? a->begin : a->end) = offset;
      (key == "begin" ? has_begin : has_end) = true;
      continue;
    }
    std::string* target = key == "text"    ? &a->text
                          : key == "type"  ? &a->type
                          : key == "value" ? &a->value
                          : key == "mod"   ? &a->mod
                          : key == "freq"  ? &a->freq
                                           : nullptr;
    if (!target) continue;
    std::string_view s;
    if (field.value.get_string().get(s) != simdjson::SUCCESS) {
      if ((key == "mod" || key == "freq") && field.value.is_null()) continue;
      return "timex \"" + std::string(key) + "\" must be a string";
    }
    *target = s;
  }
  if (!has_begin || !has_end) return "a timex needs \"begin\" and \"end\"";
  if (a->end < a->begin) return "a timex ends before it begins";
  return {};
}

std::string read_timex(simdjson::dom::element value, AnnotatedDocument* doc) {
  simdjson::dom::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return "\"timex\" must be an array";
  for (simdjson::dom::element element : array) {
    Annotation a;
    if (std::string problem = read_annotation(element, &a); !problem.empty()) return problem;
    doc->timex.push_back(std::move(a));
  }
  return {};
}

}  // namespace

std::string JsonlReader::read(std::string_view line, std::string_view fallback_id, Document* doc) {
  return parse(line, fallback_id, doc, nullptr);
}

std::string JsonlReader::read_annotated(std::string_view line, std::string_view fallback_id,
                                        AnnotatedDocument* doc) {
  doc->subset.clear();
  doc->timex.clear();
  return parse(line, fallback_id, &doc->doc, doc);
}

std::string JsonlReader::parse(std::string_view line, std::string_view fallback_id, Document* doc,
                               AnnotatedDocument* annotated) {
  doc->id = fallback_id;
  doc->text.clear();
  doc->date.reset();
  doc->body_begin = 0;
  repaired_ = false;
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (line.starts_with(kByteOrderMark)) line.remove_prefix(kByteOrderMark.size());
  simdjson::dom::element root;
  auto error = parser_->dom.parse(line.data(), line.size()).get(root);
  if (error == simdjson::UTF8_ERROR) {
    parser_->repaired.assign(line);
    repaired_ = utf8::repair(&parser_->repaired);
    error = parser_->dom.parse(parser_->repaired).get(root);
  }
  if (error) return std::string("not a JSON object: ") + simdjson::error_message(error);
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return "not a JSON object";
  // The id first, so that a line with other problems is still reported by its id.
  simdjson::dom::element id;
  bool has_text = false;
  if (object.at_key("id").get(id) == simdjson::SUCCESS) {
    if (std::string problem = read_field("id", id, doc, &has_text); !problem.empty()) {
      return problem;
    }
  }
  for (auto field : object) {
    std::string problem;
    if (field.key == "id") continue;
    if (annotated && field.key == "timex") {
      problem = read_timex(field.value, annotated);
    } else if (annotated && field.key == "subset") {
      std::string_view subset;
      if (field.value.get_string().get(subset) != simdjson::SUCCESS) {
        return "\"subset\" must be a string";
      }
      annotated->subset = subset;
    } else {
      problem = read_field(field.key, field.value, doc, &has_text);
    }
    if (!problem.empty()) return problem;
  }
  if (!has_text) return "no \"text\" field";
  return {};
}

}  // namespace chronik
