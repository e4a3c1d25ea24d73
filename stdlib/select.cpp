// The select module: select(), poll objects and epoll objects.
//
// Every wait runs through wait_released (stdlib/wait_fd.hpp): the GIL is
// released, the main thread wakes every kSignalPollInterval to look for
// Ctrl-C, and EINTR continues with the time that is left (PEP 475).
//
// select() is built on poll(2) rather than select(2): the answer is the
// same for any descriptor, without FD_SETSIZE's limit. A descriptor in
// error counts as readable and writable, as select(2) reports it; an invalid
// one fails with EBADF, as select(2) does.
//
// A poll object's registrations are copied before each wait, so another
// thread may register or unregister while one waits (CPython forbids that
// with "concurrent poll() invocation"; a copy is simpler and as safe).
#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <map>
#include <vector>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/errors.hpp"
#include "runtime/float.hpp"
#include "runtime/heap.hpp"
#include "runtime/int.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/wait_fd.hpp"

namespace gilt {

namespace {

Value select_select(ThreadState& ts, Args args);
Value select_poll(ThreadState& ts, Args args);

constexpr MethodDef kSelectFunctions[] = {
    {"select", select_select},
    {"poll", select_poll},
};

Value poll_register(ThreadState& ts, Args args);
Value poll_modify(ThreadState& ts, Args args);
Value poll_unregister(ThreadState& ts, Args args);
Value poll_poll(ThreadState& ts, Args args);

constexpr MethodDef kPollMethods[] = {
    {"register", poll_register},
    {"modify", poll_modify},
    {"unregister", poll_unregister},
    {"poll", poll_poll},
};

Value epoll_register(ThreadState& ts, Args args);
Value epoll_modify(ThreadState& ts, Args args);
Value epoll_unregister(ThreadState& ts, Args args);
Value epoll_poll(ThreadState& ts, Args args);
Value epoll_close(ThreadState& ts, Args args);
Value epoll_fileno(ThreadState& ts, Args args);
Value epoll_enter(ThreadState& ts, Args args);
Value epoll_exit(ThreadState& ts, Args args);

constexpr MethodDef kEpollMethods[] = {
    {"register", epoll_register}, {"modify", epoll_modify}, {"unregister", epoll_unregister},
    {"poll", epoll_poll},         {"close", epoll_close},   {"fileno", epoll_fileno},
    {"__enter__", epoll_enter},   {"__exit__", epoll_exit},
};

Value epoll_closed_get(ThreadState& ts, Value self);

constexpr GetSetDef kEpollGetSets[] = {
    {"closed", epoll_closed_get},
};

// select.poll: fd -> event mask, ordered like CPython's dict (insertion order
// does not matter to poll(2)).
struct PollObject {
    Object hdr;
    std::map<int, short>* fds;
};

struct EpollObject {
    Object hdr;
    int epfd;  // -1 once closed
};

PollObject* poll_obj(Value v) {
    return reinterpret_cast<PollObject*>(v.as_object());
}
EpollObject* epoll_obj(Value v) {
    return reinterpret_cast<EpollObject*>(v.as_object());
}

struct SelectTypes {
    TypeObject* poll = nullptr;
    TypeObject* epoll = nullptr;
};

SelectTypes& select_types(Interpreter& interp);

// --- arguments ---

// CPython's PyObject_AsFileDescriptor: an int, or an object with fileno().
bool fd_arg(ThreadState& ts, Value v, int* out) {
    int64_t fd;
    if (is_int(v)) {
        if (!obj_index(ts, v, &fd)) return false;
    } else {
        Ref fileno(ts.interp().intern("fileno"));
        Ref r(fileno ? call_method(ts, v, *fileno, {}) : Value());
        if (!r) {
            if (!exception_matches(ts, ts.exc_types().AttributeError)) return false;
            clear_exception(ts);
            raise(ts, ts.exc_types().TypeError,
                  "argument must be an int, or have a fileno() method.");
            return false;
        }
        if (!is_int(*r)) {
            raise(ts, ts.exc_types().TypeError, "fileno() returned a non-integer");
            return false;
        }
        if (!obj_index(ts, *r, &fd)) return false;
    }
    if (fd < 0) {
        raise_fmt(ts, ts.exc_types().ValueError,
                  "file descriptor cannot be a negative integer ({})", fd);
        return false;
    }
    if (fd > INT_MAX) {
        raise(ts, ts.exc_types().OverflowError, "fd is greater than maximum");
        return false;
    }
    *out = static_cast<int>(fd);
    return true;
}

// A timeout in seconds, None meaning forever (-1). `scale` turns the
// argument's unit into seconds (poll() takes milliseconds); a timeout of
// more than `max_ms` milliseconds is an OverflowError (-1: no limit).
bool wait_timeout_arg(ThreadState& ts, Value v, double scale, bool negative_is_forever,
                      double max_ms, double* out) {
    *out = -1;
    if (v.is_null() || v.is_none()) return true;
    if (!is_int(v) && !is_float(v) && !type_of(ts, v)->nb_float) {
        raise(ts, ts.exc_types().TypeError, "timeout must be an integer or None");
        return false;
    }
    double t;
    if (!time_arg_seconds(ts, v, scale * 1e9, &t)) return false;
    if (t < 0) {
        if (negative_is_forever) return true;
        raise(ts, ts.exc_types().ValueError, "timeout must be non-negative");
        return false;
    }
    // poll() and epoll.poll() hand the kernel an int of milliseconds.
    if (max_ms >= 0 && std::ceil(t * 1e3) > max_ms) {
        raise(ts, ts.exc_types().OverflowError, "timeout is too large");
        return false;
    }
    *out = t;
    return true;
}

// --- select() ---

struct Watched {
    Ref obj;
    int fd;
};

bool collect(ThreadState& ts, Value seq, std::vector<Watched>* out) {
    Ref it(obj_iter(ts, seq));
    if (!it) {
        if (!exception_matches(ts, ts.exc_types().TypeError)) return false;
        clear_exception(ts);
        raise(ts, ts.exc_types().TypeError, "arguments 1-3 must be sequences");
        return false;
    }
    for (;;) {
        Ref item(iter_next(ts, *it));
        if (!item) return ts.exc.is_null();
        int fd;
        if (!fd_arg(ts, *item, &fd)) return false;
        out->push_back({std::move(item), fd});
    }
}

// The objects of `w` whose pollfd (from index `base`) has one of `mask`.
Value ready_list(ThreadState& ts, const std::vector<Watched>& w, const std::vector<pollfd>& fds,
                 std::size_t base, short mask) {
    Ref list(list_new(ts));
    for (std::size_t i = 0; list && i < w.size(); ++i) {
        if ((fds[base + i].revents & mask) && !list_append(ts, *list, *w[i].obj)) return Value();
    }
    return list.release();
}

// select(rlist, wlist, xlist[, timeout])
Value select_select(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "select", 3, 4)) return Value();
    double timeout;
    if (args.n == 4 && !args[3].is_none()) {
        if (!is_int(args[3]) && !is_float(args[3]) && !type_of(ts, args[3])->nb_float) {
            return raise(ts, ts.exc_types().TypeError, "timeout must be a float or None");
        }
    }
    if (!wait_timeout_arg(ts, args.n == 4 ? args[3] : Value(), 1.0, false, -1, &timeout))
        return Value();
    std::vector<Watched> sets[3];
    for (int i = 0; i < 3; ++i) {
        if (!collect(ts, args[i], &sets[i])) return Value();
    }
    static constexpr short kAsk[3] = {POLLIN, POLLOUT, POLLPRI};
    std::vector<pollfd> fds;
    for (int i = 0; i < 3; ++i) {
        for (const Watched& w : sets[i]) fds.push_back({w.fd, kAsk[i], 0});
    }
    int r = wait_released(ts, WaitDeadline(timeout),
                          [&fds](int ms) { return ::poll(fds.data(), fds.size(), ms); });
    if (r < 0) return Value();
    for (const pollfd& p : fds) {
        if (p.revents & POLLNVAL) return raise_os_error(ts, EBADF);
    }
    Ref rl(ready_list(ts, sets[0], fds, 0, POLLIN | POLLHUP | POLLERR));
    Ref wl(ready_list(ts, sets[1], fds, sets[0].size(), POLLOUT | POLLERR));
    Ref xl(ready_list(ts, sets[2], fds, sets[0].size() + sets[1].size(), POLLPRI));
    if (!rl || !wl || !xl) return Value();
    return tuple_pack(ts, {*rl, *wl, *xl});
}

