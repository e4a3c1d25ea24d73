// The eval loop's out-of-line slow paths: everything an instruction does
// beyond its fast path, kept here so the loop itself stays short.
#include <cstring>

#include "interp/compiler/opcodes.hpp"
#include "interp/vm/eval.hpp"
#include "interp/vm/eval_helpers.hpp"
#include "interp/vm/import.hpp"
#include "runtime/abstract.hpp"
#include "runtime/descriptors.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/exception.hpp"
#include "runtime/exception_group.hpp"
#include "runtime/gc.hpp"
#include "runtime/generator.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/interrupts.hpp"
#include "runtime/list.hpp"
#include "runtime/range.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/signals.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"

namespace gilt {

namespace {

// exec() with a __builtins__ that is neither a dict nor a module ran with
// an empty stand-in (exec_code); a missing name is looked up in the real
// object by subscription: None or 1 raise TypeError, a mapping may answer.
Value load_from_odd_builtins(ThreadState& ts, Frame* f, Value name) {
    Value b = is_dict(ts, f->globals) ? dict_get_str(f->globals, ts.names().__builtins__) : Value();
    if (b.is_null() || is_dict(ts, b) || (b.is_object() && b.as_object()->kind == ObjKind::Module))
        return raise_name_error(ts, name);
    Ref held = Ref::borrow(b);
    Value v = obj_getitem(ts, b, name);
    if (v.is_null() && exception_matches(ts, ts.exc_types().KeyError)) {
        clear_exception(ts);
        return raise_name_error(ts, name);
    }
    return v;
}

}  // namespace

Value eval_load_global(ThreadState& ts, Frame* f, Value name) {
    bool err = false;
    Value v = dict_get(ts, f->globals, name, &err);
    if (err) return Value();
    if (!v.is_null()) return new_ref(v);
    v = dict_get(ts, f->builtins, name, &err);
    if (err) return Value();
    if (!v.is_null()) return new_ref(v);
    return load_from_odd_builtins(ts, f, name);
}

// LOAD_ATTR without a cache hit: the generic lookup, and a cache fill when
// the attribute's class has the plain layout the fast path assumes (generic
// getattr, no data descriptor of that name along the MRO).
namespace {

// Misses at a site whose ways all serve other live classes before it counts
// as megamorphic; from then on only every kMegamorphicRefill-th miss evicts a
// way, so a site that sees many classes stops paying for fills that the
// next class would evict at once, yet still adapts when the mix changes.
constexpr uint64_t kMegamorphicMisses = 4 * kAttrCacheWays;
constexpr uint64_t kMegamorphicRefill = 32;

// The way to fill for a class of type version `version`: the one it had (a
// refill after the kind changed), else an empty one, else one evicted in
// turn; null while a megamorphic site backs off. ways[0].version2 counts
// the misses that found every way taken.
InlineCache* attr_cache_fill_way(InlineCache* ways, uint64_t version) {
    InlineCache* empty = nullptr;
    for (uint32_t i = 0; i < kAttrCacheWays; ++i) {
        if (ways[i].version == version) return &ways[i];
        if (ways[i].version == 0 && !empty) empty = &ways[i];
    }
    if (empty) return empty;
    uint64_t misses = ways[0].version2++;
    if (misses >= kMegamorphicMisses && misses % kMegamorphicRefill != 0) return nullptr;
    return &ways[misses % kAttrCacheWays];
}

// Fills an attribute cache way after a generic lookup or store of `name` on
// `obj` succeeded, when the class has no data descriptor of that name: a
// compact instance's inline value by its index in the class's keys, or an
// entry of the instance dict.
void fill_attr_cache(ThreadState& ts, Object* o, Value name, InlineCache* ways) {
    TypeObject* t = o->type;
    Value descr = type_lookup(t, name);
    if (!descr.is_null() && type_of(ts, descr)->descr_set) return;
    bool inline_values = (t->flags & kTypeInlineValues) && instance_dict_slot(o)->is_null();
    int i = inline_values ? shared_keys_find(t, name) : -1;
    if (inline_values && i < 0) return;  // a class attribute: nothing to cache yet
    InlineCache* c = attr_cache_fill_way(ways, t->version);
    if (!c) return;
    c->version = t->version;
    c->kind = inline_values ? kAttrInlineValue : kAttrInstanceDict;
    c->index = inline_values ? static_cast<uint32_t>(i) : 0;
}

}  // namespace

Value eval_load_attr_slow(ThreadState& ts, Value obj, Value name, InlineCache* ways) {
    Value r = obj_getattr(ts, obj, name);
    if (r.is_null() || !obj.is_object()) return r;
    TypeObject* t = obj.as_object()->type;
    if (t->getattr != generic_getattr || !t->dict_offset) return r;
    fill_attr_cache(ts, obj.as_object(), name, ways);
    return r;
}

int eval_store_attr_slow(ThreadState& ts, Value obj, Value name, Value v, InlineCache* ways) {
    int r = obj_setattr(ts, obj, name, v);
    if (r < 0 || !obj.is_object()) return r;
    TypeObject* t = obj.as_object()->type;
    if (t->setattr != generic_setattr || !t->dict_offset) return r;
    fill_attr_cache(ts, obj.as_object(), name, ways);
    return r;
}

Value eval_load_method_slow(ThreadState& ts, Value obj, Value name, InlineCache* ways,
                            bool* needs_self) {
    Value m = obj_get_method(ts, obj, name, needs_self);
    if (m.is_null() || !*needs_self || !obj.is_object()) return m;
    TypeObject* t = obj.as_object()->type;
    if (t->getattr != generic_getattr) return m;
    // A compact class: the fast path re-checks only that no name was added
    // to its keys, so a name already there (some instance shadows the
    // method) is not cached.
    if ((t->flags & kTypeInlineValues) && shared_keys_find(t, name) >= 0) return m;
    InlineCache* c = attr_cache_fill_way(ways, t->version);
    if (!c) return m;
    // The method found lives in a type dict, which keeps it alive while the
    // type's version is unchanged.
    c->version = t->version;
    c->kind = kAttrMethod;
    c->value = m;
    c->index = eval_shared_keys_len(t);
    return m;
}

Value eval_load_name(ThreadState& ts, Frame* f, Value name) {
    if (!f->locals.is_null()) {
        if (is_exact_dict(ts, f->locals)) {
            Value v = dict_get_str(f->locals, name);
            if (!v.is_null()) return new_ref(v);
        } else {
            Value v = obj_getitem(ts, f->locals, name);
            if (!v.is_null()) return v;
            if (!exception_matches(ts, ts.exc_types().KeyError)) return Value();
            clear_exception(ts);
        }
    }
    return eval_load_global(ts, f, name);
}

Value eval_import_name(ThreadState& ts, Frame* f, Value name, Value fromlist, Value level) {
    Value import_func = dict_get_str(f->builtins, ts.names().__import__);
    if (import_func.is_null()) return raise(ts, ts.exc_types().ImportError, "__import__ not found");
    if (import_func == ts.interp().import_func)
        return import_module(ts, name, f->globals, fromlist, static_cast<int>(level.as_small_int()),
                             true);
    Ref hold(new_ref(import_func));  // the call may replace it in the builtins
    Value argv[5] = {name, f->globals, f->locals.is_null() ? Value::none() : f->locals, fromlist,
                     level};
    return obj_call(ts, *hold, Args{argv, 5, nullptr});
}

bool eval_store_name(ThreadState& ts, Frame* f, Value name, Value v) {
    Value ns = f->locals.is_null() ? f->globals : f->locals;
    if (is_exact_dict(ts, ns)) return dict_set(ts, ns, name, v);
    return obj_setitem(ts, ns, name, v) == 0;
}

int eval_delete_name(ThreadState& ts, Frame* f, Value name) {
    Value ns = f->locals.is_null() ? f->globals : f->locals;
    int r =
        is_exact_dict(ts, ns) ? dict_del(ts, ns, name) : (obj_delitem(ts, ns, name) == 0 ? 1 : -1);
    if (r == 0) {
        raise_name_error(ts, name);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

Value eval_unbound_local(ThreadState& ts, Frame* f, uint32_t i) {
    return raise_fmt(ts, ts.exc_types().UnboundLocalError,
                     "cannot access local variable '{}' where it is not associated with a value",
                     str_view(f->code->varnames[i]));
}

Value eval_unbound_deref(ThreadState& ts, Frame* f, uint32_t i) {
    CodeObject* co = f->code;
    if (i < co->cellvars.size()) {
        return raise_fmt(
            ts, ts.exc_types().UnboundLocalError,
            "cannot access local variable '{}' where it is not associated with a value",
            str_view(co->cellvars[i]));
    }
    return raise_fmt(ts, ts.exc_types().NameError,
                     "cannot access free variable '{}' where it is not associated with a value in "
                     "enclosing scope",
                     str_view(co->freevars[i - co->cellvars.size()]));
}

Value eval_load_classderef(ThreadState& ts, Frame* f, uint32_t i) {
    CodeObject* co = f->code;
    Value name = i < co->cellvars.size() ? co->cellvars[i] : co->freevars[i - co->cellvars.size()];
    if (!f->locals.is_null() && is_dict(ts, f->locals)) {
        Value v = dict_get_str(f->locals, name);
        if (!v.is_null()) return new_ref(v);
    }
    Value v = cell_get(f->localsplus()[co->nlocals + i]);
    if (v.is_null()) return eval_unbound_deref(ts, f, i);
    return new_ref(v);
}

Value eval_binary_slice(ThreadState& ts, Value obj, Value start, Value stop) {
    const BuiltinTypes& types = ts.types();
    auto bound = [](Value v, int64_t dflt, int64_t* out) {
        if (v.is_none())
            *out = dflt;
        else if (v.is_small_int())
            *out = v.as_small_int();
        else
            return false;
        return true;
    };
    TypeObject* t = obj.is_object() ? obj.as_object()->type : nullptr;
    int64_t lo, hi;
    if ((t == types.str || t == types.list || t == types.tuple) && bound(start, 0, &lo) &&
        bound(stop, INT64_MAX, &hi)) {
        int64_t len = static_cast<int64_t>(t == types.str    ? str_len(obj)
                                           : t == types.list ? list_size(obj)
                                                             : tuple_size(obj));
        int64_t n = slice_adjust_indices(len, &lo, &hi, 1);
        if (n == 0) hi = lo;
        if (t == types.str) return str_slice(ts, obj, lo, hi, 1);
        if (t == types.list)
            return list_slice(ts, obj, static_cast<uint64_t>(lo), static_cast<uint64_t>(hi));
        return tuple_slice(ts, obj, static_cast<uint64_t>(lo), static_cast<uint64_t>(hi));
    }
    Ref slice(make_slice(ts, start, stop, Value::none()));
    if (!slice) return Value();
    return obj_getitem(ts, obj, *slice);
}

bool eval_unpack(ThreadState& ts, Value seq, uint32_t n, Value* out) {
    Ref it(obj_iter(ts, seq));
    if (!it) {
        if (exception_matches(ts, ts.exc_types().TypeError) && !type_of(ts, seq)->iter &&
            !type_of(ts, seq)->getitem) {
            clear_exception(ts);
            raise_fmt(ts, ts.exc_types().TypeError, "cannot unpack non-iterable {} object",
                      type_name(ts, seq));
        }
        return false;
    }
    std::vector<Value> items;
    items.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
        Value v = iter_next(ts, *it);
        if (v.is_null()) {
            for (Value x : items) decref(x);
            if (!ts.has_exception()) {
                raise_fmt(ts, ts.exc_types().ValueError,
                          "not enough values to unpack (expected {}, got {})", n, i);
            }
            return false;
        }
        items.push_back(v);
    }
    Value extra = iter_next(ts, *it);
    if (!extra.is_null() || ts.has_exception()) {
        decref(extra);
        for (Value x : items) decref(x);
        if (!ts.has_exception())
            raise_fmt(ts, ts.exc_types().ValueError, "too many values to unpack (expected {})", n);
        return false;
    }
    for (uint32_t i = 0; i < n; ++i) out[i] = items[n - 1 - i];
    return true;
}

bool eval_unpack_ex(ThreadState& ts, Value seq, uint32_t before, uint32_t after, Value* out) {
    Ref list(list_from_iterable(ts, seq));
    if (!list) {
        if (exception_matches(ts, ts.exc_types().TypeError) && !type_of(ts, seq)->iter &&
            !type_of(ts, seq)->getitem) {
            clear_exception(ts);
            raise_fmt(ts, ts.exc_types().TypeError, "cannot unpack non-iterable {} object",
                      type_name(ts, seq));
        }
        return false;
    }
    uint64_t n = list_size(*list);
    if (n < before + after) {
        raise_fmt(ts, ts.exc_types().ValueError,
                  "not enough values to unpack (expected at least {}, got {})", before + after, n);
        return false;
    }
    // Pushed in reverse: the first target's value ends on top.
    uint32_t total = before + after + 1;
    Value* slot = out + total - 1;
    for (uint32_t i = 0; i < before; ++i) *slot-- = new_ref(list_item(*list, i));
    Value middle = list_from_array(ts, list_obj(*list)->items + before, n - before - after);
    if (middle.is_null()) return false;
    *slot-- = middle;
    for (uint32_t i = 0; i < after; ++i) *slot-- = new_ref(list_item(*list, n - after + i));
    return true;
}

Value eval_make_function(ThreadState& ts, Frame* f, uint32_t flags, Value* sp) {
    Value code = sp[-1];
    int k = 2;
    Value closure = (flags & kMakeClosure) ? sp[-k++] : Value();
    Value annotations = (flags & kMakeAnnotations) ? sp[-k++] : Value();
    Value kwdefaults = (flags & kMakeKwDefaults) ? sp[-k++] : Value();
    Value defaults = (flags & kMakeDefaults) ? sp[-k++] : Value();
    Value fn = make_function(ts, code, f->globals, code_obj(code)->qualname);
    if (fn.is_null()) return fn;
    FunctionObject* fo = func_obj(fn);
    fo->closure = new_ref(closure);
    fo->kwdefaults = new_ref(kwdefaults);
    fo->defaults = new_ref(defaults);
    fo->annotations = new_ref(annotations);
    return fn;
}

namespace {

// The most derived metaclass among the explicit one and the bases' types.
TypeObject* calculate_metaclass(ThreadState& ts, TypeObject* meta, Value bases) {
    TypeObject* winner = meta;
    for (uint64_t i = 0; i < tuple_size(bases); ++i) {
        TypeObject* t = type_of(ts, tuple_item(bases, i));
        if (type_is_subtype(winner, t)) continue;
        if (type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        raise(ts, ts.exc_types().TypeError,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
              "subclass of the metaclasses "
              "of all its bases");
        return nullptr;
    }
    return winner;
}

}  // namespace

namespace {

// PEP 560: a base that is not a class may stand for classes (typing's
// Generic[T] stands for Generic) through its __mro_entries__(bases). Returns
// the bases with those replaced (the same tuple when none is), or null.
Value resolve_mro_entries(ThreadState& ts, Value bases) {
    Ref name(ts.interp().intern("__mro_entries__"));
    if (!name) return Value();
    std::vector<Ref> out;
    bool changed = false;
    for (uint64_t i = 0; i < tuple_size(bases); ++i) {
        Value base = tuple_item(bases, i);
        Ref hook;
        if (!(base.is_object() && base.as_object()->kind == ObjKind::Type)) {
            hook = Ref(obj_getattr_opt(ts, base, *name));
            if (!hook && ts.has_exception()) return Value();
        }
        if (!hook) {
            out.push_back(Ref::borrow(base));
            continue;
        }
        Ref entries(obj_call(ts, *hook, Args{&bases, 1, nullptr}));
        if (!entries) return Value();
        if (!is_tuple(ts, *entries))
            return raise(ts, ts.exc_types().TypeError, "__mro_entries__ must return a tuple");
        for (uint64_t k = 0; k < tuple_size(*entries); ++k)
            out.push_back(Ref::borrow(tuple_item(*entries, k)));
        changed = true;
    }
    if (!changed) return new_ref(bases);
    Ref result(tuple_new(ts, out.size()));
    if (!result) return Value();
    for (std::size_t i = 0; i < out.size(); ++i) tuple_obj(*result)->items[i] = new_ref(*out[i]);
    return result.release();
}

}  // namespace

Value eval_make_class(ThreadState& ts, Value func, Value name, Value orig_bases, Value kw) {
    Ref resolved(resolve_mro_entries(ts, orig_bases));
    if (!resolved) return Value();
    Value bases = *resolved;
    Ref kwargs(kw.is_null() ? Value() : dict_copy(ts, kw));
    Value meta_v;
    if (kwargs) {
        // intern() returns a new reference: the Ref drops it after the lookup.
        Ref key(ts.interp().intern("metaclass"));
        if (!key) return Value();
        meta_v = dict_get_str(*kwargs, *key);
        if (!meta_v.is_null()) {
            incref(meta_v);
            if (dict_del(ts, *kwargs, *key) < 0) {
                decref(meta_v);
                return Value();
            }
        }
    }
    Ref meta(meta_v);
    bool is_type =
        !meta || (meta.get().is_object() && meta.get().as_object()->kind == ObjKind::Type);
    if (is_type) {
        TypeObject* m =
            meta ? reinterpret_cast<TypeObject*>(meta.get().as_object())
                 : (tuple_size(bases) ? type_of(ts, tuple_item(bases, 0)) : ts.types().type);
        TypeObject* w = calculate_metaclass(ts, m, bases);
        if (!w) return Value();
        meta = Ref::borrow(val(w));
    }
    // namespace = meta.__prepare__(name, bases, **kw)
    Ref ns;
    Value prepare = obj_getattr_opt(ts, *meta, ts.names().__prepare__);
    if (prepare.is_null() && ts.has_exception()) return Value();
    Ref prep(prepare);
    if (prep && !(meta.get() == val(ts.types().type))) {
        Value argv[2] = {name, bases};
        ns = Ref(obj_call(ts, *prep, Args{argv, 2, nullptr}));
    } else {
        ns = Ref(dict_new(ts));
    }
    if (!ns) return Value();
    Ref cell(run_class_body(ts, func, *ns));
    if (!cell) return Value();
    if (bases != orig_bases && obj_setitem(ts, *ns, ts.names().__orig_bases__, orig_bases) < 0)
        return Value();
    // meta(name, bases, ns, **kw)
    std::vector<Value> argv{name, bases, *ns};
    Ref kwnames;
    if (kwargs && dict_size(*kwargs)) {
        kwnames = Ref(tuple_new(ts, dict_size(*kwargs)));
        uint64_t pos = 0, i = 0;
        Value k, v;
        while (dict_next(*kwargs, &pos, &k, &v)) {
            tuple_obj(*kwnames)->items[i++] = new_ref(k);
            argv.push_back(v);
        }
    }
    return obj_call(ts, *meta, Args{argv.data(), 3, kwnames ? tuple_obj(*kwnames) : nullptr});
}

// How CPython names a callable in call errors (_PyObject_FunctionStr):
// "mod.qualname()", or "qualname()" for builtins. Called with no exception
// pending; never fails.
std::string function_str(ThreadState& ts, Value func) {
    std::string out;
    Ref qualname(obj_getattr_opt(ts, func, ts.names().__qualname__));
    if (qualname && is_str(ts, *qualname)) {
        Ref module(obj_getattr_opt(ts, func, ts.names().__module__));
        if (module && is_str(ts, *module) && str_view(*module) != "builtins") {
            out = fmt::format("{}.{}()", str_view(*module), str_view(*qualname));
        } else {
            out = fmt::format("{}()", str_view(*qualname));
        }
    } else {
        clear_exception(ts);
        Ref s(obj_str(ts, func));
        out = s ? std::string(str_view(*s)) : std::string("function");
    }
    clear_exception(ts);
    return out;
}

// {**other}: unlike dict.update, the operand must be a mapping (a dict or
// anything with keys()); a list of pairs is TypeError, as in CPython.
bool eval_dict_update(ThreadState& ts, Value dict, Value other) {
    if (!is_dict(ts, other)) {
        Ref keys_name(make_str(ts, "keys"));
        if (!keys_name) return false;
        Ref keys(obj_getattr_opt(ts, other, *keys_name));
        if (!keys) {
            if (!ts.has_exception())
                raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not a mapping",
                          type_name(ts, other));
            return false;
        }
    }
    return dict_update(ts, dict, other);
}

int eval_dict_merge(ThreadState& ts, Value dict, Value other, Value func) {
    if (!is_dict(ts, other)) {
        Value keys_fn = obj_getattr_opt(ts, other, ts.names().keys);
        if (keys_fn.is_null()) {
            if (!ts.has_exception()) {
                std::string desc = function_str(ts, func);
                raise_fmt(ts, ts.exc_types().TypeError,
                          "{} argument after ** must be a mapping, not {}", desc,
                          type_name(ts, other));
            }
            return -1;
        }
        decref(keys_fn);
    }
    Ref copy(dict_new(ts));
    if (!copy || !dict_update(ts, *copy, other)) return -1;
    uint64_t pos = 0;
    Value k, v;
    while (dict_next(*copy, &pos, &k, &v)) {
        bool err = false;
        if (!dict_get(ts, dict, k, &err).is_null()) {
            Ref r(obj_repr(ts, k));
            raise_fmt(ts, ts.exc_types().TypeError, "got multiple values for keyword argument {}",
                      r ? std::string(str_view(*r)) : std::string("?"));
            return -1;
        }
        if (err || !dict_set(ts, dict, k, v)) return -1;
    }
    return 0;
}

// CALL_EX: f(*args, **kwargs), with `self` (from LOAD_METHOD) first when set.
Value eval_call_ex(ThreadState& ts, Value callable, Value self, Value args, Value kwargs) {
    Ref posargs(is_exact_tuple(ts, args) ? new_ref(args) : tuple_from_iterable(ts, args));
    if (!posargs) {
        if (exception_matches(ts, ts.exc_types().TypeError) && !type_of(ts, args)->iter &&
            !type_of(ts, args)->getitem) {
            clear_exception(ts);
            std::string desc = function_str(ts, callable);
            raise_fmt(ts, ts.exc_types().TypeError,
                      "{} argument after * must be an iterable, not {}", desc, type_name(ts, args));
        }
        return Value();
    }
    uint64_t npos = tuple_size(*posargs);
    bool no_kwargs = kwargs.is_null() || dict_size(kwargs) == 0;
    if (no_kwargs && self.is_null())
        return obj_call(ts, callable, Args{tuple_obj(*posargs)->items, uint32_t(npos), nullptr});
    if (no_kwargs)
        return call_prepending(ts, callable, self,
                               Args{tuple_obj(*posargs)->items, uint32_t(npos), nullptr});
    std::vector<Value> argv;
    if (!self.is_null()) argv.push_back(self);
    argv.insert(argv.end(), tuple_obj(*posargs)->items, tuple_obj(*posargs)->items + npos);
    uint32_t n = static_cast<uint32_t>(argv.size());
    if (no_kwargs) return obj_call(ts, callable, Args{argv.data(), n, nullptr});
    Ref kwnames(tuple_new(ts, dict_size(kwargs)));
    if (!kwnames) return Value();
    uint64_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        if (!is_str(ts, k)) return raise(ts, ts.exc_types().TypeError, "keywords must be strings");
        tuple_obj(*kwnames)->items[i++] = new_ref(k);
        argv.push_back(v);
    }
    return obj_call(ts, callable, Args{argv.data(), n, tuple_obj(*kwnames)});
}

Value eval_format_value(ThreadState& ts, Value v, uint32_t flags, Value spec) {
    Ref conv;
    switch (flags & kFormatConvMask) {
        case kFormatStr:
            conv = Ref(obj_str(ts, v));
            break;
        case kFormatRepr:
            conv = Ref(obj_repr(ts, v));
            break;
        case kFormatAscii:
            conv = Ref(obj_ascii(ts, v));
            break;
        default:
            conv = Ref::borrow(v);
    }
    if (!conv) return Value();
    if (spec.is_null()) {
        if (is_exact_str(ts, *conv)) return conv.release();
        return obj_format(ts, *conv, ts.interp().empty_str);
    }
    return obj_format(ts, *conv, spec);
}

// The pieces are strs with known lengths: size the result once and copy
// each piece in, with no re-scan of the text.
Value eval_build_string(ThreadState& ts, Value* items, uint32_t n) {
    uint64_t bytes = 0, chars = 0;
    for (uint32_t i = 0; i < n; ++i) {
        StrObject* p = str_obj(items[i]);
        bytes += p->byte_len;
        chars += p->char_len;
    }
    if (bytes <= 1) {  // "" and one-byte results are the interpreter's shared strs
        for (uint32_t i = 0; i < n; ++i)
            if (str_obj(items[i])->byte_len) return make_str(ts, str_view(items[i]));
        return str_empty(ts);
    }
    StrObject* r = str_alloc(ts, bytes, chars, bytes == chars);
    if (!r) return Value();
    char* out = r->data;
    for (uint32_t i = 0; i < n; ++i) {
        StrObject* p = str_obj(items[i]);
        std::memcpy(out, p->data, p->byte_len);
        out += p->byte_len;
    }
    return val(r);
}

bool eval_check_eg_match(ThreadState& ts, Value exc, Value spec, Value* match, Value* rest) {
    if (check_except_star_type(ts, spec) < 0) return false;
    if (!exception_group_match(ts, exc, spec, match, rest)) return false;
    if (!match->is_none()) set_ref(ts.exc_info, new_ref(*match));
    return true;
}

// RAISE_VARARGS. Returns true when the exception is re-raised as is (bare
// `raise`), so no new traceback entry is added.
bool eval_raise(ThreadState& ts, Value exc, Value cause, uint32_t n) {
    if (n == 0) {
        if (ts.exc_info.is_null()) {
            raise(ts, ts.exc_types().RuntimeError, "No active exception to reraise");
            return false;
        }
        restore_exception(ts, new_ref(ts.exc_info));
        return true;
    }
    Ref e(exc);
    Ref c(cause);
    Ref inst;
    if (is_exception_type(ts, *e)) {
        inst = Ref(call0(ts, *e));
        if (!inst) return false;
        if (!is_exception_instance(ts, *inst)) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "calling {} should have returned an instance of BaseException, not {}",
                      type_name(ts, *e), type_name(ts, *inst));
            return false;
        }
    } else if (is_exception_instance(ts, *e)) {
        inst = e;
    } else {
        raise(ts, ts.exc_types().TypeError, "exceptions must derive from BaseException");
        return false;
    }
    if (n == 2) {
        Ref cause_inst;
        if (c.get().is_none()) {
            cause_inst = Ref();
        } else if (is_exception_type(ts, *c)) {
            cause_inst = Ref(call0(ts, *c));
            if (!cause_inst) return false;
        } else if (is_exception_instance(ts, *c)) {
            cause_inst = c;
        } else {
            raise(ts, ts.exc_types().TypeError, "exception causes must derive from BaseException");
            return false;
        }
        ExceptionObject* eo = exc_obj(*inst);
        set_ref(eo->cause, cause_inst.release());
        eo->suppress_context = true;
    }
    raise_instance(ts, inst.release());
    return false;
}

