// _functools: partial, reduce and cmp_to_key in C++ (the rest of functools
// is Python, stdlib/lib/functools.py).
//
// A partial keeps its function, a tuple of leading positional arguments and
// a dict of keywords; a call lays out partial args + call args + the merged
// keywords in one array and makes a single vectorcall. partial(partial(f, a), b)
// flattens to partial(f, a, b), as CPython does.
#include <cstddef>
#include <string>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/instance.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value functools_reduce(ThreadState& ts, Args args);
Value functools_cmp_to_key(ThreadState& ts, Args args);

constexpr MethodDef kFunctoolsFunctions[] = {
    {"reduce", functools_reduce},
    {"cmp_to_key", functools_cmp_to_key},
};

struct PartialObject {
    Object hdr;
    Value fn;    // owned
    Value args;  // owned tuple
    Value kw;    // owned dict
    Value dict;  // __dict__ (owned, may be null)
};

PartialObject* partial_obj(Value v) {
    return reinterpret_cast<PartialObject*>(v.as_object());
}

struct FunctoolsTypes {
    TypeObject* partial = nullptr;
    TypeObject* key_wrapper = nullptr;
};
FunctoolsTypes& functools_types(Interpreter& interp);

// --- partial ---

Value partial_get_func(ThreadState&, Value self) {
    return new_ref(partial_obj(self)->fn);
}
Value partial_get_args(ThreadState&, Value self) {
    return new_ref(partial_obj(self)->args);
}
Value partial_get_keywords(ThreadState&, Value self) {
    return new_ref(partial_obj(self)->kw);
}

constexpr GetSetDef kPartialGetSets[] = {
    {"func", partial_get_func},
    {"args", partial_get_args},
    {"keywords", partial_get_keywords},
};

Value partial_new(ThreadState& ts, TypeObject* type, Args args) {
    if (args.n < 1)
        return raise(ts, ts.exc_types().TypeError, "type 'partial' takes at least one argument");
    Value fn = args[0];
    if (type_of(ts, fn)->call == nullptr)
        return raise(ts, ts.exc_types().TypeError, "the first argument must be callable");
    Ref pos(tuple_from_array(ts, args.v + 1, args.n - 1));
    Ref kw(dict_new(ts));
    if (!pos || !kw) return Value();
    Ref inner_kw;
    TypeObject* partial_type = functools_types(ts.interp()).partial;
    if (fn.is_object() && fn.as_object()->type == partial_type && partial_obj(fn)->dict.is_null()) {
        PartialObject* inner = partial_obj(fn);
        Ref joined(binary_op(ts, BinOp::Add, inner->args, *pos));
        if (!joined || !dict_update(ts, *kw, inner->kw)) return Value();
        pos = std::move(joined);
        fn = inner->fn;
    }
    for (uint32_t i = 0; i < args.kw_count(); ++i) {
        if (!dict_set(ts, *kw, args.kwnames->items[i], args.v[args.n + i])) return Value();
    }
    auto* p = alloc_gc<PartialObject>(type, type->basicsize);
    if (!p) return raise_memory_error(ts);
    p->fn = new_ref(fn);
    p->args = pos.release();
    p->kw = kw.release();
    return val(p);
}

Value partial_call(ThreadState& ts, Value self, Args args) {
    PartialObject* p = partial_obj(self);
    Ref keep = Ref::borrow(self);
    uint64_t npre = tuple_size(p->args);
    uint32_t ncall_kw = args.kw_count();
    if (dict_size(p->kw) == 0) {
        std::vector<Value> v(npre + args.n + ncall_kw);
        for (uint64_t i = 0; i < npre; ++i) v[i] = tuple_item(p->args, i);
        for (uint32_t i = 0; i < args.n + ncall_kw; ++i) v[npre + i] = args.v[i];
        return obj_call(ts, p->fn,
                        Args{v.data(), static_cast<uint32_t>(npre + args.n), args.kwnames});
    }
    Ref kw(dict_copy(ts, p->kw));
    if (!kw) return Value();
    for (uint32_t i = 0; i < ncall_kw; ++i) {
        if (!dict_set(ts, *kw, args.kwnames->items[i], args.v[args.n + i])) return Value();
    }
    uint64_t nkw = dict_size(*kw);
    Ref names(tuple_new(ts, nkw));
    if (!names) return Value();
    std::vector<Value> v(npre + args.n + nkw);
    for (uint64_t i = 0; i < npre; ++i) v[i] = tuple_item(p->args, i);
    for (uint32_t i = 0; i < args.n; ++i) v[npre + i] = args.v[i];
    uint64_t pos = 0, k = 0;
    Value key, value;
    while (dict_next(*kw, &pos, &key, &value)) {
        tuple_obj(*names)->items[k] = new_ref(key);
        v[npre + args.n + k] = value;
        ++k;
    }
    return obj_call(ts, p->fn,
                    Args{v.data(), static_cast<uint32_t>(npre + args.n),
                         reinterpret_cast<TupleObject*>((*names).as_object())});
}

