// Looking a dict up by a key's text, without making a str for it.
//
// Apart from dict.hpp because few callers need it: "%(name)s" % mapping
// (runtime/str_format.cpp) looks up every name of its format this way, and
// logging formats each record with such a format.
#pragma once

#include <string_view>

#include "runtime/value.hpp"

namespace gilt {

// The value stored under the exact-str key equal to `key`, as dict_get_str
// finds it (never calls Python code, never fails). BORROWED or null.
Value dict_get_str_text(Value dict, std::string_view key) noexcept;

}  // namespace gilt
