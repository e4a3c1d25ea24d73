// errno: the system's error numbers by name, and errorcode (number -> name),
// as CPython's errno module on Linux.
#include <cerrno>

#include "runtime/dict.hpp"
#include "runtime/int.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

struct ErrnoName {
    const char* name;
    int value;
};

#define E(name) {#name, name},
// The aliases come first: errorcode keeps the last name given for a number,
// and CPython's is the main one (EAGAIN, not EWOULDBLOCK).
constexpr ErrnoName kErrnoNames[] = {
    E(EDEADLK) E(EOPNOTSUPP) E(EWOULDBLOCK)
    // POSIX.1-2008
    E(E2BIG) E(EACCES) E(EADDRINUSE) E(EADDRNOTAVAIL) E(EAFNOSUPPORT) E(EAGAIN) E(EALREADY) E(
        EBADF) E(EBADMSG) E(EBUSY) E(ECANCELED) E(ECHILD) E(ECONNABORTED) E(ECONNREFUSED)
        E(ECONNRESET) E(EDESTADDRREQ) E(EDOM) E(EDQUOT) E(EEXIST) E(EFAULT) E(EFBIG) E(
            EHOSTUNREACH) E(EIDRM) E(EILSEQ) E(EINPROGRESS) E(EINTR) E(EINVAL) E(EIO) E(EISCONN)
            E(EISDIR) E(ELOOP) E(EMFILE) E(EMLINK) E(EMSGSIZE) E(EMULTIHOP) E(ENAMETOOLONG) E(
                ENETDOWN) E(ENETRESET) E(ENETUNREACH) E(ENFILE) E(ENOBUFS) E(ENODATA) E(ENODEV)
                E(ENOENT) E(ENOEXEC) E(ENOLCK) E(ENOLINK) E(ENOMEM) E(ENOMSG) E(ENOPROTOOPT) E(
                    ENOSPC) E(ENOSR) E(ENOSTR) E(ENOSYS) E(ENOTCONN) E(ENOTDIR) E(ENOTEMPTY)
                    E(ENOTRECOVERABLE) E(ENOTSOCK) E(ENOTSUP) E(ENOTTY) E(ENXIO) E(EOVERFLOW) E(
                        EOWNERDEAD) E(EPERM) E(EPIPE) E(EPROTO)
                        E(EPROTONOSUPPORT) E(EPROTOTYPE) E(ERANGE) E(EROFS) E(
                            ESPIPE) E(ESRCH) E(ESTALE) E(ETIME) E(ETIMEDOUT) E(ETXTBSY) E(EXDEV)
#ifdef __linux__
                            E(EADV)
                                E(EBADE)
                                    E(EBADFD) E(EBADR) E(EBADRQC) E(EBADSLT) E(EBFONT) E(ECHRNG) E(
                                        ECOMM) E(EDEADLOCK) E(EDOTDOT) E(EHOSTDOWN) E(EISNAM)
                                        E(EKEYEXPIRED) E(EKEYREJECTED) E(EKEYREVOKED) E(
                                            EL2HLT) E(EL2NSYNC) E(EL3HLT) E(EL3RST)
                                            E(ELIBACC) E(ELIBBAD) E(ELIBEXEC) E(ELIBMAX) E(ELIBSCN)
                                                E(ELNRNG) E(EMEDIUMTYPE)
                                                    E(ENAVAIL) E(ENOANO) E(ENOCSI) E(ENOKEY) E(
                                                        ENOMEDIUM) E(ENONET) E(ENOPKG) E(ENOTBLK)
                                                        E(ENOTNAM) E(ENOTUNIQ) E(EPFNOSUPPORT)
                                                            E(EREMCHG) E(EREMOTE)
                                                                E(EREMOTEIO) E(ERESTART) E(ERFKILL)
                                                                    E(ESHUTDOWN) E(ESOCKTNOSUPPORT)
                                                                        E(ESRMNT) E(ESTRPIPE) E(
                                                                            ETOOMANYREFS) E(EUCLEAN)
                                                                            E(EUNATCH) E(EUSERS)
                                                                                E(EXFULL)
#endif
};
#undef E

}  // namespace

Value init_errno_module(ThreadState& ts) {
    Ref m(module_new(ts, "errno"));
    Ref errorcode(m ? dict_new(ts) : Value());
    if (!errorcode) return Value();
    for (const ErrnoName& e : kErrnoNames) {
        Ref name(make_str(ts, e.name));
        Ref value(name ? make_int(ts, e.value) : Value());
        if (!value || !dict_set(ts, module_dict(*m), *name, *value) ||
            !dict_set(ts, *errorcode, *value, *name)) {
            return Value();
        }
    }
    if (!module_add_steal(ts, *m, "errorcode", errorcode.release())) return Value();
    return m.release();
}

}  // namespace gilt