// --- poll objects ---

Value select_poll(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args, "poll", 0, 0)) return Value();
    TypeObject* t = select_types(ts.interp()).poll;
    Object* o = alloc_object(t, t->basicsize);
    if (!o) return raise_memory_error(ts);
    reinterpret_cast<PollObject*>(o)->fds = new std::map<int, short>();
    return Value::object(o);
}

void poll_dealloc(Object* o) {
    delete reinterpret_cast<PollObject*>(o)->fds;
    free_object(o);
}

bool mask_arg(ThreadState& ts, Value v, short* out) {
    int64_t m;
    if (!obj_index(ts, v, &m)) return false;
    if (m < 0 || m > 0xffff) {
        raise(ts, ts.exc_types().OverflowError,
              m < 0 ? "can't convert negative int to unsigned"
                    : "Python int too large for C unsigned short");
        return false;
    }
    *out = static_cast<short>(m);
    return true;
}

Value poll_register(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "register", 1, 2)) return Value();
    int fd;
    short mask = POLLIN | POLLPRI | POLLOUT;
    if (!fd_arg(ts, args[1], &fd) || (args.n == 3 && !mask_arg(ts, args[2], &mask))) return Value();
    (*poll_obj(args[0])->fds)[fd] = mask;
    return Value::none();
}

