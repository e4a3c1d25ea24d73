// bool: a subclass of int whose only values are the immediates True and
// False (runtime/value.hpp), so no bool object is ever allocated. Arithmetic
// is int's (True + True == 2); only &, | and ^ between two bools stay bool.
// bool cannot be subclassed (no kTypeBaseType), as in CPython.
#include "runtime/abstract.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"

namespace gilt {

namespace {

Value bool_repr(ThreadState& ts, Value self) {
    return make_str_known(ts, self.is_true() ? "True" : "False", self.is_true() ? 4 : 5, true);
}

template <BinOp Op>
Value bool_bitwise(ThreadState& ts, Value a, Value b) {
    if (!a.is_bool() || !b.is_bool()) return int_binary(ts, Op, a, b);
    bool x = a.is_true(), y = b.is_true();
    if constexpr (Op == BinOp::And)
        return Value::boolean(x && y);
    else if constexpr (Op == BinOp::Or)
        return Value::boolean(x || y);
    else
        return Value::boolean(x != y);
}

Value bool_new(ThreadState& ts, TypeObject*, Args args) {
    if (args.kw_count() != 0)
        return raise(ts, ts.exc_types().TypeError, "bool() takes no keyword arguments");
    if (args.n > 1)
        return raise_fmt(ts, ts.exc_types().TypeError, "bool expected at most 1 argument, got {}",
                         args.n);
    if (args.n == 0) return Value::false_();
    int t = obj_truthy(ts, args[0]);
    return t < 0 ? Value() : Value::boolean(t);
}

}  // namespace

void define_bool_type(Interpreter&, TypeObject* t) {
    t->instance_kind = ObjKind::Int;
    t->basicsize = sizeof(IntObject);
    t->flags = (t->flags & ~static_cast<uint32_t>(kTypeBaseType)) | kTypeIntSubclass;
    t->repr = bool_repr;
    t->new_ = bool_new;
    t->nb[static_cast<int>(BinOp::And)] = bool_bitwise<BinOp::And>;
    t->nb[static_cast<int>(BinOp::Or)] = bool_bitwise<BinOp::Or>;
    t->nb[static_cast<int>(BinOp::Xor)] = bool_bitwise<BinOp::Xor>;
}

}  // namespace gilt