Value eval_before_with(ThreadState& ts, Value mgr, Value* exit_out, bool* exit_takes_mgr,
                       bool async) {
    Value enter_name = async ? ts.names().__aenter__ : ts.names().__enter__;
    Value exit_name = async ? ts.names().__aexit__ : ts.names().__exit__;
    Value enter = lookup_special(ts, mgr, enter_name);
    Value exit = lookup_special(ts, mgr, exit_name);
    if (enter.is_null() || exit.is_null()) {
        if (async) {
            return raise_fmt(
                ts, ts.exc_types().TypeError,
                "'{}' object does not support the asynchronous context manager protocol",
                type_name(ts, mgr));
        }
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'{}' object does not support the context manager protocol",
                         type_name(ts, mgr));
    }
    // A plain __exit__ is kept unbound with the manager as its self (the
    // CALL layout), so no bound method is made and dropped per `with`.
    *exit_takes_mgr = binds_as_method(exit);
    TypeObject* et = type_of(ts, exit);
    Ref bound(*exit_takes_mgr || !et->descr_get
                  ? new_ref(exit)
                  : et->descr_get(ts, exit, mgr, val(type_of(ts, mgr))));
    if (!bound) return Value();
    Value res = call_bound_special(ts, enter, mgr, Args{});
    if (res.is_null()) return res;
    *exit_out = bound.release();
    return res;
}

