// The framed message I/O under multiprocessing.connection.Connection:
// _multiprocessing.send_frame / recv_frame move one message of bytes,
// send_object / recv_object one pickled object, each in a single call;
// send_frames writes a batch of messages at once.
//
// The wire format is CPython's (Lib/multiprocessing/connection.py), so a
// gilt process and a CPython one can talk over a pipe: a 4-byte big-endian
// signed length and the payload; a payload longer than 0x7fffffff sends the
// length -1 and then an 8-byte big-endian unsigned length.
//
// Why native: a round trip over a Pipe is a few microseconds of system
// calls, and the Python plumbing around them (frame header built with
// int.to_bytes, two os.read calls, a join, the pickle call, a GIL hand-over
// per system call) cost more than the calls themselves. Here a send pickles
// with the GIL held, then releases the GIL once for the writev of header and
// payload together; a receive releases it once for the header and payload
// reads and unpickles straight from the buffer it read into.
//
// The buffers handed to the system calls are never visible to Python code
// while the GIL is released: a send writes from a std::string it owns (or
// from a bytes object, which cannot change), a receive reads into a local
// buffer. A signal interrupting a call (EINTR) takes the GIL back, runs the
// Python handlers and, if they return normally, goes on with what is left
// (PEP 475); KeyboardInterrupt ends the call with the message half moved,
// as in CPython.
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/list.hpp"
#include "runtime/signals.hpp"
#include "stdlib/mp_native.hpp"
#include "stdlib/pickle.hpp"

namespace gilt {

namespace {

constexpr uint64_t kLongFrame = 0x7fffffff;

// A frame header for a payload of n bytes into hdr; its length.
std::size_t frame_header(uint64_t n, unsigned char hdr[12]) {
    if (n > kLongFrame) {
        hdr[0] = hdr[1] = hdr[2] = hdr[3] = 0xff;
        for (int i = 0; i < 8; ++i) hdr[4 + i] = static_cast<unsigned char>(n >> (56 - 8 * i));
        return 12;
    }
    for (int i = 0; i < 4; ++i) hdr[i] = static_cast<unsigned char>(n >> (24 - 8 * i));
    return 4;
}

// Writes a then b, the GIL released while the kernel takes them. False
// with an exception pending.
bool write_two(ThreadState& ts, int fd, std::string_view a, std::string_view b) {
    std::size_t adone = 0, bdone = 0;
    while (adone < a.size() || bdone < b.size()) {
        int err = 0;
        {
            GilRelease released(ts);
            while (adone < a.size() || bdone < b.size()) {
                iovec iov[2];
                int n = 0;
                if (adone < a.size())
                    iov[n++] = {const_cast<char*>(a.data()) + adone, a.size() - adone};
                iov[n++] = {const_cast<char*>(b.data()) + bdone, b.size() - bdone};
                ssize_t r = ::writev(fd, iov, n);
                if (r < 0) {
                    err = errno;
                    break;
                }
                std::size_t w = static_cast<std::size_t>(r);
                std::size_t h = std::min(w, a.size() - adone);
                adone += h;
                bdone += w - h;
            }
        }
        if (err == 0) break;
        if (err != EINTR) {
            raise_os_error(ts, err);
            return false;
        }
        if (!run_pending_signals(ts)) return false;
    }
    return true;
}

bool write_frame(ThreadState& ts, int fd, std::string_view payload) {
    unsigned char hdr[12];
    std::size_t hlen = frame_header(payload.size(), hdr);
    return write_two(ts, fd, std::string_view(reinterpret_cast<char*>(hdr), hlen), payload);
}

// What a read of one frame ended with.
enum class ReadEnd { Done, TooLong, Eof, EofInside, Error, Interrupted };

// Reads exactly n bytes into buf without the GIL. Never reads past them:
// several processes may share the pipe, and the next frame is theirs.
ReadEnd read_exact(int fd, char* buf, std::size_t n, std::size_t* done, int* err) {
    while (*done < n) {
        ssize_t r = ::read(fd, buf + *done, n - *done);
        if (r > 0) {
            *done += static_cast<std::size_t>(r);
            continue;
        }
        if (r == 0) return *done == 0 ? ReadEnd::Eof : ReadEnd::EofInside;
        *err = errno;
        return *err == EINTR ? ReadEnd::Interrupted : ReadEnd::Error;
    }
    return ReadEnd::Done;
}

// One frame being read: the header, then the payload, resumable after a
// signal handler ran.
struct FrameReader {
    FrameReader(int fd_, uint64_t maxlength_) : fd(fd_), maxlength(maxlength_) {}

    int fd;
    uint64_t maxlength;  // UINT64_MAX: no limit
    unsigned char hdr[12] = {};
    std::size_t hdone = 0;
    bool have_size = false;
    uint64_t size = 0;
    std::string payload;
    std::size_t pdone = 0;
    int err = 0;

