// Interpreter start-up and tear-down.
//
// Start-up order matters because the type system describes itself:
//   1. allocate every builtin type object (blank), so types can refer to
//      each other (bool's base is int, every type's type is `type`);
//   2. run each type's define_* function to fill its layout, slots and
//      native methods that need no interned names;
//   3. intern the common names, then type_ready() every type in base-first
//      order (MRO, slot inheritance, dunder wrappers in the type dicts);
//   4. build the exception hierarchy, the builtins module and sys.
#include "runtime/interpreter.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/gc.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/sandbox.hpp"
#include "runtime/str.hpp"
#include "runtime/thread_start.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "runtime/type_registry.hpp"

namespace gilt {

Interpreter::Interpreter(InterpreterConfig config) : m_config(std::move(config)) {
    heap_meter.limit = static_cast<std::int64_t>(m_config.memory_limit);
    heap_meter.reserve = heap_reserve_for(heap_meter.limit);
    stdout_sink = m_config.stdout_sink;
    stderr_sink = m_config.stderr_sink;
    GilOptions gil_options;
    (void)parse_gil_options(m_config.xoptions, &gil_options);  // the CLI reports bad values
    gil_instruments.start(gil, std::move(gil_options));
    gc = std::make_unique<GcState>();
    allocate_builtin_types(*this);
    // The main thread state exists before the types are defined: defining a
    // type adds methods to its dict, which needs a thread to report errors to.
    m_main = std::make_unique<ThreadState>(*this);
    gil.take(m_main->gil_thread);
    init_types();
    init_strings();
    ready_builtin_types(*this);
    init_exception_types(*this);
    init_builtins();
}

void Interpreter::init_types() {
    define_builtin_types(*this);
    fix_bootstrap_kinds(*this, m_interned);
}

void Interpreter::init_strings() {
#define GILT_INTERN_NAME(n) names.n = intern(#n);
    GILT_COMMON_STRINGS(GILT_INTERN_NAME)
#undef GILT_INTERN_NAME
    set_ref(names.throw_, intern("throw"));  // `throw` is a C++ keyword
    empty_str = intern("");
    for (int c = 0; c < 128; ++c) {
        char ch = static_cast<char>(c);
        one_char_strs[c] = intern(std::string_view(&ch, 1));
    }
    ThreadState& ts = *m_main;
    empty_tuple = tuple_new(ts, 0);
}

void Interpreter::init_builtins() {
    init_builtins_and_sys(*this);
}

// The names the runtime looks up are interned on the error path too (a
// MemoryError's formatting looks up __notes__), so the copy may use the
// heap reserve (heap_meter.hpp). Failing even so (the reserve used up, or
// the process out of memory), it raises MemoryError on the calling
// thread, as every fallible runtime function does.
Value Interpreter::intern(std::string_view s) {
    auto it = m_interned.find(s);
    if (it != m_interned.end()) return new_ref(val(it->second));
    Value str;
    {
        HeapReserve reserve(heap_meter);
        str = make_str(*this, s);
    }
    if (str.is_null()) {
        if (ThreadState* ts = ThreadState::current(*this)) raise_memory_error(*ts);
        return str;
    }
    add_interned(str);
    return str;
}

// An exact str is interned in place: no copy, so interning what a script
// made (sys.intern, json's keys) needs no memory beyond the table's entry.
// A subclass instance is copied into an exact str.
Value Interpreter::intern_steal(Value str) {
    if (str.as_object()->flags & kObjInterned) return str;
    std::string_view s = str_view(str);
    auto it = m_interned.find(s);
    if (it != m_interned.end()) {
        decref(str);
        return new_ref(val(it->second));
    }
    if (str.as_object()->type != types.str) {
        Value canonical = intern(s);
        decref(str);
        return canonical;
    }
    add_interned(str);
    return str;
}

void Interpreter::add_interned(Value str) {
    StrObject* so = str_obj(str);
    so->hdr.flags |= kObjInterned;
    incref(str);  // the table's reference: interned strings live as long as the interpreter
    m_interned.emplace(std::string_view(so->data, so->byte_len), so);
}

namespace {
void release_singletons(Interpreter& interp);
void release_static_type_contents(Interpreter& interp);
void free_static_types(Interpreter& interp);
}  // namespace

// Tear-down, in the order that keeps every object's type and every name
// alive for as long as anything may use it (CPython's finalize_interp_clear
// and _PyType_Fini, minus the parts gilt has no equivalent for):
//   0. a collection while everything still works, for the garbage the
//      program left (its finalizers run as they would in the program);
//   1. modules: sys.modules and the module dicts are cleared (running the
//      __del__ of objects they held) and the collector frees the cycles;
//   2. per-thread leftovers and native module state (which owns objects such
//      as the preallocated MemoryError), then another collection;
//   3. the singletons and common names, the float free list;
//   4. the builtin types: their dicts, MROs and names first (the values in
//      them may be instances of any builtin type), then the interned strings,
//      and last the type objects themselves.
Interpreter::~Interpreter() {
    ThreadState& ts = *m_main;
    // A thread whose Thread.join() has returned may still be in its last
    // steps (dropping the GIL, unregistering its ThreadState), which use this
    // interpreter: wait for them before freeing anything. Threads still
    // running Python code (daemons) cannot be waited for; an embedder that
    // has them must not destroy the interpreter (Host::finalize reports them).
    static_cast<void>(wait_for_thread_exits(ts));
    // A builtin type must never be freed by a decref reaching zero: it was
    // calloc'd by type_alloc_builtin, and its dealloc slot is for heap types.
    for (TypeObject* t : gc->static_types) t->hdr.refcnt += 1u << 30;
    clear_ref(gc->callbacks);  // tear-down collections run no Python callbacks
    clear_exception(ts);
    clear_ref(ts.exc_info);
    clear_ref(ts.async_exc);
    // Garbage the program left is finalized while the modules and builtins
    // still work: CPython's finalize_modules collects before it clears any
    // module dict, so a generator's finally or a __del__ in a cycle runs
    // normally at exit.
    gc_collect(ts);
    finalize_modules(*this);
    gc_collect(ts);
    clear_ref(ts.thread_local_dicts);
    clear_ref(ts.context);
    clear_ref(ts.asyncgen_firstiter);
    clear_ref(ts.asyncgen_finalizer);
    module_state.clear();
    gc_collect(ts);
    clear_exception(ts);
    release_singletons(*this);
    release_static_type_contents(*this);
    for (auto& [name, so] : m_interned) {
        so->hdr.flags &= static_cast<uint8_t>(~kObjInterned);
        decref(&so->hdr);
    }
    m_interned.clear();
    float_clear_freelist(types.float_);
    int_clear_freelist(types.int_);
    for (TypeObject* t : gc->static_types) gc_freelist_clear(t);
    free_static_types(*this);
    dict_tables_close(*this);
    for (FreeBlocks& blocks : tuple_blocks) free_blocks_close(blocks);
    gil.drop(m_main->gil_thread);
}

}  // namespace gilt

