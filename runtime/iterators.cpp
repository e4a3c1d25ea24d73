// The iterator types not tied to one container: the old __getitem__
// sequence iterator, iter(callable, sentinel), enumerate, zip, map, filter
// and reversed, after CPython's iterobject.c, enumobject.c and
// bltinmodule.c.
//
// All of them iterate through their `iternext` slot, which returns null
// with no exception pending once exhausted; an iterator that has finished
// drops what it was iterating (CPython does the same, so that an exhausted
// iterator stays exhausted and frees its source early). enumerate and zip
// reuse their result tuple when the consumer has already dropped it (the
// usual `for i, x in enumerate(...)`), as CPython does.
#include "runtime/iterators.hpp"

#include <memory>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

namespace {

Value reversed_length_hint(ThreadState& ts, Args args);
Value seqiter_length_hint(ThreadState& ts, Args args);

constexpr MethodDef kReversedMethods[] = {
    {"__length_hint__", reversed_length_hint},
};

constexpr MethodDef kSeqIterMethods[] = {
    {"__length_hint__", seqiter_length_hint},
};

struct SeqIterObject {  // iterator and reversed
    Object hdr;
    Value seq;      // owned; null once exhausted
    int64_t index;  // next index (reversed: counts down)
};

struct CallIterObject {
    Object hdr;
    Value callable;  // owned; null once exhausted
    Value sentinel;  // owned
};

struct EnumerateObject {
    Object hdr;
    Value iter;       // owned
    int64_t index;    // next index while it fits a small int
    Value big_index;  // owned int once the index is large (or started large), else null
    Value result;     // owned: the last (index, item) tuple
};

struct ZipObject {
    Object hdr;
    Value iters;   // owned tuple of iterators
    Value result;  // owned: the last result tuple, or null
    bool strict;
};

struct MapObject {
    Object hdr;
    Value func;   // owned
    Value iters;  // owned tuple of iterators
};

struct FilterObject {
    Object hdr;
    Value func;  // owned; None (or bool) means "truth of the item"
    Value iter;  // owned
};

// Generic dealloc/traverse/clear over an object's owned Value fields,
// listed once per type by a member-pointer table.
template <class T, Value T::*... Fields>
struct OwnedFields {
    static void dealloc(Object* o) {
        clear(o);
        free_object(o);
    }
    static void traverse(Object* o, VisitFn visit, void* ctx) {
        T* self = reinterpret_cast<T*>(o);
        for (Value v : {(self->*Fields)...}) {
            if (!v.is_null()) visit(v, ctx);
        }
    }
    static void clear(Object* o) {
        T* self = reinterpret_cast<T*>(o);
        (clear_ref(self->*Fields), ...);
    }
    static void install(TypeObject* t) {
        t->instance_kind = ObjKind::Native;
        t->basicsize = sizeof(T);
        t->flags |= kTypeHasGc;
        t->dealloc = dealloc;
        t->traverse = traverse;
        t->clear = clear;
        t->iter = iter_self;
    }
};

using SeqIterFields = OwnedFields<SeqIterObject, &SeqIterObject::seq>;
using CallIterFields =
    OwnedFields<CallIterObject, &CallIterObject::callable, &CallIterObject::sentinel>;
using EnumerateFields = OwnedFields<EnumerateObject, &EnumerateObject::iter,
                                    &EnumerateObject::big_index, &EnumerateObject::result>;
using ZipFields = OwnedFields<ZipObject, &ZipObject::iters, &ZipObject::result>;
using MapFields = OwnedFields<MapObject, &MapObject::func, &MapObject::iters>;
using FilterFields = OwnedFields<FilterObject, &FilterObject::func, &FilterObject::iter>;

template <class T>
T* alloc_iter(ThreadState& ts, TypeObject* type) {
    T* o = alloc_gc<T>(type);  // a subclass's larger basicsize wins inside alloc_gc
    if (!o) raise_memory_error(ts);
    return o;
}

// True when the pending exception is IndexError or StopIteration (the end
// of an old-protocol sequence); clears it.
bool clear_end_of_sequence(ThreadState& ts) {
    if (!exception_matches(ts, ts.exc_types().IndexError) &&
        !exception_matches(ts, ts.exc_types().StopIteration)) {
        return false;
    }
    clear_exception(ts);
    return true;
}

// A tuple of n items for the next result, reusing `*cache` when nobody
// else holds it. Items of a reused tuple are left in place for the caller
// to replace with set_ref.
Value result_tuple(ThreadState& ts, Value* cache, uint64_t n) {
    if (!cache->is_null() && cache->as_object()->refcnt == 1) return new_ref(*cache);
    Value t = tuple_new(ts, n);
    if (!t.is_null()) set_ref(*cache, new_ref(t));
    return t;
}

// An iterator for each argument, as a tuple.
Value iter_tuple(ThreadState& ts, const Value* items, uint32_t n) {
    Ref t(tuple_new(ts, n));
    if (!t) return Value();
    for (uint32_t i = 0; i < n; ++i) {
        Value it = obj_iter(ts, items[i]);
        if (it.is_null()) return Value();
        tuple_obj(*t)->items[i] = it;
    }
    return t.release();
}

// --- iterator (old sequence protocol) ---

Value seqiter_next(ThreadState& ts, Value self) {
    auto* it = as<SeqIterObject>(self);
    if (it->seq.is_null()) return Value();
    if (it->index == INT64_MAX)
        return raise(ts, ts.exc_types().OverflowError, "iter index too large");
    Ref index(make_int(ts, it->index));
    if (!index) return Value();
    Value r = obj_getitem(ts, it->seq, *index);
    if (!r.is_null()) {
        ++it->index;
        return r;
    }
    if (clear_end_of_sequence(ts)) clear_ref(it->seq);
    return Value();
}

Value seqiter_length_hint(ThreadState& ts, Args args) {
    auto* it = as<SeqIterObject>(args[0]);
    if (it->seq.is_null()) return Value::small_int(0);
    if (!type_of(ts, it->seq)->len) return Value::not_implemented();
    int64_t n = obj_len(ts, it->seq);
    if (n < 0) return Value();
    return Value::small_int(n > it->index ? n - it->index : 0);
}

// --- callable_iterator ---

Value calliter_next(ThreadState& ts, Value self) {
    auto* it = as<CallIterObject>(self);
    if (it->callable.is_null()) return Value();
    Value r = call0(ts, it->callable);
    if (r.is_null()) {
        if (exception_matches(ts, ts.exc_types().StopIteration)) {
            clear_exception(ts);
            CallIterFields::clear(&it->hdr);
        }
        return Value();
    }
    int done = rich_compare_bool(ts, it->sentinel, r, CompareOp::Eq);
    if (done == 0) return r;
    decref(r);
    if (done > 0) CallIterFields::clear(&it->hdr);
    return Value();
}

// --- enumerate ---

// enumerate(iterable, start=0), with CPython's exact messages (its parser
// words them differently from arg_parse's).
bool enumerate_args(ThreadState& ts, Args args, Value* iterable, Value* start) {
    uint32_t nkw = args.kw_count();
    if (args.n + nkw > 2) {
        raise_fmt(ts, ts.exc_types().TypeError, "enumerate() takes at most 2 arguments ({} given)",
                  args.n + nkw);
        return false;
    }
    *iterable = args.n > 0 ? args[0] : Value();
    *start = args.n > 1 ? args[1] : Value();
    for (uint32_t i = 0; i < nkw; ++i) {
        std::string_view name = str_view(tuple_item(val(args.kwnames), i));
        Value v = args.v[args.n + i];
        if (name == "iterable" && args.n == 0) {
            *iterable = v;
        } else if (name == "start" && args.n < 2 && !(iterable->is_null() && i == 0 && nkw == 1)) {
            *start = v;
        } else {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "'{}' is an invalid keyword argument for enumerate()", name);
            return false;
        }
    }
    if (iterable->is_null()) {
        raise(ts, ts.exc_types().TypeError, "enumerate() missing required argument 'iterable'");
        return false;
    }
    return true;
}