Value eval_with_except_start(ThreadState& ts, Value exit, Value exit_self, Value exc) {
    ExceptionObject* eo = exc_obj(exc);
    Value argv[4] = {exit_self, val(type_of(ts, exc)), exc,
                     eo->traceback.is_null() ? Value::none() : eo->traceback};
    if (exit_self.is_null()) return obj_call(ts, exit, Args{argv + 1, 3, nullptr});
    return obj_call(ts, exit, Args{argv, 4, nullptr});
}

bool eval_print_expr(ThreadState& ts, Value v) {
    Ref hook(obj_getattr(ts, ts.interp().sys, ts.names().displayhook));
    if (!hook) return false;
    Ref r(call1(ts, *hook, v));
    return !r.is_null();
}

Value eval_get_awaitable(ThreadState& ts, Value v) {
    if (v.is_object() && v.as_object()->type == ts.types().coroutine) return new_ref(v);
    Value f = lookup_special(ts, v, ts.names().__await__);
    if (f.is_null()) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "object {} can't be used in 'await' expression", type_name(ts, v));
    }
    Ref it(call_bound_special(ts, f, v, Args{}));
    if (!it) return Value();
    if (it.get().is_object() && it.get().as_object()->type == ts.types().coroutine) {
        return raise(ts, ts.exc_types().TypeError, "__await__() returned a coroutine");
    }
    if (!type_of(ts, *it)->iternext) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "__await__() returned non-iterator of type '{}'", type_name(ts, *it));
    }
    return it.release();
}

