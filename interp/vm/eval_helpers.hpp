// The eval loop's out-of-line slow paths (interp/vm/eval_helpers.cpp): what an
// instruction does beyond its fast path, kept out of eval_frame() so the
// loop itself stays small enough to keep in registers and cache.
#pragma once

#include <cstdint>

#include "interp/vm/frame.hpp"
#include "runtime/code.hpp"
#include "runtime/generator.hpp"
#include "runtime/instance.hpp"
#include "runtime/object.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/tuple.hpp"

namespace gilt {

Value eval_load_global(ThreadState& ts, Frame* f, Value name);
// The slow paths of the attribute instructions: the full lookup or store,
// then a fill of one of the site's kAttrCacheWays cache ways (`ways`).
Value eval_load_attr_slow(ThreadState& ts, Value obj, Value name, InlineCache* ways);
Value eval_load_method_slow(ThreadState& ts, Value obj, Value name, InlineCache* ways,
                            bool* needs_self);
int eval_store_attr_slow(ThreadState& ts, Value obj, Value name, Value v, InlineCache* ways);
// The way of an attribute site's cache filled for the class whose version
// is `version`, or null. Versions are never reused, so a way left behind by
// a class that changed (or died) never matches again.
[[gnu::always_inline]] inline InlineCache* attr_cache_way(InlineCache* ways,
                                                          uint64_t version) noexcept {
    for (uint32_t i = 0; i < kAttrCacheWays; ++i)
        if (ways[i].version == version) return &ways[i];
    return nullptr;
}
// InlineCache::kind of an attribute cache entry.
inline constexpr uint32_t kAttrInstanceDict = 1, kAttrMethod = 2;
// A compact instance's inline value number `index` (runtime/instance.hpp).
inline constexpr uint32_t kAttrInlineValue = 4;
// LOAD_GLOBAL's cache kind when the name was found in the module's globals,
// at entry `index`.
inline constexpr uint32_t kGlobalModuleEntry = 3;
// Entries an instance __dict__ made by STORE_ATTR has room for at once: the
// smallest table's.
inline constexpr uint64_t kInstanceDictPresize = 5;
// STORE_ATTR's inline-value fast path: stores `v` as inline value `i` of a
// compact instance when that keeps the rules of runtime/instance.hpp (not in
// dict mode, within its capacity, replacing a value or coming last).
[[gnu::always_inline]] inline bool eval_store_inline(Object* o, uint32_t i, Value v) noexcept {
    if (!reinterpret_cast<InstanceObject*>(o)->dict.is_null() || i >= inline_capacity(o))
        return false;
    Value* vals = inline_values(o);
    if (!vals[i].is_null()) {
        set_ref(vals[i], new_ref(v));
        return true;
    }
    if (i < inline_top(o)) return false;
    vals[i] = new_ref(v);
    set_inline_top(o, i + 1);
    return true;
}
// The number of names in t's shared keys (LOAD_METHOD's check that no
// instance attribute can shadow a cached method).
inline uint32_t eval_shared_keys_len(const TypeObject* t) noexcept {
    return t->shared_keys ? static_cast<uint32_t>(t->shared_keys->names.size()) : 0;
}
Value eval_load_name(ThreadState& ts, Frame* f, Value name);
// IMPORT_NAME (CPython's import_name): the import system directly while the
// frame's builtins hold the __import__ made at start-up; otherwise a call of
// whatever replaced it, with (name, globals, locals or None, fromlist,
// level), so import hooks see every import statement. No __import__ at all
// is ImportError "__import__ not found".
Value eval_import_name(ThreadState& ts, Frame* f, Value name, Value fromlist, Value level);
bool eval_unpack(ThreadState& ts, Value seq, uint32_t n, Value* out);
// obj[start:stop] (borrowed operands): exact str, list and tuple with int or
// None bounds directly, anything else through a slice object and __getitem__.
Value eval_binary_slice(ThreadState& ts, Value obj, Value start, Value stop);
bool eval_unpack_ex(ThreadState& ts, Value seq, uint32_t before, uint32_t after, Value* out);
// The match statement's tests (interp/vm/eval_match.cpp). The first two return
// 1 / 0 / -1 (error). MATCH_KEYS: a tuple of the values, or None when a key
// is missing. MATCH_CLASS: a tuple of the positional then keyword
// attributes, or None when the subject does not match. Null on error.
int eval_match_sequence(ThreadState& ts, Value subject);
int eval_match_mapping(ThreadState& ts, Value subject);
Value eval_match_keys(ThreadState& ts, Value subject, Value keys);
Value eval_copy_dict_without_keys(ThreadState& ts, Value subject, Value keys);
Value eval_match_class(ThreadState& ts, Value subject, Value cls, uint32_t npos, Value names);
Value eval_make_function(ThreadState& ts, Frame* f, uint32_t flags, Value* sp);
Value eval_make_class(ThreadState& ts, Value func, Value name, Value bases, Value kw);
Value eval_call_ex(ThreadState& ts, Value callable, Value self, Value args, Value kwargs);
Value eval_format_value(ThreadState& ts, Value v, uint32_t flags, Value spec);
Value eval_build_string(ThreadState& ts, Value* items, uint32_t n);
bool eval_raise(ThreadState& ts, Value exc, Value cause, uint32_t n);
// CHECK_EG_MATCH: splits `exc` by the `except*` clause's type `spec` into
// *match and *rest (new references, None for an empty part) and makes the
// match the exception being handled, as CPython does. False on error.
[[nodiscard]] bool eval_check_eg_match(ThreadState& ts, Value exc, Value spec, Value* match,
                                       Value* rest);
// `with mgr`: calls __enter__ and returns its result; *exit_out is __exit__,
// unbound when *exit_takes_mgr (then called with mgr as self), else bound.
Value eval_before_with(ThreadState& ts, Value mgr, Value* exit_out, bool* exit_takes_mgr,
                       bool async);
// exit(type, exc, tb), or exit(exit_self, type, exc, tb) when exit_self is set.
Value eval_with_except_start(ThreadState& ts, Value exit, Value exit_self, Value exc);
bool eval_print_expr(ThreadState& ts, Value v);
Value eval_get_awaitable(ThreadState& ts, Value v);
Value eval_get_aiter(ThreadState& ts, Value v);
Value eval_get_anext(ThreadState& ts, Value aiter);
SendResult eval_send(ThreadState& ts, Value receiver, Value v, Value* out);
bool eval_handle_breaker(ThreadState& ts);
// Between two instructions under -X switch=instruction or -X sched: honour a
// GIL drop request, or reach the scheduler's switch point. Touches only the
// GIL, so it cannot fail.
void eval_instruction_check(ThreadState& ts);
bool eval_setup_annotations(ThreadState& ts, Frame* f);
bool eval_store_name(ThreadState& ts, Frame* f, Value name, Value v);
int eval_delete_name(ThreadState& ts, Frame* f, Value name);
Value eval_unbound_local(ThreadState& ts, Frame* f, uint32_t i);
Value eval_unbound_deref(ThreadState& ts, Frame* f, uint32_t i);
Value eval_load_classderef(ThreadState& ts, Frame* f, uint32_t i);
bool eval_dict_update(ThreadState& ts, Value dict, Value other);
int eval_dict_merge(ThreadState& ts, Value dict, Value other, Value func);

const ExceptionTableEntry* find_handler(const CodeObject* co, uint32_t pc);  // interp/vm/call.cpp

}  // namespace gilt
