#include "rows.h"

#include "chronik/format.h"

namespace chronik {

JsonlRowWriter::JsonlRowWriter(std::span<const ColumnSpec> columns) : columns_(columns) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    std::string key(1, c == 0 ? '{' : ',');
    append_json_string(columns[c].name, &key);
    key.push_back(':');
    keys_.push_back(std::move(key));
  }
}

void JsonlRowWriter::write(const Row& row, std::string* out) const {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    out->append(keys_[c]);
    if (columns_[c].null_when_empty && row[c].empty()) {
      out->append("null");
    } else if (columns_[c].unquoted) {
      out->append(row[c]);
    } else {
      append_json_string(row[c], out);
    }
  }
  out->append(columns_.empty() ? "{}\n" : "}\n");
}

void write_jsonl_rows(std::span<const ColumnSpec> columns, const std::vector<Row>& rows,
                      std::string* out) {
  JsonlRowWriter writer(columns);
  for (const Row& row : rows) writer.write(row, out);
}

void write_csv_rows(std::span<const ColumnSpec> columns, const std::vector<Row>& rows, bool header,
                    std::string* out, const CsvStyle& style) {
  if (header) {
    if (style.byte_order_mark) out->append("\xEF\xBB\xBF");
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) out->push_back(style.separator);
      append_csv_field(columns[c].name, out, style.separator);
    }
    out->append("\r\n");
  }
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) out->push_back(style.separator);
      bool formula =
          !row[c].empty() && std::string_view("=+-@").find(row[c][0]) != std::string_view::npos;
      append_csv_field(style.guard_formulas && formula ? "'" + row[c] : row[c], out,
                       style.separator);
    }
    out->append("\r\n");
  }
}

std::string one_line(std::string_view s) {
  std::string out;
  bool in_space = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      out.push_back(c);
    } else if (!in_space) {
      out.push_back(' ');
    }
    in_space = space;
  }
  return out;
}

}  // namespace chronik