Value poll_modify(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "modify", 2, 2)) return Value();
    int fd;
    short mask;
    if (!fd_arg(ts, args[1], &fd) || !mask_arg(ts, args[2], &mask)) return Value();
    auto& fds = *poll_obj(args[0])->fds;
    auto it = fds.find(fd);
    if (it == fds.end()) return raise_os_error(ts, ENOENT);
    it->second = mask;
    return Value::none();
}

Value poll_unregister(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "unregister", 1, 1)) return Value();
    int fd;
    if (!fd_arg(ts, args[1], &fd)) return Value();
    if (poll_obj(args[0])->fds->erase(fd) == 0) return raise_key_error(ts, Value::small_int(fd));
    return Value::none();
}

// poll([timeout_ms]) -> [(fd, events), ...]
Value poll_poll(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "poll", 0, 1)) return Value();
    double timeout;
    if (!wait_timeout_arg(ts, args.n == 2 ? args[1] : Value(), 1e-3, true, INT_MAX, &timeout))
        return Value();
    std::vector<pollfd> fds;
    for (auto [fd, mask] : *poll_obj(args[0])->fds) fds.push_back({fd, mask, 0});
    int r = wait_released(ts, WaitDeadline(timeout),
                          [&fds](int ms) { return ::poll(fds.data(), fds.size(), ms); });
    if (r < 0) return Value();
    Ref list(list_new(ts));
    for (const pollfd& p : fds) {
        if (!list || p.revents == 0) continue;
        Value item = tuple_pack(
            ts, {Value::small_int(p.fd), Value::small_int(static_cast<uint16_t>(p.revents))});
        if (item.is_null() || !list_append_steal(ts, *list, item)) return Value();
    }
    return list.release();
}

// --- epoll objects ---

Value epoll_new(ThreadState& ts, TypeObject* type, Args args) {
    Value sizehint, flags;
    if (!parse_args(ts, args, "epoll", {"|", "sizehint", "flags"}, {&sizehint, &flags}))
        return Value();
    int64_t hint = -1;
    if (!sizehint.is_null() && !obj_index(ts, sizehint, &hint)) return Value();
    if (hint == 0 || hint < -1) return raise(ts, ts.exc_types().ValueError, "negative sizehint");
    Object* o = (type->flags & kTypeHasGc) ? alloc_gc_object(type, type->basicsize)
                                           : alloc_object(type, type->basicsize);
    if (!o) return raise_memory_error(ts);
    Ref self(Value::object(o));
    int fd = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_obj(*self)->epfd = fd;
    if (fd < 0) return raise_os_error(ts, errno);
    return self.release();
}