Value enumerate_new(ThreadState& ts, TypeObject* type, Args args) {
    Value iterable, start;
    if (!enumerate_args(ts, args, &iterable, &start)) return Value();
    Ref big;
    int64_t index = 0;
    if (!start.is_null()) {
        if (!start.is_small_int() && !start.is_bool() && !is_int(start) &&
            !type_of(ts, start)->nb_index) {
            return raise_fmt(ts, ts.exc_types().TypeError,
                             "'{}' object cannot be interpreted as an integer",
                             type_name(ts, start));
        }
        if (start.is_small_int()) {
            index = start.as_small_int();
        } else if (start.is_bool()) {
            index = start.is_true();
        } else {
            Value as_int = is_int(start) ? new_ref(start) : type_of(ts, start)->nb_index(ts, start);
            if (as_int.is_null()) return Value();
            big = Ref(int_binary(ts, BinOp::Add, as_int, Value::small_int(0)));  // an exact int
            decref(as_int);
            if (!big) return Value();
            if (big.get().is_small_int()) index = big.release().as_small_int();
        }
    }
    Ref it(obj_iter(ts, iterable));
    if (!it) return Value();
    auto* en = alloc_iter<EnumerateObject>(ts, type);
    if (!en) return Value();
    en->iter = it.release();
    en->index = index;
    en->big_index = big.release();
    return val(en);
}

