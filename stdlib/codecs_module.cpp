// _codecs: encode() and decode() by codec name. Pickles of protocols 0-2
// carry bytes as _codecs.encode(latin-1 text, 'latin1'), so loading them
// needs this module; the codecs themselves are the str/bytes ones.
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/errors.hpp"
#include "runtime/module.hpp"
#include "runtime/str.hpp"
#include "stdlib/modules.hpp"

namespace gilt {

namespace {

Value codecs_encode(ThreadState& ts, Args args);
Value codecs_decode(ThreadState& ts, Args args);

constexpr MethodDef kCodecsFunctions[] = {
    {"encode", codecs_encode},
    {"decode", codecs_decode},
};

bool codec_names(ThreadState& ts, Value encoding, Value errors, std::string_view* enc,
                 std::string_view* err) {
    *enc = "utf-8";
    *err = "strict";
    if (!encoding.is_null()) {
        if (!is_str(ts, encoding)) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "encode() argument 'encoding' must be str, not {}", type_name(ts, encoding));
            return false;
        }
        *enc = str_view(encoding);
    }
    if (!errors.is_null()) {
        if (!is_str(ts, errors)) {
            raise_fmt(ts, ts.exc_types().TypeError,
                      "encode() argument 'errors' must be str, not {}", type_name(ts, errors));
            return false;
        }
        *err = str_view(errors);
    }
    return true;
}

// encode(obj, encoding='utf-8', errors='strict')
Value codecs_encode(ThreadState& ts, Args args) {
    Value obj, encoding, errors;
    if (!parse_args(ts, args, "encode", {"obj", "|", "encoding", "errors"},
                    {&obj, &encoding, &errors}))
        return Value();
    std::string_view enc, err;
    if (!codec_names(ts, encoding, errors, &enc, &err)) return Value();
    if (!is_str(ts, obj))
        return raise_fmt(ts, ts.exc_types().TypeError,
                         "utf_8_encode() argument 1 must be str, not {}", type_name(ts, obj));
    return str_encode(ts, obj, enc, err);
}

// decode(obj, encoding='utf-8', errors='strict')
Value codecs_decode(ThreadState& ts, Args args) {
    Value obj, encoding, errors;
    if (!parse_args(ts, args, "decode", {"obj", "|", "encoding", "errors"},
                    {&obj, &encoding, &errors}))
        return Value();
    std::string_view enc, err, data;
    if (!codec_names(ts, encoding, errors, &enc, &err) || !bytes_like_view(ts, obj, &data))
        return Value();
    return str_decode(ts, data, enc, err);
}

}  // namespace

Value init_codecs_module(ThreadState& ts) {
    Ref m(module_new(ts, "_codecs"));
    if (!m || !module_add_functions(ts, *m, kCodecsFunctions)) return Value();
    return m.release();
}

}  // namespace gilt
