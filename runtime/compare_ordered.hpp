// x `op` y for two ordered C++ values, as the bool Value a rich-comparison
// slot returns: the last step of comparing sequences by length, and every
// comparison of datetime's types, which reduce to integers.
#pragma once

#include "runtime/type.hpp"
#include "runtime/value.hpp"

namespace gilt {

template <typename T>
inline Value compare_ordered(T x, T y, CompareOp op) noexcept {
    switch (op) {
        case CompareOp::Lt:
            return Value::boolean(x < y);
        case CompareOp::Le:
            return Value::boolean(x <= y);
        case CompareOp::Eq:
            return Value::boolean(x == y);
        case CompareOp::Ne:
            return Value::boolean(x != y);
        case CompareOp::Gt:
            return Value::boolean(x > y);
        case CompareOp::Ge:
            return Value::boolean(x >= y);
    }
    return Value::false_();
}

}  // namespace gilt
