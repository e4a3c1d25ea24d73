// Object allocation and release (see heap.hpp).
#include "runtime/heap.hpp"

#include <cstdlib>
#include <cstring>

#if GILT_USE_MIMALLOC
#include <mimalloc.h>
#endif

#include "runtime/gc.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/weakref.hpp"

namespace gilt {

namespace {

#if GILT_USE_MIMALLOC
void* obj_calloc(std::size_t size) noexcept { return mi_zalloc(size); }
void* obj_malloc(std::size_t size) noexcept { return mi_malloc(size); }
void obj_free(void* p) noexcept { mi_free(p); }
#else
void* obj_calloc(std::size_t size) noexcept { return std::calloc(1, size); }
void* obj_malloc(std::size_t size) noexcept { return std::malloc(size); }
void obj_free(void* p) noexcept { std::free(p); }
#endif

void init_header(Object* o, TypeObject* type) noexcept {
  o->refcnt = 1;
  o->kind = type->instance_kind;
  o->flags = 0;
  o->aux = 0;
  o->type = type;
  if (type->flags & kTypeHeap) incref(&type->hdr);
}

}  // namespace

Object* alloc_object(TypeObject* type, std::size_t size) noexcept {
  if (size < type->basicsize) size = type->basicsize;
  auto* o = static_cast<Object*>(obj_calloc(size));
  if (!o) return nullptr;
  init_header(o, type);
  return o;
}

Object* alloc_object_uninit(TypeObject* type, std::size_t size) noexcept {
  if (size < type->basicsize) size = type->basicsize;
  auto* o = static_cast<Object*>(obj_malloc(size));
  if (!o) return nullptr;
  init_header(o, type);
  return o;
}

Object* alloc_gc_object(TypeObject* type, std::size_t size) noexcept {
  if (size < type->basicsize) size = type->basicsize;
  auto* h = static_cast<GcHead*>(obj_calloc(sizeof(GcHead) + size));
  if (!h) return nullptr;
  Object* o = gc_object(h);
  init_header(o, type);
  o->flags = kObjGcTracked;
  Interpreter::GcState& gc = *type->interp->gc;
  GcHead* last = gc.tracked.prev;
  h->prev = last;
  h->next = &gc.tracked;
  last->next = h;
  gc.tracked.prev = h;
  if (++gc.allocations > gc.threshold && gc.enabled && !gc.collecting) gc_maybe_collect(*type->interp);
  return o;
}

void free_object(Object* o) noexcept {
  TypeObject* type = o->type;
  // Weak references are cleared (and their callbacks run) once the memory is
  // gone: a callback may run the collector, which must not meet this object.
  Interpreter* weak_interp = (o->flags & kObjHasWeakrefs) ? type->interp : nullptr;
  bool heap_type = (type->flags & kTypeHeap) != 0;
  if (o->flags & kObjGcTracked) {
    GcHead* h = gc_head(o);
    h->prev->next = h->next;
    h->next->prev = h->prev;
    Interpreter::GcState& gc = *type->interp->gc;
    if (gc.allocations > 0) --gc.allocations;
    obj_free(h);
  } else {
    obj_free(o);
  }
  if (heap_type) decref(&type->hdr);
  if (weak_interp) weakref_clear_referent(*weak_interp, o);
}

void* alloc_raw_zeroed(std::size_t size) noexcept { return obj_calloc(size); }

void dealloc_object(Object* o) noexcept { o->type->dealloc(o); }

}  // namespace gilt