namespace gilt {
namespace {

void release_singletons(Interpreter& interp) {
    CommonStrings& names = interp.names;
#define GILT_RELEASE_NAME(n) clear_ref(names.n);
    GILT_COMMON_STRINGS(GILT_RELEASE_NAME)
#undef GILT_RELEASE_NAME
    clear_ref(interp.empty_str);
    clear_ref(interp.empty_tuple);
    clear_ref(interp.empty_bytes);
    for (Value& v : interp.one_char_strs) clear_ref(v);
}

// Drops what the builtin types own; the type objects stay (as blank
// shells) until free_static_types.
void release_static_type_contents(Interpreter& interp) {
    std::vector<TypeObject*>& all = interp.gc->static_types;
    for (TypeObject* t : all) {
        Value d = val(t->dict);
        t->dict = nullptr;
        if (d.as_object()) decref(d);
    }
    for (TypeObject* t : all) {
        clear_ref(t->mro);
        clear_ref(t->bases);
        clear_ref(t->name);
        clear_ref(t->qualname);
    }
    // Whatever the collector could not free is garbage nothing can reach any
    // more; it may still hold interned strings, so collect before dropping them.
    gc_collect(interp.main_thread());
}

void free_static_types(Interpreter& interp) {
    std::vector<TypeObject*>& all = interp.gc->static_types;
    for (TypeObject* t : all) forget_subclass(t);
    for (TypeObject* t : all) std::free(t);
    all.clear();
}

}  // namespace
}  // namespace gilt

namespace gilt {

namespace {

// CPython's _PyModule_ClearDict: globals are set to None, names with one
// leading underscore first, so that the __del__ methods of objects freed on
// the way still find the module's other globals; then the dict is emptied.
void clear_module_dict(ThreadState& ts, Value d) {
    for (int pass = 0; pass < 2; ++pass) {
        Ref keys(dict_keys_list(ts, d));
        if (!keys) break;
        auto* l = reinterpret_cast<ListObject*>(keys.get().as_object());
        for (uint64_t i = 0; i < l->size; ++i) {
            Value k = l->items[i];
            if (!k.is_object() || k.as_object()->kind != ObjKind::Str) continue;
            std::string_view name = str_view(k);
            if (name == "__builtins__") continue;
            if (pass == 0 && !(name.size() > 1 && name[0] == '_' && name[1] != '_')) continue;
            if (!dict_set(ts, d, k, Value::none())) clear_exception(ts);
        }
    }
    clear_exception(ts);
    dict_clear(d);
    clear_exception(ts);
}

}  // namespace

// CPython's finalize_modules, simplified: sys.modules is emptied, then each
// module's dict is cleared, __main__ first (its objects' __del__ methods may
// still use other modules) and builtins last; the collector run afterwards
// frees what only cycles kept alive.
void finalize_modules(Interpreter& interp) {
    ThreadState& ts = interp.main_thread();
    std::vector<Ref> mods;
    if (!interp.modules.is_null()) {
        uint64_t pos = 0;
        Value k, v;
        while (dict_next(interp.modules, &pos, &k, &v))
            if (v.is_object() && v.as_object()->kind == ObjKind::Module)
                mods.push_back(Ref::borrow(v));
        dict_clear(interp.modules);
    }
    std::stable_partition(mods.begin(), mods.end(), [&](const Ref& m) {
        Value name = reinterpret_cast<ModuleObject*>(m.get().as_object())->name;
        return !name.is_null() && str_view(name) == "__main__";
    });
    for (Ref& m : mods) {
        Value d = module_dict(*m);
        if (d.is_null() || !d.is_object() || d.as_object()->kind != ObjKind::Dict ||
            d == interp.builtins)
            continue;
        clear_module_dict(ts, d);
    }
    mods.clear();
    clear_ref(interp.modules);
    clear_ref(interp.sys);
    clear_ref(interp.import_func);
    if (!interp.builtins.is_null()) clear_module_dict(ts, interp.builtins);
    clear_ref(interp.builtins);
}

}  // namespace gilt
