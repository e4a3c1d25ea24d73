// The cycle collector: generational trial deletion over the tracked
// containers (the design of CPython's Modules/gcmodule.c).
//
// Why a collector at all. Reference counting frees an object the moment its
// last reference goes, except when objects refer to each other in a cycle:
// then every count stays above zero after the program has dropped them all.
// The collector finds such groups and breaks them.
//
// How one collection finds garbage (trial deletion). Take the set S of
// containers being collected. For each, gc_refs = refcnt. For each object in
// S, visit its references (the type's traverse slot) and decrement gc_refs
// of every child that is also in S. What is left in gc_refs counts the
// references from outside S: frames, C++ locals, globals held by untracked
// objects, and objects outside S. An object with gc_refs > 0 is certainly
// alive, and so is everything reachable from it; the rest of S is reachable
// only through cycles inside S, which is garbage.
//
// Why generations. A full collection walks every tracked object; running it
// every few thousand allocations makes building a large structure cost the
// square of its size. Most objects die young (temporaries, short-lived
// frames, iterators), and those that survive a couple of collections tend to
// live long. So tracked objects are split into three generations: new
// containers go to generation 0; survivors of a collection of generation g
// move to g+1 (generation 2 keeps its own). Generation 0 is collected when
// its count (allocations minus deallocations) passes threshold 0 (700);
// generation 1 after threshold 1 (10) collections of generation 0, and
// generation 2 after threshold 2 (10) collections of generation 1 *and* only
// when what was promoted into it since the last full collection is at least
// a quarter of what survived that one (CPython's rule from its issue 4074):
// a full collection then costs at most a constant per object allocated since
// the previous one, so building N objects costs O(N) amortised.
//
// Collecting young generations alone: the roots. Collecting generation g
// merges the younger lists into g's and runs trial deletion over that list
// only. Objects of older generations are not in S, so their references to
// young objects are never subtracted: they count as external references,
// and a young object held only by an old one has gc_refs > 0 and survives.
// That is the whole trick (no write barrier, no remembered set): old
// objects are treated as roots, at the price that a cycle that reaches into
// an older generation waits for that generation's collection. Membership of
// S is a flag on the object (kObjGcCollecting), set when gc_refs is
// initialised and cleared before any Python code runs.
//
// After the garbage is known. Survivors move to the next generation
// (tuples that hold only atomic or untracked items are untracked on the
// way, and a full collection untracks dicts of that kind: neither can ever
// be part of a cycle, so later collections skip them). The garbage moves to
// a private list and gets one extra reference each, which keeps every
// object of the set valid whatever the code run next does. Then, in
// CPython's order (PEP 442: finalize everything before clearing anything):
//  1. weak references: every weakref to a garbage object is cleared before
//     any Python code runs, so nothing can reach the garbage through one;
//     the callbacks of the weakrefs that are not garbage themselves run
//     now (a weakref that dies with its referent never calls back). This is
//     CPython's handle_weakrefs, and why a callback runs before the
//     referent's __del__ when the referent is in a cycle;
//  2. finalizers: __del__ of garbage instances whose class defines it, and
//     the finalizer of generators, coroutines and async generators (close
//     a suspended one so its `finally` runs; warn about a coroutine never
//     awaited; hand an async generator to its hook), run once per object
//     (kObjDelCalled, which deallocation respects: a finalized object that
//     is resurrected and dies later is not finalized again). The whole
//     garbage is still intact while they run. A finalizer may resurrect
//     objects (store self in a global): trial deletion is redone within
//     the garbage set, discounting the collector's own reference, and what
//     is reachable from outside again goes back to the old generation
//     alive, with its weak references already gone, as in CPython;
//  3. the type's clear slot runs on what is left, dropping its references,
//     which breaks the cycles; dropping the collector's extra references then
//     frees the objects through ordinary reference counting. An object
//     outside the garbage that dies then (an old object that only garbage
//     held) is finalized by its deallocation as usual: everything it refers
//     to is reachable from it, so none of it is garbage or cleared;
//  4. anything still alive after that (a clear slot that could not break
//     its cycle) goes back to the old generation, as in CPython.
// Objects made by finalizers, weakref callbacks and gc.callbacks land in
// generation 0 like any other; `collecting` keeps a collection from starting
// inside another, and gc.collect() from such code returns 0.
//
// Invariants. GcHead::gc_refs is scratch space, valid only inside one
// collection. The collector runs with the GIL held and never releases it,
// so no other thread sees the lists half-updated (the tsan threads suite
// checks that). The pending exception is set aside while Python code runs
// and restored afterwards.
#include "runtime/gc.hpp"

