// The builtins that inspect or convert any object: len, repr, ascii,
// format, hash, id, callable, isinstance, issubclass, the attribute
// functions, iter, next, all, any, sorted, vars, dir.
#include "interp/vm/frame.hpp"
#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/iterators.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/builtins.hpp"

namespace gilt {

namespace {

Value builtin_len(ThreadState& ts, Args args);
Value builtin_repr(ThreadState& ts, Args args);
Value builtin_ascii(ThreadState& ts, Args args);
Value builtin_format(ThreadState& ts, Args args);
Value builtin_hash(ThreadState& ts, Args args);
Value builtin_id(ThreadState& ts, Args args);
Value builtin_callable(ThreadState& ts, Args args);
Value builtin_isinstance(ThreadState& ts, Args args);
Value builtin_issubclass(ThreadState& ts, Args args);
Value builtin_getattr(ThreadState& ts, Args args);
Value builtin_setattr(ThreadState& ts, Args args);
Value builtin_delattr(ThreadState& ts, Args args);
Value builtin_hasattr(ThreadState& ts, Args args);
Value builtin_iter(ThreadState& ts, Args args);
Value builtin_next(ThreadState& ts, Args args);
Value builtin_all(ThreadState& ts, Args args);
Value builtin_any(ThreadState& ts, Args args);
Value builtin_sorted(ThreadState& ts, Args args);
Value builtin_vars(ThreadState& ts, Args args);
Value builtin_dir(ThreadState& ts, Args args);

constexpr MethodDef kObjectFunctions[] = {
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"format", builtin_format},
    {"hash", builtin_hash},
    {"id", builtin_id},
    {"callable", builtin_callable},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"getattr", builtin_getattr},
    {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},
    {"hasattr", builtin_hasattr},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"all", builtin_all},
    {"any", builtin_any},
    {"sorted", builtin_sorted},
    {"vars", builtin_vars},
    {"dir", builtin_dir},
};

bool exactly_one(ThreadState& ts, Args args, const char* name) {
    if (args.kw_count() != 0) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}() takes no keyword arguments", name);
        return false;
    }
    if (args.n != 1) {
        raise_fmt(ts, ts.exc_types().TypeError, "{}() takes exactly one argument ({} given)", name,
                  args.n);
        return false;
    }
    return true;
}

Value builtin_len(ThreadState& ts, Args args) {
    if (!exactly_one(ts, args, "len")) return Value();
    int64_t n = obj_len(ts, args[0]);
    if (n < 0) return Value();
    return make_int(ts, n);
}

Value builtin_repr(ThreadState& ts, Args args) {
    if (!exactly_one(ts, args, "repr")) return Value();
    return obj_repr(ts, args[0]);
}

Value builtin_ascii(ThreadState& ts, Args args) {
    if (!exactly_one(ts, args, "ascii")) return Value();
    return obj_ascii(ts, args[0]);
}

Value builtin_format(ThreadState& ts, Args args) {
    Value v, spec;
    if (!parse_args(ts, args, "format", {"/value", "|", "/format_spec"}, {&v, &spec}))
        return Value();
    if (spec.is_null()) spec = ts.interp().empty_str;
    if (!is_str(ts, spec)) {
        return raise_fmt(ts, ts.exc_types().TypeError, "format() argument 2 must be str, not {}",
                         type_name(ts, spec));
    }
    return obj_format(ts, v, spec);
}

Value builtin_hash(ThreadState& ts, Args args) {
    if (!exactly_one(ts, args, "hash")) return Value();
    int64_t h;
    if (!obj_hash(ts, args[0], &h)) return Value();
    return make_int(ts, h);
}

// The object's address; small ints and the immediate constants have no
// address, so their tagged bits serve (odd, or 2 mod 8: never an address).
Value builtin_id(ThreadState& ts, Args args) {
    if (!exactly_one(ts, args, "id")) return Value();
    return make_int_u64(ts, args[0].bits());
}

Value builtin_callable(ThreadState& ts, Args args) {
    if (!exactly_one(ts, args, "callable")) return Value();
    return Value::boolean(type_of(ts, args[0])->call != nullptr);
}

Value builtin_isinstance(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "isinstance") || !check_nargs(ts, args, "isinstance", 2, 2))
        return Value();
    int r = obj_isinstance(ts, args[0], args[1]);
    return r < 0 ? Value() : Value::boolean(r);
}

Value builtin_issubclass(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "issubclass") || !check_nargs(ts, args, "issubclass", 2, 2))
        return Value();
    int r = obj_issubclass(ts, args[0], args[1]);
    return r < 0 ? Value() : Value::boolean(r);
}

bool check_attr_name(ThreadState& ts, Value name) {
    if (is_str(ts, name)) return true;
    raise_fmt(ts, ts.exc_types().TypeError, "attribute name must be string, not '{}'",
              type_name(ts, name));
    return false;
}

Value builtin_getattr(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "getattr") || !check_nargs(ts, args, "getattr", 2, 3)) return Value();
    if (!check_attr_name(ts, args[1])) return Value();
    if (args.n == 2) return obj_getattr(ts, args[0], args[1]);
    Value r = obj_getattr_opt(ts, args[0], args[1]);
    if (!r.is_null() || ts.has_exception()) return r;
    return new_ref(args[2]);
}

Value builtin_setattr(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "setattr") || !check_nargs(ts, args, "setattr", 3, 3)) return Value();
    if (!check_attr_name(ts, args[1]) || obj_setattr(ts, args[0], args[1], args[2]) < 0)
        return Value();
    return Value::none();
}