Value partial_repr(ThreadState& ts, Value self) {
    PartialObject* p = partial_obj(self);
    ReprGuard guard(self);
    if (guard.recursive()) return make_str(ts, "...");
    TypeObject* t = type_of(ts, self);
    Value mod = type_lookup_cstr(ts, t, "__module__");
    std::string out =
        (!mod.is_null() && is_str(ts, mod)) ? std::string(str_view(mod)) + "." : std::string();
    out += str_view(t->qualname);
    out += '(';
    Ref fr(obj_repr(ts, p->fn));
    if (!fr) return Value();
    out += str_view(*fr);
    for (uint64_t i = 0; i < tuple_size(p->args); ++i) {
        Ref r(obj_repr(ts, tuple_item(p->args, i)));
        if (!r) return Value();
        out += ", ";
        out += str_view(*r);
    }
    Ref keys(dict_keys_list(ts, p->kw));
    if (!keys) return Value();
    for (uint64_t i = 0; i < list_size(*keys); ++i) {
        Value k = list_item(*keys, i);
        Value v = dict_get_str(p->kw, k);
        if (v.is_null()) continue;
        Ref r(obj_repr(ts, v));
        if (!r) return Value();
        out += fmt::format(", {}={}", str_view(k), str_view(*r));
    }
    out += ')';
    return make_str(ts, out);
}

void partial_clear(Object* o) {
    auto* p = reinterpret_cast<PartialObject*>(o);
    clear_ref(p->fn);
    clear_ref(p->args);
    clear_ref(p->kw);
    clear_ref(p->dict);
}

void partial_dealloc(Object* o) {
    partial_clear(o);
    free_object(o);
}

void partial_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* p = reinterpret_cast<PartialObject*>(o);
    for (Value v : {p->fn, p->args, p->kw, p->dict})
        if (!v.is_null()) visit(v, ctx);
}

// --- reduce ---

Value functools_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "reduce", 2, 3)) return Value();
    Ref it(obj_iter(ts, args[1]));
    if (!it) return Value();
    Ref acc(args.n == 3 ? new_ref(args[2]) : Value());
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) {
            if (ts.has_exception()) return Value();
            break;
        }
        if (!acc) {
            acc = std::move(item);
            continue;
        }
        acc = Ref(call2(ts, args[0], *acc, *item));
        if (!acc) return Value();
    }
    if (!acc)
        return raise(ts, ts.exc_types().TypeError,
                     "reduce() of empty iterable with no initial value");
    return acc.release();
}

// --- cmp_to_key ---

struct KeyWrapperObject {
    Object hdr;
    Value cmp;  // owned
    Value obj;  // owned; null in the wrapper cmp_to_key returns
};

KeyWrapperObject* kw_obj(Value v) {
    return reinterpret_cast<KeyWrapperObject*>(v.as_object());
}

Value make_key_wrapper(ThreadState& ts, Value cmp, Value obj) {
    auto* k = alloc_gc<KeyWrapperObject>(functools_types(ts.interp()).key_wrapper);
    if (!k) return raise_memory_error(ts);
    k->cmp = new_ref(cmp);
    k->obj = new_ref(obj);
    return val(k);
}

Value functools_cmp_to_key(ThreadState& ts, Args args) {
    Value cmp;
    if (!parse_args(ts, args, "cmp_to_key", {"mycmp"}, {&cmp})) return Value();
    return make_key_wrapper(ts, cmp, Value());
}

Value key_wrapper_call(ThreadState& ts, Value self, Args args) {
    Value obj;
    if (!parse_args(ts, args, "K", {"obj"}, {&obj})) return Value();
    return make_key_wrapper(ts, kw_obj(self)->cmp, obj);
}

Value key_wrapper_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (type_of(ts, b) != type_of(ts, a))
        return raise(ts, ts.exc_types().TypeError, "other argument must be K instance");
    KeyWrapperObject* ka = kw_obj(a);
    KeyWrapperObject* kb = kw_obj(b);
    if (ka->obj.is_null() || kb->obj.is_null())
        return raise(ts, ts.exc_types().AttributeError, "object");
    Ref r(call2(ts, ka->cmp, ka->obj, kb->obj));
    if (!r) return Value();
    return rich_compare(ts, *r, Value::small_int(0), op);
}

// CPython names the C type "functools.KeyWrapper" in this message.
bool key_wrapper_hash(ThreadState& ts, Value, int64_t*) {
    raise(ts, ts.exc_types().TypeError, "unhashable type: 'functools.KeyWrapper'");
    return false;
}

Value key_wrapper_get_obj(ThreadState& ts, Value self) {
    Value o = kw_obj(self)->obj;
    if (o.is_null()) return raise(ts, ts.exc_types().AttributeError, "obj");
    return new_ref(o);
}

int key_wrapper_set_obj(ThreadState&, Value self, Value v) {
    set_ref(kw_obj(self)->obj, new_ref(v));
    return 0;
}