// The index to pair with the next item (a new reference), advancing it.
Value enumerate_take_index(ThreadState& ts, EnumerateObject* en) {
    if (en->big_index.is_null()) {
        if (en->index < Value::kSmallMax) return Value::small_int(en->index++);
        en->big_index = make_int(ts, en->index);
        if (en->big_index.is_null()) return Value();
    }
    Value next = int_binary(ts, BinOp::Add, en->big_index, Value::small_int(1));
    if (next.is_null()) return next;
    Value current = en->big_index;
    en->big_index = next;
    return current;
}

Value enumerate_next(ThreadState& ts, Value self) {
    auto* en = as<EnumerateObject>(self);
    Value item = type_of(ts, en->iter)->iternext(ts, en->iter);
    if (item.is_null()) return item;
    Value index = enumerate_take_index(ts, en);
    if (index.is_null()) {
        decref(item);
        return index;
    }
    Value r = result_tuple(ts, &en->result, 2);
    if (r.is_null()) {
        decref(item);
        decref(index);
        return r;
    }
    set_ref(tuple_obj(r)->items[0], index);
    set_ref(tuple_obj(r)->items[1], item);
    return r;
}

// --- zip ---

// zip(*iterables, strict=False)
bool zip_parse_strict(ThreadState& ts, Args args, bool* strict) {
    uint32_t nkw = args.kw_count();
    *strict = false;
    if (nkw == 0) return true;
    if (nkw > 1) {
        raise_fmt(ts, ts.exc_types().TypeError, "zip() takes at most 1 keyword argument ({} given)",
                  nkw);
        return false;
    }
    Value name = tuple_item(val(args.kwnames), 0);
    if (str_view(name) != "strict") {
        raise_fmt(ts, ts.exc_types().TypeError, "'{}' is an invalid keyword argument for zip()",
                  str_view(name));
        return false;
    }
    int t = obj_truthy(ts, args.v[args.n]);
    *strict = t > 0;
    return t >= 0;
}

Value zip_new(ThreadState& ts, TypeObject* type, Args args) {
    bool strict;
    if (!zip_parse_strict(ts, args, &strict)) return Value();
    Ref iters(iter_tuple(ts, args.v, args.n));
    if (!iters) return Value();
    auto* z = alloc_iter<ZipObject>(ts, type);
    if (!z) return Value();
    z->iters = iters.release();
    z->strict = strict;
    return val(z);
}

// "zip() argument 2 is shorter than argument 1" / "... than arguments 1-2".
Value zip_length_mismatch(ThreadState& ts, uint64_t i, const char* what) {
    return raise_fmt(ts, ts.exc_types().ValueError, "zip() argument {} is {} than argument{}{}",
                     i + 1, what, i == 1 ? " " : "s 1-", i);
}