Value builtin_delattr(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "delattr") || !check_nargs(ts, args, "delattr", 2, 2)) return Value();
    if (!check_attr_name(ts, args[1]) || obj_delattr(ts, args[0], args[1]) < 0) return Value();
    return Value::none();
}

Value builtin_hasattr(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "hasattr") || !check_nargs(ts, args, "hasattr", 2, 2)) return Value();
    if (!check_attr_name(ts, args[1])) return Value();
    Value r = obj_getattr_opt(ts, args[0], args[1]);
    if (r.is_null()) return ts.has_exception() ? Value() : Value::false_();
    decref(r);
    return Value::true_();
}

Value builtin_iter(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "iter") || !check_nargs(ts, args, "iter", 1, 2)) return Value();
    if (args.n == 1) return obj_iter(ts, args[0]);
    if (type_of(ts, args[0])->call == nullptr)
        return raise(ts, ts.exc_types().TypeError, "iter(v, w): v must be callable");
    return make_callable_iterator(ts, args[0], args[1]);
}

Value builtin_next(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "next") || !check_nargs(ts, args, "next", 1, 2)) return Value();
    Value it = args[0];
    if (type_of(ts, it)->iternext == nullptr) {
        return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not an iterator",
                         type_name(ts, it));
    }
    Value r = iter_next(ts, it);
    if (!r.is_null() || ts.has_exception()) return r;
    if (args.n == 2) return new_ref(args[1]);
    return raise_object(ts, val(ts.exc_types().StopIteration));
}

// all() and any(): stop at the first item whose truth is `stop_at`.
Value truth_scan(ThreadState& ts, Args args, const char* name, bool stop_at) {
    if (!exactly_one(ts, args, name)) return Value();
    Ref it(obj_iter(ts, args[0]));
    if (!it) return Value();
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) return ts.has_exception() ? Value() : Value::boolean(!stop_at);
        int t = obj_truthy(ts, *item);
        if (t < 0) return Value();
        if (static_cast<bool>(t) == stop_at) return Value::boolean(stop_at);
    }
}

Value builtin_all(ThreadState& ts, Args args) {
    return truth_scan(ts, args, "all", false);
}
Value builtin_any(ThreadState& ts, Args args) {
    return truth_scan(ts, args, "any", true);
}

Value builtin_sorted(ThreadState& ts, Args args) {
    if (args.n != 1) {
        return raise_fmt(ts, ts.exc_types().TypeError, "sorted expected 1 argument, got {}",
                         args.n);
    }
    Value iterable, key, reverse;
    if (!parse_args(ts, args, "sorted", {"/iterable", "|", "$key", "$reverse"},
                    {&iterable, &key, &reverse})) {
        return Value();
    }
    bool rev = false;
    if (!reverse.is_null()) {
        int64_t r;
        if (reverse.is_bool())
            rev = reverse.is_true();
        else if (!obj_index(ts, reverse, &r))
            return Value();
        else
            rev = r != 0;
    }
    Ref list(list_from_iterable(ts, iterable));
    if (!list) return Value();
    if (!list_sort(ts, *list, key.is_none() ? Value() : key, rev)) return Value();
    return list.release();
}

Value builtin_vars(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "vars") || !check_nargs(ts, args, "vars", 0, 1)) return Value();
    if (args.n == 0) return current_locals(ts);
    Value d = obj_getattr_opt(ts, args[0], ts.names().__dict__);
    if (!d.is_null() || ts.has_exception()) return d;
    return raise(ts, ts.exc_types().TypeError, "vars() argument must have __dict__ attribute");
}

// A class whose metaclass does not define its own __dir__: dir() lists the
// names in the class and its bases (CPython's type.__dir__), not the
// attributes of the class object as an instance of `type`.
bool is_plain_class(ThreadState& ts, Value v) {
    if (!v.is_object() || v.as_object()->kind != ObjKind::Type) return false;
    Ref dir_name(ts.interp().intern("__dir__"));
    if (!dir_name) {
        clear_exception(ts);
        return false;
    }
    Value meta_dir = type_lookup(type_of(ts, v), *dir_name);
    return meta_dir.is_null() || meta_dir == type_lookup(ts.types().object, *dir_name);
}

Value class_dir(ThreadState& ts, TypeObject* t) {
    Ref names(dict_new(ts));
    if (!names) return Value();
    Value mro = t->mro;
    for (uint64_t i = 0; i < tuple_size(mro); ++i) {
        auto* base = reinterpret_cast<TypeObject*>(tuple_item(mro, i).as_object());
        if (!dict_update(ts, *names, val(base->dict))) return Value();
    }
    return list_from_iterable(ts, *names);
}

Value builtin_dir(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "dir") || !check_nargs(ts, args, "dir", 0, 1)) return Value();
    Ref names;
    if (args.n == 0) {
        Ref locals(current_locals(ts));
        if (!locals) return Value();
        names = Ref(list_from_iterable(ts, *locals));
    } else if (is_plain_class(ts, args[0])) {
        names = Ref(class_dir(ts, reinterpret_cast<TypeObject*>(args[0].as_object())));
    } else {
        Ref dir_name(ts.interp().intern("__dir__"));
        Ref raw(dir_name ? call_special(ts, args[0], *dir_name, {}) : Value());
        if (!raw) return Value();
        names = Ref(list_from_iterable(ts, *raw));
    }
    if (!names || !list_sort(ts, *names, Value(), false)) return Value();
    return names.release();
}

}  // namespace

bool add_builtin_object_functions(ThreadState& ts, Value module) {
    return module_add_functions(ts, module, kObjectFunctions);
}

}  // namespace gilt