#include <climits>
#include <unordered_set>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/eval_breaker.hpp"
#include "runtime/exception.hpp"
#include "runtime/generator.hpp"
#include "runtime/int.hpp"
#include "runtime/list.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "runtime/type.hpp"
#include "runtime/weakref.hpp"

namespace gilt {

namespace {

constexpr intptr_t kReachable = INTPTR_MIN;

inline bool in_collected_set(Value v) noexcept {
    return v.is_object() && (v.as_object()->flags & kObjGcCollecting);
}

void traverse(Object* o, VisitFn visit, void* ctx) {
    if (TraverseSlot t = o->type->traverse) t(o, visit, ctx);
}

// --- list operations ---

void list_link(GcHead& list, GcHead* h) noexcept {
    GcHead* last = list.prev;
    h->prev = last;
    h->next = &list;
    last->next = h;
    list.prev = h;
}

void list_unlink(GcHead* h) noexcept {
    h->prev->next = h->next;
    h->next->prev = h->prev;
}

// --- trial deletion ---

// A reference from an object in the set is not a reason to be alive.
void visit_decref(Value child, void*) {
    if (in_collected_set(child)) --gc_head(child.as_object())->gc_refs;
}

// Everything a live object refers to is alive.
void visit_mark(Value child, void* ctx) {
    if (!in_collected_set(child)) return;
    GcHead* h = gc_head(child.as_object());
    if (h->gc_refs == kReachable) return;
    h->gc_refs = kReachable;
    static_cast<std::vector<Object*>*>(ctx)->push_back(child.as_object());
}

// Marks kReachable every object of `young` that something outside it, or
// something so marked, refers to.
void mark_reachable(GcHead& young, std::vector<Object*>& stack) {
    for (GcHead* h = young.next; h != &young; h = h->next) {
        Object* o = gc_object(h);
        h->gc_refs = o->refcnt;
        o->flags |= kObjGcCollecting;
    }
    for (GcHead* h = young.next; h != &young; h = h->next)
        traverse(gc_object(h), visit_decref, nullptr);
    // A negative count can only come from a traverse slot that visits more
    // references than it owns; keeping such objects alive is the safe choice.
    stack.clear();
    for (GcHead* h = young.next; h != &young; h = h->next) {
        if (h->gc_refs != 0) {
            h->gc_refs = kReachable;
            stack.push_back(gc_object(h));
        }
    }
    while (!stack.empty()) {
        Object* o = stack.back();
        stack.pop_back();
        traverse(o, visit_mark, &stack);
    }
}

// Moves the unmarked objects of `young` to `unreachable` and ends the
// collection flag on all of them.
void move_unreachable(GcHead& young, GcHead& unreachable) {
    GcHead* next;
    for (GcHead* h = young.next; h != &young; h = next) {
        next = h->next;
        gc_object(h)->flags &= static_cast<uint8_t>(~kObjGcCollecting);
        if (h->gc_refs != kReachable) {
            list_unlink(h);
            list_link(unreachable, h);
        }
    }
}

// --- untracking what can never be in a cycle ---

bool tuple_may_untrack(Object* o) noexcept {
    auto* t = reinterpret_cast<TupleObject*>(o);
    for (uint64_t i = 0; i < t->size; ++i)
        if (gc_may_be_tracked(t->items[i])) return false;
    return true;
}

bool dict_may_untrack(Object* o) noexcept {
    auto* d = reinterpret_cast<DictObject*>(o);
    for (uint64_t i = 0; i < d->entries_len; ++i) {
        const DictEntry& e = d->entries[i];
        if (e.key.is_null()) continue;
        if (gc_may_be_tracked(e.key) || gc_may_be_tracked(e.value)) return false;
    }
    return true;
}

// CPython's untrack_tuples and (full collections only, so building a big
// dict is not rescanned at every young collection) untrack_dicts.
void untrack_atomic_containers(ThreadState& ts, GcHead& list, bool dicts) {
    TypeObject* tuple_type = ts.types().tuple;
    TypeObject* dict_type = ts.types().dict;
    GcHead* next;
    for (GcHead* h = list.next; h != &list; h = next) {
        next = h->next;
        Object* o = gc_object(h);
        if ((o->type == tuple_type && tuple_may_untrack(o)) ||
            (dicts && o->type == dict_type && dict_may_untrack(o))) {
            gc_untrack(o);
        }
    }
}

// --- weak references, finalizers and resurrection ---

// Step 1 above (CPython's handle_weakrefs). The garbage is flagged
// kObjGcCollecting again while the weakrefs are gathered (no Python code
// runs meanwhile) to tell the weakrefs that are garbage themselves.
void handle_weakrefs(ThreadState& ts, const std::vector<Object*>& garbage) {
    for (Object* o : garbage) o->flags |= kObjGcCollecting;
    std::vector<Object*> calls;
    for (Object* o : garbage) {
        if (!(o->flags & kObjHasWeakrefs)) continue;
        o->flags &= static_cast<uint8_t>(~kObjHasWeakrefs);
        for (Object* wr : take_weakrefs(ts.interp(), o))
            if (!(wr->flags & kObjGcCollecting) && weakref_calls_back(wr))
                calls.push_back(new_ref(wr));
    }
    for (Object* o : garbage) o->flags &= static_cast<uint8_t>(~kObjGcCollecting);
    run_weakref_callbacks(ts.interp(), calls);
}

bool is_generator_kind(const Object* o) noexcept {
    return o->kind == ObjKind::Generator || o->kind == ObjKind::Coroutine ||
           o->kind == ObjKind::AsyncGenerator;
}

// Step 2 above: runs __del__ of unreachable instances that have one, and
// the finalizer of unreachable generators, that have not run it yet.
// Returns true if any Python code ran.
bool run_finalizers(ThreadState& ts, const std::vector<Object*>& garbage) {
    bool ran = false;
    for (Object* o : garbage) {
        if (o->flags & kObjDelCalled) continue;
        if (!(o->type->flags & kTypeHeap)) {
            if (is_generator_kind(o) && gc_finalize_generator(ts, o)) ran = true;
            continue;
        }
        Value del = type_lookup(o->type, ts.names().__del__);
        if (del.is_null()) continue;
        o->flags |= kObjDelCalled;
        ran = true;
        Ref keep = Ref::borrow(del);
        Ref r(call_bound_special(ts, del, Value::object(o), Args{}));
        if (!r) write_unraisable(ts, del);
    }
    return ran;
}

struct ResurrectionCtx {
    const std::unordered_set<Object*>* set;
    std::vector<Object*>* stack;
};

void visit_decref_in_set(Value child, void* ctx) {
    auto* c = static_cast<ResurrectionCtx*>(ctx);
    if (child.is_object() && c->set->count(child.as_object()))
        --gc_head(child.as_object())->gc_refs;
}

void visit_mark_in_set(Value child, void* ctx) {
    auto* c = static_cast<ResurrectionCtx*>(ctx);
    if (!child.is_object() || !c->set->count(child.as_object())) return;
    GcHead* h = gc_head(child.as_object());
    if (h->gc_refs == kReachable) return;
    h->gc_refs = kReachable;
    c->stack->push_back(child.as_object());
}

// After finalizers ran, objects they made reachable again (stored in a
// global, say) must not be cleared: redo trial deletion within the set,
// discounting the collector's own reference. Resurrected objects are
// dropped from `garbage`, moved to `old` and their extra reference released.
void remove_resurrected(std::vector<Object*>& garbage, GcHead& old) {
    std::unordered_set<Object*> set(garbage.begin(), garbage.end());
    std::vector<Object*> stack;
    ResurrectionCtx ctx{&set, &stack};
    for (Object* o : garbage) gc_head(o)->gc_refs = static_cast<intptr_t>(o->refcnt) - 1;
    for (Object* o : garbage) traverse(o, visit_decref_in_set, &ctx);
    for (Object* o : garbage) {
        GcHead* h = gc_head(o);
        if (h->gc_refs != 0) {
            h->gc_refs = kReachable;
            stack.push_back(o);
        }
    }
    while (!stack.empty()) {
        Object* o = stack.back();
        stack.pop_back();
        traverse(o, visit_mark_in_set, &ctx);
    }
    std::vector<Object*> still;
    for (Object* o : garbage) {
        if (gc_head(o)->gc_refs == kReachable) {
            list_unlink(gc_head(o));
            list_link(old, gc_head(o));
            decref(o);
        } else {
            still.push_back(o);
        }
    }
    garbage.swap(still);
}

// Finalizes, clears and releases the garbage; returns how many objects it was.
int64_t dispose(ThreadState& ts, GcHead& unreachable, GcHead& old) {
    std::vector<Object*> garbage;
    for (GcHead* h = unreachable.next; h != &unreachable; h = h->next)
        garbage.push_back(gc_object(h));
    for (Object* o : garbage) incref(o);
    Value saved = fetch_exception(ts);
    handle_weakrefs(ts, garbage);
    if (run_finalizers(ts, garbage)) remove_resurrected(garbage, old);
    auto found = static_cast<int64_t>(garbage.size());  // resurrected ones not counted
    for (Object* o : garbage) {
        if (!o->type->clear) continue;
        o->flags |= kObjFinalized;
        o->type->clear(o);
    }
    for (Object* o : garbage) decref(o);
    clear_exception(ts);  // anything raised while clearing is not the caller's
    restore_exception(ts, saved);
    gc_list_splice(unreachable, old);  // what clearing could not free lives on
    return found;
}

// --- gc.callbacks ---

void invoke_callbacks(ThreadState& ts, const char* phase, int generation, int64_t collected) {
    Interpreter::GcState& gc = *ts.interp().gc;
    if (gc.callbacks.is_null() || list_size(gc.callbacks) == 0) return;
    Value saved = fetch_exception(ts);
    std::vector<Ref> calls;
    for (uint64_t i = 0; i < list_size(gc.callbacks); ++i)
        calls.push_back(Ref::borrow(list_item(gc.callbacks, i)));
    Ref info(dict_new(ts));
    Ref name(make_str(ts, phase));
    Ref n(make_int(ts, collected));
    bool ok = info && name && n &&
              dict_set_cstr(ts, *info, "generation", Value::small_int(generation)) &&
              dict_set_cstr(ts, *info, "collected", *n) &&
              dict_set_cstr(ts, *info, "uncollectable", Value::small_int(0));
    for (size_t i = 0; ok && i < calls.size(); ++i) {
        Value args[2] = {*name, *info};
        Ref r(obj_call(ts, *calls[i], Args{args, 2}));
        if (!r) write_unraisable(ts, *calls[i]);
    }
    if (!ok) write_unraisable(ts, gc.callbacks);
    clear_exception(ts);
    restore_exception(ts, saved);
}

// CPython's collect(): one collection of `generation` and the younger ones.
int64_t collect_generation(ThreadState& ts, int generation) {
    Interpreter::GcState& gc = *ts.interp().gc;
    GcGeneration* gens = gc.generations;
    for (int i = 0; i < generation; ++i) gc_list_splice(gens[i].head, gens[generation].head);
    if (generation + 1 < kGcGenerations) ++gens[generation + 1].count;
    for (int i = 0; i <= generation; ++i) gens[i].count = 0;
    GcHead& young = gens[generation].head;
    const bool full = generation == kGcGenerations - 1;
    GcHead& old = full ? young : gens[generation + 1].head;

    mark_reachable(young, gc.mark_stack);
    GcHead unreachable{&unreachable, &unreachable, 0};
    move_unreachable(young, unreachable);
    untrack_atomic_containers(ts, young, full);
    if (full) {
        gc.long_lived_pending = 0;
        gc.long_lived_total = gc_list_count(young);
    } else {
        if (generation == kGcGenerations - 2) gc.long_lived_pending += gc_list_count(young);
        gc_list_splice(young, old);
    }
    int64_t found = dispose(ts, unreachable, old);
    ++gens[generation].collections;
    gens[generation].collected += found;
    return found;
}

}  // namespace

void gc_list_splice(GcHead& from, GcHead& to) noexcept {
    if (from.next == &from) return;
    GcHead* first = from.next;
    GcHead* last = from.prev;
    GcHead* tail = to.prev;
    tail->next = first;
    first->prev = tail;
    last->next = &to;
    to.prev = last;
    from.next = from.prev = &from;
}

int64_t gc_list_count(const GcHead& list) noexcept {
    int64_t n = 0;
    for (const GcHead* h = list.next; h != &list; h = h->next) ++n;
    return n;
}

void gc_track(Object* o) noexcept {
    GcHead* h = gc_head(o);
    if (h->next != h) return;
    list_link(o->type->interp->gc->generations[0].head, h);
}

void gc_untrack(Object* o) noexcept {
    GcHead* h = gc_head(o);
    list_unlink(h);
    h->next = h->prev = h;
}

void gc_maybe_untrack_tuple(Value v) noexcept {
    if (!v.is_object() || !gc_is_tracked(v.as_object())) return;
    Object* o = v.as_object();
    if (o->type == o->type->interp->types.tuple && tuple_may_untrack(o)) gc_untrack(o);
}

int64_t gc_collect(ThreadState& ts, int generation) {
    Interpreter::GcState& gc = *ts.interp().gc;
    if (gc.collecting) return 0;
    gc.collecting = true;
    invoke_callbacks(ts, "start", generation, 0);
    int64_t found = collect_generation(ts, generation);
    invoke_callbacks(ts, "stop", generation, found);
    gc.collecting = false;
    return found;
}

void gc_schedule(Interpreter& interp) {
    Interpreter::GcState& gc = *interp.gc;
    if (gc.generations[0].threshold == 0) return;  // automatic collection off
    gc.scheduled = true;
    interp.eval_breaker.fetch_or(kEvalBreakerGc, std::memory_order_relaxed);
}

// CPython's collect_generations: the oldest generation that is due.
void gc_maybe_collect(ThreadState& ts) {
    Interpreter& interp = ts.interp();
    Interpreter::GcState& gc = *interp.gc;
    interp.eval_breaker.fetch_and(~kEvalBreakerGc, std::memory_order_relaxed);
    gc.scheduled = false;
    if (!gc.enabled || gc.collecting || gc.generations[0].threshold == 0) return;
    for (int g = kGcGenerations - 1; g >= 0; --g) {
        if (gc.generations[g].count <= gc.generations[g].threshold) continue;
        if (g == kGcGenerations - 1 && gc.long_lived_pending < gc.long_lived_total / 4) continue;
        gc_collect(ts, g);
        return;
    }
}

}  // namespace gilt