// strict=True and iterator i ran out: the others must all be exhausted too.
Value zip_check_strict(ThreadState& ts, ZipObject* z, uint64_t i) {
    if (ts.has_exception()) return Value();
    if (i > 0) return zip_length_mismatch(ts, i, "shorter");
    uint64_t n = tuple_size(z->iters);
    for (i = 1; i < n; ++i) {
        Value it = tuple_item(z->iters, i);
        Value item = type_of(ts, it)->iternext(ts, it);
        if (!item.is_null()) {
            decref(item);
            return zip_length_mismatch(ts, i, "longer");
        }
        if (ts.has_exception()) return Value();
    }
    return Value();
}

Value zip_next(ThreadState& ts, Value self) {
    auto* z = as<ZipObject>(self);
    uint64_t n = tuple_size(z->iters);
    if (n == 0) return Value();
    Ref r(result_tuple(ts, &z->result, n));
    if (!r) return Value();
    for (uint64_t i = 0; i < n; ++i) {
        Value it = tuple_item(z->iters, i);
        Value item = type_of(ts, it)->iternext(ts, it);
        if (item.is_null()) return z->strict ? zip_check_strict(ts, z, i) : Value();
        set_ref(tuple_obj(*r)->items[i], item);
    }
    return r.release();
}

// --- map ---

Value map_new(ThreadState& ts, TypeObject* type, Args args) {
    if (type == ts.types().map && !no_kwargs(ts, args, "map")) return Value();
    if (args.n < 2)
        return raise(ts, ts.exc_types().TypeError, "map() must have at least two arguments.");
    Ref iters(iter_tuple(ts, args.v + 1, args.n - 1));
    if (!iters) return Value();
    auto* m = alloc_iter<MapObject>(ts, type);
    if (!m) return Value();
    m->func = new_ref(args[0]);
    m->iters = iters.release();
    return val(m);
}

Value map_next(ThreadState& ts, Value self) {
    auto* m = as<MapObject>(self);
    uint64_t n = tuple_size(m->iters);
    Value small[8];
    std::unique_ptr<Value[]> heap;
    Value* argv = n <= 8 ? small : (heap = std::make_unique<Value[]>(n)).get();
    uint64_t got = 0;
    Value r;
    for (; got < n; ++got) {
        Value it = tuple_item(m->iters, got);
        argv[got] = type_of(ts, it)->iternext(ts, it);
        if (argv[got].is_null()) break;
    }
    if (got == n) r = obj_call(ts, m->func, Args{argv, static_cast<uint32_t>(n), nullptr});
    for (uint64_t i = 0; i < got; ++i) decref(argv[i]);
    return r;
}

// --- filter ---

Value filter_new(ThreadState& ts, TypeObject* type, Args args) {
    if (type == ts.types().filter && !no_kwargs(ts, args, "filter")) return Value();
    if (!check_nargs(ts, args, "filter", 2, 2)) return Value();
    Ref it(obj_iter(ts, args[1]));
    if (!it) return Value();
    auto* f = alloc_iter<FilterObject>(ts, type);
    if (!f) return Value();
    f->func = new_ref(args[0]);
    f->iter = it.release();
    return val(f);
}

Value filter_next(ThreadState& ts, Value self) {
    auto* f = as<FilterObject>(self);
    bool truth_only = f->func.is_none() || f->func == val(ts.types().bool_);
    UnarySlot next = type_of(ts, f->iter)->iternext;
    for (;;) {
        Ref item(next(ts, f->iter));
        if (!item) return Value();
        int ok;
        if (truth_only) {
            ok = obj_truthy(ts, *item);
        } else {
            Ref good(call1(ts, f->func, *item));
            ok = good ? obj_truthy(ts, *good) : -1;
        }
        if (ok > 0) return item.release();
        if (ok < 0) return Value();
    }
}

// --- reversed ---

