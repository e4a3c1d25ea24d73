// The buffer protocol's consumer side and the helpers exporters share (the
// contract is told in buffer.hpp).
#include "runtime/buffer.hpp"

#include <cstring>

#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/type.hpp"

namespace gilt {

bool has_buffer(ThreadState& ts, Value obj) {
    return !obj.is_null() && type_of(ts, obj)->buffer != nullptr;
}

bool get_buffer(ThreadState& ts, Value obj, Buffer* view, uint32_t flags) {
    const BufferProcs* procs = type_of(ts, obj)->buffer;
    if (!procs) {
        raise_fmt(ts, ts.exc_types().TypeError, "a bytes-like object is required, not '{}'",
                  type_name(ts, obj));
        return false;
    }
    *view = Buffer{};
    return procs->get(ts, obj, view, flags);
}

void release_buffer(Buffer* view) noexcept {
    if (view->obj.is_null()) return;
    Value obj = view->obj;
    const BufferProcs* procs = obj.as_object()->type->buffer;
    if (procs && procs->release) procs->release(obj, view);
    *view = Buffer{};
    decref(obj);
}

bool buffer_fill_simple(ThreadState& ts, Buffer* view, Value obj, char* buf, int64_t len,
                        bool readonly, uint32_t flags) {
    if ((flags & kBufWritable) && readonly) {
        raise(ts, ts.exc_types().BufferError, "Object is not writable.");
        return false;
    }
    *view = Buffer{};
    view->obj = new_ref(obj);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    return true;
}

int64_t buffer_shape(const Buffer& view, int dim) noexcept {
    return view.shape ? view.shape[dim] : view.len / view.itemsize;
}

int64_t buffer_stride(const Buffer& view, int dim) noexcept {
    return view.strides ? view.strides[dim] : view.itemsize;
}

bool buffer_is_c_contiguous(const Buffer& view) noexcept {
    if (!view.strides || view.len == 0) return true;
    int64_t expected = view.itemsize;
    for (int d = view.ndim - 1; d >= 0; --d) {
        int64_t n = buffer_shape(view, d);
        if (n > 1 && view.strides[d] != expected) return false;
        expected *= n;
    }
    return true;
}

namespace {

// Appends the items of dimension `dim` starting at `p` in C order.
void gather(const Buffer& view, int dim, const char* p, std::string* out) {
    int64_t n = buffer_shape(view, dim), stride = buffer_stride(view, dim);
    for (int64_t i = 0; i < n; ++i, p += stride) {
        if (dim + 1 < view.ndim)
            gather(view, dim + 1, p, out);
        else
            out->append(p, static_cast<size_t>(view.itemsize));
    }
}

}  // namespace

std::string buffer_to_bytes(const Buffer& view) {
    if (buffer_is_c_contiguous(view)) return std::string(view.buf, static_cast<size_t>(view.len));
    std::string out;
    out.reserve(static_cast<size_t>(view.len));
    if (view.ndim == 0)
        out.append(view.buf, static_cast<size_t>(view.itemsize));
    else
        gather(view, 0, view.buf, &out);
    return out;
}

}  // namespace gilt