void epoll_dealloc(Object* o) {
    int fd = reinterpret_cast<EpollObject*>(o)->epfd;
    if (fd >= 0) ::close(fd);
    free_object(o);
}

bool epoll_check_open(ThreadState& ts, EpollObject* e) {
    if (e->epfd >= 0) return true;
    raise(ts, ts.exc_types().ValueError, "I/O operation on closed epoll object");
    return false;
}

Value epoll_ctl_common(ThreadState& ts, Args args, const char* fname, int op) {
    Value fdv, maskv;
    bool takes_mask = op != EPOLL_CTL_DEL;
    bool ok = takes_mask
                  ? parse_args(ts, args.drop_first(), fname,
                               op == EPOLL_CTL_ADD
                                   ? std::initializer_list<std::string_view>{"fd", "|", "eventmask"}
                                   : std::initializer_list<std::string_view>{"fd", "eventmask"},
                               {&fdv, &maskv})
                  : parse_args(ts, args.drop_first(), fname, {"fd"}, {&fdv});
    if (!ok) return Value();
    EpollObject* e = epoll_obj(args[0]);
    int fd;
    int64_t mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (!fd_arg(ts, fdv, &fd) || (!maskv.is_null() && !obj_index(ts, maskv, &mask)) ||
        !epoll_check_open(ts, e)) {
        return Value();
    }
    epoll_event ev{};
    ev.events = static_cast<uint32_t>(mask);
    ev.data.fd = fd;
    if (::epoll_ctl(e->epfd, op, fd, &ev) < 0) return raise_os_error(ts, errno);
    return Value::none();
}

Value epoll_register(ThreadState& ts, Args args) {
    return epoll_ctl_common(ts, args, "register", EPOLL_CTL_ADD);
}
Value epoll_modify(ThreadState& ts, Args args) {
    return epoll_ctl_common(ts, args, "modify", EPOLL_CTL_MOD);
}
Value epoll_unregister(ThreadState& ts, Args args) {
    return epoll_ctl_common(ts, args, "unregister", EPOLL_CTL_DEL);
}

// poll(timeout=None, maxevents=-1) -> [(fd, events), ...]; timeout in seconds.
Value epoll_poll(ThreadState& ts, Args args) {
    Value timeoutv, maxv;
    if (!parse_args(ts, args.drop_first(), "poll", {"|", "timeout", "maxevents"},
                    {&timeoutv, &maxv}))
        return Value();
    EpollObject* e = epoll_obj(args[0]);
    double timeout;
    int64_t maxevents = -1;
    if (!epoll_check_open(ts, e) || !wait_timeout_arg(ts, timeoutv, 1.0, true, INT_MAX, &timeout) ||
        (!maxv.is_null() && !obj_index(ts, maxv, &maxevents))) {
        return Value();
    }
    if (maxevents == -1) maxevents = FD_SETSIZE - 1;
    if (maxevents <= 0)
        return raise_fmt(ts, ts.exc_types().ValueError, "maxevents must be greater than 0, got {}",
                         maxevents);
    std::vector<epoll_event> events(static_cast<std::size_t>(maxevents));
    int epfd = e->epfd;
    int r = wait_released(ts, WaitDeadline(timeout), [&events, epfd](int ms) {
        return ::epoll_wait(epfd, events.data(), static_cast<int>(events.size()), ms);
    });
    if (r < 0) return Value();
    Ref list(list_new(ts));
    for (int i = 0; list && i < r; ++i) {
        Value item = tuple_pack(
            ts, {Value::small_int(events[i].data.fd), Value::small_int(events[i].events)});
        if (item.is_null() || !list_append_steal(ts, *list, item)) return Value();
    }
    return list.release();
}

Value epoll_close(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "close", 0, 0)) return Value();
    EpollObject* e = epoll_obj(args[0]);
    int fd = e->epfd;
    e->epfd = -1;
    if (fd >= 0 && ::close(fd) < 0) return raise_os_error(ts, errno);
    return Value::none();
}