// CPython's reversed_new_impl: seq.__reversed__() when defined (even for
// a subclass of reversed), else a reverse index over __len__/__getitem__.
Value reversed_impl(ThreadState& ts, TypeObject* type, Value seq) {
    Value meth = lookup_special(ts, seq, ts.names().__reversed__);
    if (!meth.is_null() && !meth.is_none()) return call_bound_special(ts, meth, seq, Args{});
    TypeObject* t = type_of(ts, seq);
    bool sequence = t->getitem && !(seq.is_object() && seq.as_object()->kind == ObjKind::Dict);
    if (meth.is_none() || !sequence) {
        return raise_fmt(ts, ts.exc_types().TypeError, "'{}' object is not reversible",
                         type_name(ts, seq));
    }
    int64_t n = obj_len(ts, seq);
    if (n < 0) return Value();
    auto* r = alloc_iter<SeqIterObject>(ts, type);
    if (!r) return Value();
    r->seq = new_ref(seq);
    r->index = n - 1;
    return val(r);
}

Value reversed_new(ThreadState& ts, TypeObject* type, Args args) {
    if (type == ts.types().reversed && !no_kwargs(ts, args, "reversed")) return Value();
    if (args.n != 1) {  // not check_nargs: CPython words this one "expected 1 argument"
        return raise_fmt(ts, ts.exc_types().TypeError, "reversed expected 1 argument, got {}",
                         args.n);
    }
    return reversed_impl(ts, type, args[0]);
}

Value reversed_next(ThreadState& ts, Value self) {
    auto* r = as<SeqIterObject>(self);
    if (r->seq.is_null()) return Value();
    if (r->index >= 0) {
        Ref index(make_int(ts, r->index));
        if (!index) return Value();
        Value item = obj_getitem(ts, r->seq, *index);
        if (!item.is_null()) {
            --r->index;
            return item;
        }
        if (!clear_end_of_sequence(ts)) return Value();
    }
    r->index = -1;
    clear_ref(r->seq);
    return Value();
}

Value reversed_length_hint(ThreadState&, Args args) {
    auto* r = as<SeqIterObject>(args[0]);
    return Value::small_int(r->seq.is_null() ? 0 : r->index + 1);
}

}  // namespace

Value iter_self(ThreadState&, Value self) {
    return new_ref(self);
}

Value make_seq_iterator(ThreadState& ts, Value seq) {
    auto* it = alloc_iter<SeqIterObject>(ts, ts.types().seq_iterator);
    if (!it) return Value();
    it->seq = new_ref(seq);
    return val(it);
}

Value make_callable_iterator(ThreadState& ts, Value callable, Value sentinel) {
    auto* it = alloc_iter<CallIterObject>(ts, ts.types().callable_iterator);
    if (!it) return Value();
    it->callable = new_ref(callable);
    it->sentinel = new_ref(sentinel);
    return val(it);
}

Value make_reversed(ThreadState& ts, Value seq) {
    return reversed_impl(ts, ts.types().reversed, seq);
}

void define_seq_iterator_type(Interpreter& interp, TypeObject* t) {
    SeqIterFields::install(t);
    t->iternext = seqiter_next;
    type_add_methods(interp, t, kSeqIterMethods);
}

void define_callable_iterator_type(Interpreter&, TypeObject* t) {
    CallIterFields::install(t);
    t->iternext = calliter_next;
}

void define_enumerate_type(Interpreter&, TypeObject* t) {
    t->flags = kTypeBaseType;
    EnumerateFields::install(t);
    t->iternext = enumerate_next;
    t->new_ = enumerate_new;
}

void define_zip_type(Interpreter&, TypeObject* t) {
    t->flags = kTypeBaseType;
    ZipFields::install(t);
    t->iternext = zip_next;
    t->new_ = zip_new;
}

void define_map_type(Interpreter&, TypeObject* t) {
    t->flags = kTypeBaseType;
    MapFields::install(t);
    t->iternext = map_next;
    t->new_ = map_new;
}

void define_filter_type(Interpreter&, TypeObject* t) {
    t->flags = kTypeBaseType;
    FilterFields::install(t);
    t->iternext = filter_next;
    t->new_ = filter_new;
}

void define_reversed_type(Interpreter& interp, TypeObject* t) {
    t->flags = kTypeBaseType;
    SeqIterFields::install(t);
    t->iternext = reversed_next;
    t->new_ = reversed_new;
    type_add_methods(interp, t, kReversedMethods);
}

}  // namespace gilt