    // Reads as far as it can; called with the GIL released.
    ReadEnd step() {
        if (!have_size) {
            ReadEnd e = read_exact(fd, reinterpret_cast<char*>(hdr), 4, &hdone, &err);
            if (e != ReadEnd::Done) return e;
            int32_t s = static_cast<int32_t>((uint32_t(hdr[0]) << 24) | (uint32_t(hdr[1]) << 16) |
                                             (uint32_t(hdr[2]) << 8) | uint32_t(hdr[3]));
            if (s == -1) {
                e = read_exact(fd, reinterpret_cast<char*>(hdr), 12, &hdone, &err);
                if (e != ReadEnd::Done) return e == ReadEnd::Eof ? ReadEnd::EofInside : e;
                size = 0;
                for (int i = 4; i < 12; ++i) size = (size << 8) | hdr[i];
            } else {
                size = s < 0 ? 0 : static_cast<uint64_t>(s);
            }
            have_size = true;
            if (size > maxlength) return ReadEnd::TooLong;
            payload.resize(size);
        }
        ReadEnd e = read_exact(fd, payload.data(), payload.size(), &pdone, &err);
        // An end of file before any of the payload is still EOFError, as in
        // CPython, whose reader meets it at the start of its second read.
        return e;
    }
};

// Reads one frame into r->payload. Returns Done or TooLong; anything else
// has raised.
ReadEnd read_frame(ThreadState& ts, FrameReader* r) {
    for (;;) {
        ReadEnd e;
        {
            GilRelease released(ts);
            e = r->step();
        }
        switch (e) {
            case ReadEnd::Done:
            case ReadEnd::TooLong:
                return e;
            case ReadEnd::Eof:
                raise_object(ts, val(ts.exc_types().EOFError));
                return e;
            case ReadEnd::EofInside:
                raise(ts, ts.exc_types().OSError, "got end of file during message");
                return e;
            case ReadEnd::Error:
                raise_os_error(ts, r->err);
                return e;
            case ReadEnd::Interrupted:
                if (!run_pending_signals(ts)) return e;
                break;
        }
    }
}

bool fd_arg(ThreadState& ts, Value v, int* fd) {
    return c_int_arg(ts, v, fd);
}

}  // namespace

// send_frame(fd, data): one message of the bytes of data.
Value mp_send_frame(ThreadState& ts, Args args) {
    int fd;
    if (!check_nargs(ts, args, "send_frame", 2, 2) || !fd_arg(ts, args[0], &fd)) return Value();
    if (is_bytes(args[1])) {
        // bytes cannot change while the GIL is away; write from it directly.
        if (!write_frame(ts, fd, bytes_view(args[1]))) return Value();
        return Value::none();
    }
    std::string_view view;
    if (!bytes_like_view(ts, args[1], &view)) return Value();
    std::string copy(view);
    if (!write_frame(ts, fd, copy)) return Value();
    return Value::none();
}

// send_frames(fd, payloads): each bytes object of the list as one message,
// all in as few writes as the pipe allows (a Queue's feeder flushes what
// it has buffered with one call). Another writer must be kept out by the
// caller's lock, as for single messages.
Value mp_send_frames(ThreadState& ts, Args args) {
    int fd;
    if (!check_nargs(ts, args, "send_frames", 2, 2) || !fd_arg(ts, args[0], &fd)) return Value();
    if (!is_list(ts, args[1]))
        return raise_fmt(ts, ts.exc_types().TypeError, "send_frames() expected a list, not {}",
                         type_name(ts, args[1]));
    std::string out;
    for (std::size_t i = 0; i < list_size(args[1]); ++i) {
        std::string_view view;
        if (!bytes_like_view(ts, list_item(args[1], i), &view)) return Value();
        unsigned char hdr[12];
        std::size_t hlen = frame_header(view.size(), hdr);
        out.append(reinterpret_cast<char*>(hdr), hlen);
        out.append(view);
    }
    if (!write_two(ts, fd, std::string_view(), out)) return Value();
    return Value::none();
}

// recv_frame(fd, maxlength=-1): the next message as bytes; None when it is
// longer than maxlength (its payload is left unread, as CPython leaves it).
Value mp_recv_frame(ThreadState& ts, Args args) {
    int fd;
    int64_t maxlength = -1;
    if (!check_nargs(ts, args, "recv_frame", 1, 2) || !fd_arg(ts, args[0], &fd)) return Value();
    if (args.n == 2 && !args[1].is_none() && !obj_index(ts, args[1], &maxlength)) return Value();
    FrameReader r(fd, maxlength < 0 ? UINT64_MAX : static_cast<uint64_t>(maxlength));
    ReadEnd e = read_frame(ts, &r);
    if (e == ReadEnd::TooLong) return Value::none();
    if (e != ReadEnd::Done) return Value();
    return make_bytes(ts, r.payload);
}

// send_object(fd, obj): obj pickled (the default protocol, copyreg's
// dispatch table) and sent as one message.
Value mp_send_object(ThreadState& ts, Args args) {
    int fd;
    if (!check_nargs(ts, args, "send_object", 2, 2) || !fd_arg(ts, args[0], &fd)) return Value();
    std::string blob;
    if (!pickle_dump(ts, args[1], PickleDumpOptions{}, &blob)) return Value();
    if (!write_frame(ts, fd, blob)) return Value();
    return Value::none();
}

// recv_object(fd): the next message, unpickled.
Value mp_recv_object(ThreadState& ts, Args args) {
    int fd;
    if (!check_nargs(ts, args, "recv_object", 1, 1) || !fd_arg(ts, args[0], &fd)) return Value();
    FrameReader r(fd, UINT64_MAX);
    if (read_frame(ts, &r) != ReadEnd::Done) return Value();
    return pickle_load(ts, r.payload, Value(), PickleLoadOptions{});
}

}  // namespace gilt