Value eval_get_aiter(ThreadState& ts, Value v) {
    Value f = lookup_special(ts, v, ts.names().__aiter__);
    if (f.is_null()) {
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "'async for' requires an object with __aiter__ method, got {}",
                         type_name(ts, v));
    }
    return call_bound_special(ts, f, v, Args{});
}

Value eval_get_anext(ThreadState& ts, Value aiter) {
    Value f = lookup_special(ts, aiter, ts.names().__anext__);
    if (f.is_null()) {
        return raise_fmt(
            ts, ts.exc_types().TypeError,
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            type_name(ts, aiter));
    }
    Ref aw(call_bound_special(ts, f, aiter, Args{}));
    if (!aw) return Value();
    return eval_get_awaitable(ts, *aw);
}

SendResult eval_send(ThreadState& ts, Value receiver, Value v, Value* out) {
    if (is_generator_like(receiver)) return gen_send(ts, receiver, v, out);
    Value r;
    if (v.is_none()) {
        r = iter_next(ts, receiver);
        if (r.is_null() && !ts.has_exception()) {
            *out = Value::none();
            return SendResult::Returned;
        }
    } else {
        r = call_method(ts, receiver, ts.names().send, {v});
    }
    if (!r.is_null()) {
        *out = r;
        return SendResult::Yielded;
    }
    if (exception_matches(ts, ts.exc_types().StopIteration)) {
        Ref exc(fetch_exception(ts));
        Value args = exc_obj(*exc)->args;
        *out = (!args.is_null() && tuple_size(args) > 0) ? new_ref(tuple_item(args, 0))
                                                         : Value::none();
        return SendResult::Returned;
    }
    return SendResult::Error;
}

