// binascii: conversions between binary data and ASCII encodings, the
// native layer of base64 (stdlib/lib/base64.py): hex (hexlify, unhexlify),
// base64 (b2a_base64, a2b_base64 with CPython's lenient and strict rules),
// and the checksums crc32 (zlib's) and crc_hqx (CRC-CCITT, as binhex used).
//
// The a2b_* functions take bytes-like data or an ASCII str, as CPython's
// ascii_buffer_converter does. Errors are binascii.Error (a ValueError)
// worded as CPython's.
#include <cstdint>
#include <memory>
#include <string>

#include "runtime/abstract.hpp"
#include "runtime/arg_parse.hpp"
#include "runtime/bytes.hpp"
#include "runtime/dict.hpp"
#include "runtime/errors.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/module_state.hpp"
#include "runtime/str.hpp"
#include "runtime/tuple.hpp"
#include "stdlib/modules.hpp"
#include "stdlib/zlib_module.hpp"

namespace gilt {

namespace {

// The module's exception classes, made once per interpreter.
struct BinasciiState {
    Value error;       // binascii.Error (owned)
    Value incomplete;  // binascii.Incomplete (owned)
    ~BinasciiState() {
        decref(error);
        decref(incomplete);
    }
};

BinasciiState& binascii_state(Interpreter& interp) {
    return module_state<BinasciiState>(interp, "binascii");
}

Value raise_binascii_error(ThreadState& ts, std::string_view msg) {
    Value cls = binascii_state(ts.interp()).error;
    return raise(ts, cls.is_null() ? ts.exc_types().ValueError : as<TypeObject>(cls), msg);
}

// The bytes of an a2b_* argument: bytes-like, or a str of ASCII only.
[[nodiscard]] bool ascii_data(ThreadState& ts, Value v, std::string_view* out) {
    if (is_str(ts, v)) {
        if (!str_is_ascii(v)) {
            raise(ts, ts.exc_types().ValueError,
                  "string argument should contain only ASCII characters");
            return false;
        }
        *out = str_view(v);
        return true;
    }
    if (bytes_like_view(ts, v, out)) return true;
    clear_exception(ts);
    raise_fmt(ts, ts.exc_types().TypeError,
              "argument should be bytes, buffer or ASCII string, not '{}'", type_name(ts, v));
    return false;
}

// --- hex ---

// hexlify(data, sep=None, bytes_per_sep=1): bytes.hex's digits, as bytes.
Value binascii_hexlify(ThreadState& ts, Args args) {
    std::string_view unused;
    if (args.n == 0) {
        return raise(ts, ts.exc_types().TypeError,
                     "hexlify() missing required argument 'data' (pos 1)");
    }
    if (!bytes_like_view(ts, args[0], &unused)) return Value();
    Ref text(bytes_hex(ts, args));
    if (!text) return Value();
    return make_bytes(ts, str_view(*text));
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// unhexlify(hexstr): two hex digits per byte, nothing else allowed.
Value binascii_unhexlify(ThreadState& ts, Args args) {
    Value data;
    if (!parse_args(ts, args, "unhexlify", {"/hexstr"}, {&data})) return Value();
    std::string_view hex;
    if (!ascii_data(ts, data, &hex)) return Value();
    if (hex.size() % 2 != 0) return raise_binascii_error(ts, "Odd-length string");
    BytesObject* out = bytes_alloc(ts, hex.size() / 2);
    if (!out) return Value();
    Ref result(val(out));
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
        if (hi < 0 || lo < 0) return raise_binascii_error(ts, "Non-hexadecimal digit found");
        out->data[i / 2] = static_cast<char>(hi << 4 | lo);
    }
    return result.release();
}

// --- base64 ---

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// b2a_base64(data, /, *, newline=True)
Value binascii_b2a_base64(ThreadState& ts, Args args) {
    Value data, newline_v;
    if (!parse_args(ts, args, "b2a_base64", {"/data", "$newline"}, {&data, &newline_v}))
        return Value();
    std::string_view in;
    if (!bytes_like_view(ts, data, &in)) return Value();
    int newline = 1;
    if (!newline_v.is_null() && (newline = obj_truthy(ts, newline_v)) < 0) return Value();
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4 + 1);
    std::size_t i = 0;
    auto byte = [&in](std::size_t k) { return static_cast<uint32_t>(static_cast<uint8_t>(in[k])); };
    for (; i + 3 <= in.size(); i += 3) {
        uint32_t triple = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        for (int shift = 18; shift >= 0; shift -= 6) out += kBase64Alphabet[(triple >> shift) & 63];
    }
    if (in.size() - i == 1) {
        uint32_t v = byte(i) << 16;
        out += kBase64Alphabet[v >> 18];
        out += kBase64Alphabet[(v >> 12) & 63];
        out += "==";
    } else if (in.size() - i == 2) {
        uint32_t v = byte(i) << 16 | byte(i + 1) << 8;
        out += kBase64Alphabet[v >> 18];
        out += kBase64Alphabet[(v >> 12) & 63];
        out += kBase64Alphabet[(v >> 6) & 63];
        out += '=';
    }
    if (newline) out += '\n';
    return make_bytes(ts, out);
}

// Decodes base64 as CPython's a2b_base64 does. Lenient mode skips bytes
// outside the alphabet and stops at the first complete padding; strict
// mode rejects them, leading padding, padding followed by data and
// anything after the padding. A '=' counts towards the padding only once
// two data characters of the quad are in (pads start again after data).
[[nodiscard]] bool base64_decode(ThreadState& ts, std::string_view in, bool strict,
                                 std::string* out) {
    auto fail = [&ts](std::string_view msg) {
        raise_binascii_error(ts, msg);
        return false;
    };
    if (strict && !in.empty() && in[0] == '=') return fail("Leading padding not allowed");
    int quad_pos = 0, pads = 0;
    unsigned left = 0;
    bool padding_started = false;
    std::size_t data_chars = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        auto c = static_cast<unsigned char>(in[i]);
        if (c == '=') {
            padding_started = true;
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < in.size()) return fail("Excess data after padding");
                return true;
            }
            continue;
        }
        int v = base64_value(c);
        if (v < 0) {
            if (strict) return fail("Only base64 data is allowed");
            continue;
        }
        if (strict && padding_started) return fail("Discontinuous padding not allowed");
        pads = 0;
        ++data_chars;
        switch (quad_pos) {
            case 0:
                left = static_cast<unsigned>(v);
                break;
            case 1:
                *out += static_cast<char>(left << 2 | v >> 4);
                left = v & 0x0f;
                break;
            case 2:
                *out += static_cast<char>(left << 4 | v >> 2);
                left = v & 0x03;
                break;
            default:
                *out += static_cast<char>(left << 6 | v);
                left = 0;
                break;
        }
        quad_pos = (quad_pos + 1) % 4;
    }
    if (quad_pos == 1) {
        raise_binascii_error(ts, fmt::format("Invalid base64-encoded string: number of data "
                                             "characters ({}) cannot be 1 more than a multiple "
                                             "of 4",
                                             data_chars));
        return false;
    }
    if (quad_pos != 0) return fail("Incorrect padding");
    return true;
}