Value epoll_fileno(ThreadState& ts, Args args) {
    if (!check_nargs(ts, args.drop_first(), "fileno", 0, 0)) return Value();
    EpollObject* e = epoll_obj(args[0]);
    if (!epoll_check_open(ts, e)) return Value();
    return Value::small_int(e->epfd);
}

Value epoll_closed_get(ThreadState&, Value self) {
    return Value::boolean(epoll_obj(self)->epfd < 0);
}

Value epoll_enter(ThreadState& ts, Args args) {
    if (!epoll_check_open(ts, epoll_obj(args[0]))) return Value();
    return new_ref(args[0]);
}

Value epoll_exit(ThreadState& ts, Args args) {
    Ref r(epoll_close(ts, Args{args.v, 1, nullptr}));
    return r ? Value::none() : Value();
}

TypeObject* make_select_type(Interpreter& interp, const char* name, uint32_t size, uint32_t flags) {
    TypeObject* t =
        type_alloc_builtin(interp, name, ObjKind::Native, size, interp.types.object, flags);
    t->hdr.type = interp.types.type;
    t->traverse = [](Object*, VisitFn, void*) {};
    t->clear = [](Object*) {};
    return t;
}

void finish_select_type(Interpreter& interp, TypeObject* t) {
    Ref mod(interp.intern("select"));
    type_set_attr_cstr(interp, t, "__module__", *mod);
    type_ready(interp, t);
}

SelectTypes& select_types(Interpreter& interp) {
    return module_state<SelectTypes>(interp, "select.types", [&](SelectTypes& types) {
        types.poll = make_select_type(interp, "poll", sizeof(PollObject), 0);
        types.poll->dealloc = poll_dealloc;
        type_add_methods(interp, types.poll, kPollMethods);
        finish_select_type(interp, types.poll);
        types.epoll = make_select_type(interp, "epoll", sizeof(EpollObject), kTypeBaseType);
        types.epoll->new_ = epoll_new;
        types.epoll->dealloc = epoll_dealloc;
        type_add_methods(interp, types.epoll, kEpollMethods);
        type_add_getsets(interp, types.epoll, kEpollGetSets);
        finish_select_type(interp, types.epoll);
    });
}

struct IntConst {
    const char* name;
    int64_t value;
};

constexpr IntConst kSelectConstants[] = {
    {"POLLIN", POLLIN},
    {"POLLPRI", POLLPRI},
    {"POLLOUT", POLLOUT},
    {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP},
    {"POLLNVAL", POLLNVAL},
    {"POLLRDNORM", POLLRDNORM},
    {"POLLRDBAND", POLLRDBAND},
    {"POLLWRNORM", POLLWRNORM},
    {"POLLWRBAND", POLLWRBAND},
    {"POLLMSG", POLLMSG},
    {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN},
    {"EPOLLOUT", EPOLLOUT},
    {"EPOLLPRI", EPOLLPRI},
    {"EPOLLERR", EPOLLERR},
    {"EPOLLHUP", EPOLLHUP},
    {"EPOLLET", EPOLLET},
    {"EPOLLONESHOT", EPOLLONESHOT},
    {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
    {"EPOLLRDHUP", EPOLLRDHUP},
    {"EPOLLRDNORM", EPOLLRDNORM},
    {"EPOLLRDBAND", EPOLLRDBAND},
    {"EPOLLWRNORM", EPOLLWRNORM},
    {"EPOLLWRBAND", EPOLLWRBAND},
    {"EPOLLMSG", EPOLLMSG},
    {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    {"PIPE_BUF", PIPE_BUF},
};

}  // namespace

Value init_select_module(ThreadState& ts) {
    SelectTypes& types = select_types(ts.interp());
    Ref m(module_new(ts, "select"));
    if (!m || !module_add_functions(ts, *m, kSelectFunctions)) return Value();
    for (const IntConst& c : kSelectConstants) {
        if (!module_add_steal(ts, *m, c.name, make_int(ts, c.value))) return Value();
    }
    if (!module_add_value(ts, *m, "epoll", val(types.epoll)) ||
        !module_add_value(ts, *m, "error", val(ts.exc_types().OSError))) {
        return Value();
    }
    return m.release();
}

}  // namespace gilt
