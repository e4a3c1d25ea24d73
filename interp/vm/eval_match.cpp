// The match statement's instructions (MATCH_SEQUENCE, MATCH_MAPPING,
// MATCH_KEYS, MATCH_CLASS, COPY_DICT_WITHOUT_KEYS): the tests PEP 634
// defines, with CPython 3.11's error messages.
//
// CPython decides "is a sequence / a mapping" from type flags that
// collections.abc sets when a class registers with or inherits from
// Sequence or Mapping. Here the builtin types are decided directly, and any
// other object is asked isinstance(subject, Sequence) of the
// _collections_abc module when some code has imported it (a class can only
// have registered if it was).
#include "interp/vm/eval_helpers.hpp"

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/set.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"

namespace gilt {

namespace {

// isinstance(subject, _collections_abc.<abc>), or 0 when nobody imported it.
int abc_isinstance(ThreadState& ts, Value subject, const char* abc) {
    Value module = dict_get_cstr(ts, ts.interp().modules, "_collections_abc");
    if (module.is_null()) return 0;
    Ref cls(obj_getattr_cstr(ts, module, abc));
    if (!cls) return -1;
    return obj_isinstance(ts, subject, *cls);
}

bool is_class(Value v) {
    return v.is_object() && v.as_object()->kind == ObjKind::Type;
}

// Types whose instances match one positional sub-pattern as a whole
// (`case int(x)`), CPython's _Py_TPFLAGS_MATCH_SELF.
bool matches_self(ThreadState& ts, TypeObject* t) {
    auto& ty = ts.types();
    for (TypeObject* self_type : {ty.bool_, ty.bytearray, ty.bytes, ty.dict, ty.float_,
                                  ty.frozenset, ty.int_, ty.list, ty.set, ty.str, ty.tuple}) {
        if (type_is_subtype(t, self_type)) return true;
    }
    return false;
}

// getattr(subject, name), or null with no exception when it has none.
Value match_attribute(ThreadState& ts, Value subject, Value name, Value seen) {
    int dup = set_contains(ts, seen, name);
    if (dup < 0) return Value();
    if (dup > 0) {
        Ref r(obj_repr(ts, name));
        return r ? raise_fmt(ts, ts.exc_types().TypeError,
                             "{}() got multiple sub-patterns for attribute {}",
                             type_of(ts, subject)->name_cstr, str_view(*r))
                 : Value();
    }
    if (!set_add(ts, seen, name)) return Value();
    return obj_getattr_opt(ts, subject, name);
}

}  // namespace

int eval_match_sequence(ThreadState& ts, Value subject) {
    TypeObject* t = type_of(ts, subject);
    auto& ty = ts.types();
    if (type_is_subtype(t, ty.str) || type_is_subtype(t, ty.bytes) ||
        type_is_subtype(t, ty.bytearray))
        return 0;
    if (type_is_subtype(t, ty.list) || type_is_subtype(t, ty.tuple) || type_is_subtype(t, ty.range))
        return 1;
    if (type_is_subtype(t, ty.dict) || type_is_subtype(t, ty.int_) || type_is_subtype(t, ty.float_))
        return 0;
    return abc_isinstance(ts, subject, "Sequence");
}

int eval_match_mapping(ThreadState& ts, Value subject) {
    TypeObject* t = type_of(ts, subject);
    if (type_is_subtype(t, ts.types().dict)) return 1;
    if (type_is_subtype(t, ts.types().list) || type_is_subtype(t, ts.types().tuple) ||
        type_is_subtype(t, ts.types().str)) {
        return 0;
    }
    return abc_isinstance(ts, subject, "Mapping");
}

Value eval_match_keys(ThreadState& ts, Value subject, Value keys) {
    const uint64_t n = tuple_size(keys);
    if (n == 0) return tuple_new(ts, 0);
    Ref get(obj_getattr_cstr(ts, subject, "get"));
    Ref missing(get ? tuple_new(ts, 0) : Value());  // a fresh object: no mapping holds it
    Ref seen(missing ? set_new(ts) : Value());
    Ref values(seen ? tuple_new(ts, n) : Value());
    if (!values) return Value();
    for (uint64_t i = 0; i < n; ++i) {
        Value key = tuple_item(keys, i);
        int dup = set_contains(ts, *seen, key);
        if (dup < 0) return Value();
        if (dup > 0) {
            Ref r(obj_repr(ts, key));
            return r ? raise_fmt(ts, ts.exc_types().ValueError,
                                 "mapping pattern checks duplicate key ({})", str_view(*r))
                     : Value();
        }
        if (!set_add(ts, *seen, key)) return Value();
        Value v = call2(ts, *get, key, *missing);
        if (v.is_null()) return Value();
        if (v == *missing) {
            decref(v);
            return Value::none();
        }
        tuple_obj(*values)->items[i] = v;
    }
    return values.release();
}

Value eval_copy_dict_without_keys(ThreadState& ts, Value subject, Value keys) {
    Ref rest(dict_new(ts));
    if (!rest || !dict_update(ts, *rest, subject)) return Value();
    for (uint64_t i = 0; i < tuple_size(keys); ++i) {
        if (obj_delitem(ts, *rest, tuple_item(keys, i)) < 0) return Value();
    }
    return rest.release();
}

Value eval_match_class(ThreadState& ts, Value subject, Value cls, uint32_t npos, Value names) {
    if (!is_class(cls))
        return raise(ts, ts.exc_types().TypeError, "called match pattern must be a type");
    int is = obj_isinstance(ts, subject, cls);
    if (is < 0) return Value();
    if (is == 0) return Value::none();
    auto* type = reinterpret_cast<TypeObject*>(cls.as_object());
    const uint64_t nkw = tuple_size(names);
    Ref attrs(tuple_new(ts, npos + nkw));
    Ref seen(attrs ? set_new(ts) : Value());
    if (!seen) return Value();
    if (npos > 0) {
        Ref match_args(obj_getattr_opt(ts, cls, ts.names().__match_args__));
        if (!match_args && ts.has_exception()) return Value();
        uint64_t allowed;
        bool self_match = false;
        if (match_args) {
            if (!is_exact_tuple(ts, *match_args)) {
                return raise_fmt(ts, ts.exc_types().TypeError,
                                 "{}.__match_args__ must be a tuple (got {})", type->name_cstr,
                                 type_name(ts, *match_args));
            }
            allowed = tuple_size(*match_args);
        } else {
            self_match = matches_self(ts, type);
            allowed = self_match ? 1 : 0;
        }
        if (npos > allowed) {
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "{}() accepts {} positional sub-pattern{} ({} given)", type->name_cstr,
                             allowed, allowed == 1 ? "" : "s", npos);
        }
        if (self_match) {
            tuple_obj(*attrs)->items[0] = new_ref(subject);
        } else {
            for (uint32_t i = 0; i < npos; ++i) {
                Value name = tuple_item(*match_args, i);
                if (!is_str(ts, name)) {
                    return raise_fmt(ts, ts.exc_types().TypeError,
                                     "__match_args__ elements must be strings (got {})",
                                     type_name(ts, name));
                }
                Value v = match_attribute(ts, subject, name, *seen);
                if (v.is_null()) return ts.has_exception() ? Value() : Value::none();
                tuple_obj(*attrs)->items[i] = v;
            }
        }
    }
    for (uint64_t i = 0; i < nkw; ++i) {
        Value v = match_attribute(ts, subject, tuple_item(names, i), *seen);
        if (v.is_null()) return ts.has_exception() ? Value() : Value::none();
        tuple_obj(*attrs)->items[npos + i] = v;
    }
    return attrs.release();
}

}  // namespace gilt