// Module and class bodies with annotated names get an __annotations__ dict.
bool eval_setup_annotations(ThreadState& ts, Frame* f) {
    Value ns = f->locals.is_null() ? f->globals : f->locals;
    Ref name(ts.interp().intern("__annotations__"));
    if (!name) return false;
    if (is_exact_dict(ts, ns)) {
        if (!dict_get_str(ns, *name).is_null()) return true;
        Ref d(dict_new(ts));
        return d && dict_set(ts, ns, *name, *d);
    }
    Ref d(dict_new(ts));
    return d && obj_setitem(ts, ns, *name, *d) == 0;
}

void eval_instruction_check(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    if (interp.gil.scheduled()) {
        interp.gil.sched_tick(ts.gil_thread);
    } else if ((interp.eval_breaker.load(std::memory_order_relaxed) & kEvalBreakerGilDrop) &&
               interp.gil.drop_requested()) {
        interp.gil.yield(ts.gil_thread);
    }
}

// A check point found the eval breaker set: hand the GIL over if someone
// asked for it, raise KeyboardInterrupt for a pending SIGINT, raise a host
// interrupt, count a sandbox's budget, deliver an asynchronous exception.
bool eval_handle_breaker(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    uint32_t bits = interp.eval_breaker.load(std::memory_order_relaxed);
    if ((bits & kEvalBreakerGilDrop) && interp.gil.drop_requested())
        interp.gil.yield(ts.gil_thread);
    if ((bits & kEvalBreakerSignals) && !run_pending_signals(ts)) return false;
    if (bits & kEvalBreakerGc) gc_maybe_collect(ts);
    if ((bits & kEvalBreakerInterrupt) && !take_host_interrupt(ts)) return false;
    if ((bits & kEvalBreakerSandbox) && !sandbox_check_point(ts)) return false;
    if (!ts.async_exc.is_null()) {
        Value exc = ts.async_exc;
        ts.async_exc = Value();
        return raise_object(ts, exc).is_null() && (decref(exc), false);
    }
    return true;
}

}  // namespace gilt