// a2b_base64(data, /, *, strict_mode=False)
Value binascii_a2b_base64(ThreadState& ts, Args args) {
    Value data, strict_v;
    if (!parse_args(ts, args, "a2b_base64", {"/data", "$strict_mode"}, {&data, &strict_v}))
        return Value();
    std::string_view in;
    if (!ascii_data(ts, data, &in)) return Value();
    int strict = 0;
    if (!strict_v.is_null() && (strict = obj_truthy(ts, strict_v)) < 0) return Value();
    std::string out;
    out.reserve(in.size() / 4 * 3 + 3);
    if (!base64_decode(ts, in, strict != 0, &out)) return Value();
    return make_bytes(ts, out);
}

// --- checksums ---

// crc_hqx(data, value): CRC-CCITT (polynomial 0x1021), bit by bit, MSB first.
Value binascii_crc_hqx(ThreadState& ts, Args args) {
    if (!no_kwargs(ts, args, "crc_hqx") || !check_nargs(ts, args, "crc_hqx", 2, 2)) return Value();
    std::string_view in;
    if (!bytes_like_view(ts, args[0], &in)) return Value();
    int64_t start;
    if (!obj_index(ts, args[1], &start)) return Value();
    auto crc = static_cast<uint16_t>(start);
    for (char ch : in) {
        crc ^= static_cast<uint16_t>(static_cast<uint8_t>(ch) << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = static_cast<uint16_t>(crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return Value::small_int(crc);
}

constexpr MethodDef kBinasciiFunctions[] = {
    {"hexlify", binascii_hexlify},
    {"b2a_hex", binascii_hexlify},
    {"unhexlify", binascii_unhexlify},
    {"a2b_hex", binascii_unhexlify},
    {"b2a_base64", binascii_b2a_base64},
    {"a2b_base64", binascii_a2b_base64},
    {"crc32", zlib_crc32},
    {"crc_hqx", binascii_crc_hqx},
};

}  // namespace

Value init_binascii_module(ThreadState& ts) {
    BinasciiState& st = binascii_state(ts.interp());
    if (st.error.is_null()) {
        st.error = make_exception_class(ts, "binascii", "Error", val(ts.exc_types().ValueError));
        if (st.error.is_null()) return Value();
    }
    if (st.incomplete.is_null()) {
        st.incomplete =
            make_exception_class(ts, "binascii", "Incomplete", val(ts.exc_types().Exception));
        if (st.incomplete.is_null()) return Value();
    }
    Ref m(module_new(ts, "binascii"));
    if (!m || !module_add_functions(ts, *m, kBinasciiFunctions) ||
        !module_add_value(ts, *m, "Error", st.error) ||
        !module_add_value(ts, *m, "Incomplete", st.incomplete))
        return Value();
    return m.release();
}

}  // namespace gilt