constexpr GetSetDef kKeyWrapperGetSets[] = {
    {"obj", key_wrapper_get_obj, key_wrapper_set_obj},
};

void key_wrapper_dealloc(Object* o) {
    auto* k = reinterpret_cast<KeyWrapperObject*>(o);
    clear_ref(k->cmp);
    clear_ref(k->obj);
    free_object(o);
}

void key_wrapper_traverse(Object* o, VisitFn visit, void* ctx) {
    auto* k = reinterpret_cast<KeyWrapperObject*>(o);
    if (!k->cmp.is_null()) visit(k->cmp, ctx);
    if (!k->obj.is_null()) visit(k->obj, ctx);
}

void key_wrapper_clear(Object* o) {
    auto* k = reinterpret_cast<KeyWrapperObject*>(o);
    clear_ref(k->cmp);
    clear_ref(k->obj);
}

// The pickle recipe: (type, (fn,), (fn, args, keywords, __dict__ or None)),
// rebuilt by __setstate__.
Value partial_reduce(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__reduce__", 0, 0)) return Value();
    PartialObject* p = partial_obj(args[0]);
    Ref fn_args(tuple_pack(ts, {p->fn}));
    Value d = p->dict.is_null() ? Value::none() : p->dict;
    Ref state(tuple_pack(ts, {p->fn, p->args, p->kw, d}));
    if (!fn_args || !state) return Value();
    return tuple_pack(ts, {val(type_of(ts, args[0])), *fn_args, *state});
}

Value partial_setstate(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "__setstate__", 1, 1)) return Value();
    Value state = args[1];
    if (!is_tuple(ts, state) || tuple_size(state) != 4)
        return raise(ts, ts.exc_types().TypeError, "invalid partial state");
    Value fn = tuple_item(state, 0), fargs = tuple_item(state, 1), kw = tuple_item(state, 2),
          d = tuple_item(state, 3);
    if (type_of(ts, fn)->call == nullptr || !is_tuple(ts, fargs) ||
        (!kw.is_none() && !is_dict(ts, kw)))
        return raise(ts, ts.exc_types().TypeError, "invalid partial state");
    Ref new_args(tuple_from_array(ts, &tuple_obj(fargs)->items[0], tuple_size(fargs)));
    Ref new_kw(kw.is_none() ? dict_new(ts) : dict_copy(ts, kw));
    if (!new_args || !new_kw) return Value();
    PartialObject* p = partial_obj(args[0]);
    set_ref(p->fn, new_ref(fn));
    set_ref(p->args, new_args.release());
    set_ref(p->kw, new_kw.release());
    if (d.is_none())
        clear_ref(p->dict);
    else if (is_dict(ts, d))
        set_ref(p->dict, dict_copy(ts, d));
    return Value::none();
}

constexpr MethodDef kPartialMethods[] = {
    {"__reduce__", partial_reduce},
    {"__setstate__", partial_setstate},
};

// --- types ---

TypeObject* make_partial_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "partial", ObjKind::Native, sizeof(PartialObject),
                                       interp.types.object, kTypeBaseType | kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->dict_offset = offsetof(PartialObject, dict);
    t->new_ = partial_new;
    t->call = partial_call;
    t->repr = partial_repr;
    t->dealloc = partial_dealloc;
    t->traverse = partial_traverse;
    t->clear = partial_clear;
    type_add_getsets(interp, t, kPartialGetSets);
    type_add_methods(interp, t, kPartialMethods);
    Ref mod(interp.intern("functools"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

TypeObject* make_key_wrapper_type(Interpreter& interp) {
    TypeObject* t = type_alloc_builtin(interp, "KeyWrapper", ObjKind::Native,
                                       sizeof(KeyWrapperObject), interp.types.object, kTypeHasGc);
    t->hdr.type = interp.types.type;
    t->call = key_wrapper_call;
    t->richcompare = key_wrapper_richcompare;
    t->hash = key_wrapper_hash;
    t->dealloc = key_wrapper_dealloc;
    t->traverse = key_wrapper_traverse;
    t->clear = key_wrapper_clear;
    type_add_getsets(interp, t, kKeyWrapperGetSets);
    Ref mod(interp.intern("functools"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
    return t;
}

FunctoolsTypes& functools_types(Interpreter& interp) {
    return module_state<FunctoolsTypes>(interp, "_functools", [&](FunctoolsTypes& types) {
        types.partial = make_partial_type(interp);
        types.key_wrapper = make_key_wrapper_type(interp);
    });
}

}  // namespace

Value init_functools_module(ThreadState& ts) {
    FunctoolsTypes& types = functools_types(ts.interp());
    Ref m(module_new(ts, "_functools"));
    if (!m || !module_add_functions(ts, *m, kFunctoolsFunctions) ||
        !module_add_value(ts, *m, "partial", val(types.partial)) ||
        !module_add_value(ts, *m, "KeyWrapper", val(types.key_wrapper))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
