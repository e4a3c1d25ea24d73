// The backtracking VM that runs a compiled regular expression.
//
// One Vm per call: it owns the capture slots, the loop registers and the
// backtrack stack. Every change that backtracking must undo (a capture, a
// register, lastindex) pushes a frame holding the old value; a failure pops
// frames, undoing them, until it finds a choice point (a Split's other
// branch, or a RepeatOne that can give back or take one more character).
// The stack lives on the heap, so a long subject never deepens the C++
// stack. Lookarounds and atomic groups run their sub-program by a recursive
// exec() with their own stack base; what they captured survives, and frames
// pushed afterwards undo it if the outer match backtracks past them.
//
// The subject is an array of code points (bytes or ASCII as uint8_t, other
// str as uint32_t), and s[0, n) ends at the search's endpos, as CPython's
// state->end does: `$` and \Z see endpos as the end, while `^`, \A and
// look-behind still see the real beginning.
#include <cstdlib>
#include <cstring>

#include "stdlib/regex.hpp"

namespace gilt::regex {

namespace {

template <class C>
int64_t find_char(const C* s, int64_t from, int64_t n, uint32_t c) {
    if constexpr (sizeof(C) == 1) {
        if (c > 255) return -1;
        const void* hit = std::memchr(s + from, int(c), size_t(n - from));
        return hit ? static_cast<const C*>(hit) - s : -1;
    } else {
        for (int64_t i = from; i < n; ++i)
            if (s[i] == c) return i;
        return -1;
    }
}

// The backtrack stack: a plain growable array whose push stays inline in
// the VM loop (std::vector's emplace_back did not, and cost most of the time
// of backtracking-heavy patterns).
template <class T>
class FrameStack {
public:
    FrameStack() = default;
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;
    ~FrameStack() { std::free(m_data); }

    // When the stack cannot grow, the frame is dropped and failed() turns
    // true; the VM then abandons the run (out_of_memory).
    void push_back(const T& f) {
        if (m_size == m_cap) [[unlikely]] {
            if (!grow()) return;
        }
        m_data[m_size++] = f;
    }
    bool failed() const { return m_failed; }
    T& back() { return m_data[m_size - 1]; }
    void pop_back() { --m_size; }
    size_t size() const { return m_size; }
    void resize(size_t n) { m_size = n; }  // only ever shrinks
    void clear() { m_size = 0; }

private:
    bool grow() {
        size_t cap = m_cap ? m_cap * 2 : 64;
        void* data = std::realloc(m_data, cap * sizeof(T));
        if (!data) {
            m_failed = true;
            return false;
        }
        m_data = static_cast<T*>(data);
        m_cap = cap;
        return true;
    }

    bool m_failed = false;
    T* m_data = nullptr;
    size_t m_size = 0;
    size_t m_cap = 0;
};

template <class C>
class Vm {
public:
    Vm(const Program& prog, const C* s, int64_t n, const Interrupt* interrupt)
        : m_prog(prog),
          m_s(s),
          m_n(n),
          m_slots(2 * size_t(prog.groups + 1), -1),
          m_regs(size_t(prog.registers), -1),
          m_interrupt(interrupt) {}

    bool search(int64_t pos, Mode mode, bool must_advance, MatchResult& out);

private:
    enum Kind : uint8_t { kBranch, kSlot, kReg, kLast, kGiveBack, kTakeMore, kLoop };
    struct Frame {
        Kind kind;
        int32_t pc;
        int64_t a;  // kBranch, kLoop: pos; kSlot/kReg: old value; kGiveBack/kTakeMore: start
        int64_t b;  // kSlot/kReg: index; kGiveBack/kTakeMore: count; kLoop: old register
    };

    bool attempt(int64_t start);
    // The next place the pattern's literal prefix occurs, or -1.
    int64_t find_prefix(int64_t start) const {
        const std::string& bytes = m_prog.prefix_bytes;
        if constexpr (sizeof(C) == 1) {
            if (bytes.size() > 1) {
                const void* hit =
                    memmem(m_s + start, size_t(m_n - start), bytes.data(), bytes.size());
                return hit ? static_cast<const C*>(hit) - m_s : -1;
            }
        }
        return find_char(m_s, start, m_n, m_prog.prefix[0]);
    }
    // The first position from `start` where a match can begin (m_n if none).
    int64_t skip_to_first(int64_t start) const {
        const uint64_t* first = m_prog.first;
        for (; start < m_n; ++start) {
            uint32_t c = m_s[start];
            if (c < 256 ? (first[c >> 6] >> (c & 63)) & 1 : m_prog.first_wide) break;
        }
        return start;
    }
    bool exec(int32_t pc, int64_t pos, int64_t& end);
    bool one(const Inst& in, uint32_t ch) const;
    bool at(const Inst& in, int64_t pos) const;
    bool backref(const Inst& in, int64_t& pos) const;
    bool sub(int32_t pc, int64_t pos, int64_t& end);
    void set_slot(int64_t slot, int64_t value) {
        m_stack.push_back({kSlot, 0, m_slots[size_t(slot)], slot});
        m_slots[size_t(slot)] = value;
    }
    void snapshot();
    void restore_snapshot();
    void keep_changes();

    const Program& m_prog;
    const C* m_s;
    int64_t m_n;
    std::vector<int64_t> m_slots;
    std::vector<int64_t> m_regs;
    std::vector<int64_t> m_saved;  // slot copies around capturing sub-programs
    FrameStack<Frame> m_stack;
    int m_lastindex = -1;
    int64_t m_start = 0;
    bool m_full = false;
    bool m_must_advance = false;
    int m_depth = 0;  // nesting of sub-programs being run
    const Interrupt* m_interrupt;
    uint32_t m_steps = 0;    // backtracks, for polling m_interrupt
    bool m_stopped = false;  // interrupted or out of memory: give up everywhere
};

template <class C>
bool Vm<C>::one(const Inst& in, uint32_t ch) const {
    switch (in.op) {
        case Op::Char:
            return ch == in.c;
        case Op::CharI:
            return ch == in.c || fold_key(ch, in.flag) == in.c2;
        case Op::Any:
            return ch != '\n';
        case Op::AnyAll:
            return true;
        case Op::Set:
            return m_prog.sets[size_t(in.x)].contains(ch);
        default:
            return false;
    }
}

template <class C>
bool Vm<C>::at(const Inst& in, int64_t pos) const {
    switch (AtKind(in.x)) {
        case AtKind::Beginning:
            return pos == 0;
        case AtKind::BeginningLine:
            return pos == 0 || m_s[pos - 1] == '\n';
        case AtKind::EndDollar:
            return pos == m_n || (pos == m_n - 1 && m_s[pos] == '\n');
        case AtKind::EndLine:
            return pos == m_n || m_s[pos] == '\n';
        case AtKind::EndString:
            return pos == m_n;
        case AtKind::Boundary:
        case AtKind::NonBoundary: {
            if (m_n == 0) return false;
            bool before = pos > 0 && is_word(m_s[pos - 1], in.flag);
            bool after = pos < m_n && is_word(m_s[pos], in.flag);
            return (before != after) == (AtKind(in.x) == AtKind::Boundary);
        }
    }
    return false;
}

template <class C>
bool Vm<C>::backref(const Inst& in, int64_t& pos) const {
    int64_t gs = m_slots[2 * size_t(in.x)], ge = m_slots[2 * size_t(in.x) + 1];
    if (gs < 0 || ge < 0) return false;
    int64_t len = ge - gs;
    if (pos + len > m_n) return false;
    bool ascii = in.flag & 2;
    for (int64_t k = 0; k < len; ++k) {
        uint32_t a = m_s[gs + k], b = m_s[pos + k];
        if (a == b) continue;
        if (!(in.flag & 1) || fold_lower(a, ascii) != fold_lower(b, ascii)) return false;
    }
    pos += len;
    return true;
}

// Runs the sub-program at pc (a lookaround or atomic group) to its first
// solution, then drops its choice points.
template <class C>
bool Vm<C>::sub(int32_t pc, int64_t pos, int64_t& end) {
    size_t base = m_stack.size();
    ++m_depth;
    bool ok = exec(pc, pos, end);
    --m_depth;
    m_stack.resize(base);
    return ok;
}

// Around a sub-program that captures: the slots before it (a stack of
// copies, as sub-programs nest), restored after a negative lookaround, or
// turned into undo frames for the outer match after a success.
template <class C>
void Vm<C>::snapshot() {
    m_saved.insert(m_saved.end(), m_slots.begin(), m_slots.end());
    m_saved.push_back(m_lastindex);
}

template <class C>
void Vm<C>::restore_snapshot() {
    size_t n = m_slots.size();
    m_lastindex = int(m_saved.back());
    m_saved.pop_back();
    std::copy(m_saved.end() - int64_t(n), m_saved.end(), m_slots.begin());
    m_saved.resize(m_saved.size() - n);
}

template <class C>
void Vm<C>::keep_changes() {
    size_t n = m_slots.size();
    int before_last = int(m_saved.back());
    m_saved.pop_back();
    const int64_t* before = m_saved.data() + (m_saved.size() - n);
    for (size_t i = 0; i < n; ++i) {
        if (before[i] != m_slots[i]) m_stack.push_back({kSlot, 0, before[i], int64_t(i)});
    }
    if (before_last != m_lastindex) m_stack.push_back({kLast, 0, before_last, 0});
    m_saved.resize(m_saved.size() - n);
}

template <class C>
bool Vm<C>::exec(int32_t pc, int64_t pos, int64_t& end) {
    size_t base = m_stack.size();
    const Inst* code = m_prog.code.data();
    for (;;) {
        const Inst& in = code[pc];
        switch (in.op) {
            case Op::Char:
                if (pos < m_n && m_s[pos] == in.c) {
                    ++pos;
                    ++pc;
                    continue;
                }
                goto fail;
            case Op::CharI:
            case Op::Any:
            case Op::AnyAll:
            case Op::Set:
                if (pos < m_n && one(in, m_s[pos])) {
                    ++pos;
                    ++pc;
                    continue;
                }
                goto fail;
            case Op::Split:
                m_stack.push_back({kBranch, in.y, pos, 0});
                pc = in.x;
                continue;
            case Op::Jmp:
                pc = in.x;
                continue;
            case Op::Save: {
                set_slot(in.x, pos);
                if ((in.x & 1) && in.x > 1) {
                    m_stack.push_back({kLast, 0, m_lastindex, 0});
                    m_lastindex = in.x / 2;
                }
                ++pc;
                continue;
            }
            case Op::At:
                if (!at(in, pos)) goto fail;
                ++pc;
                continue;
            case Op::Backref:
                if (!backref(in, pos)) goto fail;
                ++pc;
                continue;
            case Op::RepeatOne: {
                const Inst& body = code[pc + 1];
                int64_t limit = std::min<int64_t>(int64_t(in.max), m_n - pos);
                int64_t count = 0;
                if (in.flag == kLazy) {
                    while (count < int64_t(in.min) && count < limit && one(body, m_s[pos + count]))
                        ++count;
                    if (count < int64_t(in.min)) goto fail;
                    m_stack.push_back({kTakeMore, pc, pos, count});
                } else {
                    while (count < limit && one(body, m_s[pos + count])) ++count;
                    if (count < int64_t(in.min)) goto fail;
                    if (in.flag == kGreedy && count > int64_t(in.min))
                        m_stack.push_back({kGiveBack, pc, pos, count});
                }
                pos += count;
                pc += 2;
                continue;
            }
            case Op::Mark:
                m_stack.push_back({kReg, 0, m_regs[size_t(in.x)], in.x});
                m_regs[size_t(in.x)] = pos;
                ++pc;
                continue;
            case Op::LoopGreedy:
                // One frame serves as the choice point (leave the loop here)
                // and as the undo of the register: half of Split plus Mark.
                m_stack.push_back({kLoop, pc, pos, m_regs[size_t(in.x)]});
                m_regs[size_t(in.x)] = pos;
                ++pc;
                continue;
            case Op::Check:
                pc = pos == m_regs[size_t(in.x)] ? in.y : pc + 1;
                continue;
            case Op::Look: {
                // Captures made inside are kept on success (undoable later)
                // and dropped by a negative lookaround; a sub-program
                // without captures (in.c == 0) needs no copy of the slots.
                int64_t from =
                    (in.flag & kLookBehind) ? pos - in.x : pos;  // fixed width: ends at pos
                if (in.c) snapshot();
                int64_t sub_end;
                bool ok = from >= 0 && sub(pc + 1, from, sub_end);
                if (m_stopped) return false;
                if (in.flag & kLookNegative) {
                    if (in.c) restore_snapshot();
                    if (ok) goto fail;
                } else {
                    if (!ok) goto fail;
                    if (in.c) keep_changes();
                }
                pc = in.y;
                continue;
            }
            case Op::Atomic: {
                if (in.c) snapshot();
                int64_t sub_end;
                if (!sub(pc + 1, pos, sub_end)) {
                    if (m_stopped) return false;
                    goto fail;
                }
                if (in.c) keep_changes();
                pos = sub_end;
                pc = in.y;
                continue;
            }
            case Op::GroupExists:
                pc = m_slots[2 * size_t(in.x) + 1] >= 0 ? pc + 1 : in.y;
                continue;
            case Op::Succeed:
                end = pos;
                return true;
            case Op::Match:
                if (m_stack.failed()) goto fail;  // a choice was dropped: the result is not sure
                if (m_full && pos != m_n) goto fail;
                if (m_must_advance && pos == m_start) goto fail;
                end = pos;
                return true;
        }
    fail:
        if ((++m_steps & 0xFFF) == 0 || m_stack.failed()) [[unlikely]] {
            if (m_stack.failed() || (m_interrupt && m_interrupt->poll(m_interrupt->ctx)))
                m_stopped = true;
        }
        if (m_stopped) return false;
        for (;;) {
            if (m_stack.size() <= base) return false;
            Frame& f = m_stack.back();
            switch (f.kind) {
                case kBranch:
                    pc = f.pc;
                    pos = f.a;
                    m_stack.pop_back();
                    goto resumed;
                case kSlot:
                    m_slots[size_t(f.b)] = f.a;
                    break;
                case kReg:
                    m_regs[size_t(f.b)] = f.a;
                    break;
                case kLast:
                    m_lastindex = int(f.a);
                    break;
                case kLoop: {
                    const Inst& loop = code[f.pc];
                    m_regs[size_t(loop.x)] = f.b;
                    pc = loop.y;
                    pos = f.a;
                    m_stack.pop_back();
                    goto resumed;
                }
                case kGiveBack: {
                    // Give back one character; when a literal follows, give
                    // back until it could match.
                    const Inst& rep = code[f.pc];
                    const Inst& next = code[f.pc + 2];
                    int64_t count = f.b - 1;
                    if (next.op == Op::Char) {
                        while (count >= int64_t(rep.min) &&
                               (f.a + count >= m_n || m_s[f.a + count] != next.c))
                            --count;
                    }
                    if (count < int64_t(rep.min)) break;
                    pc = f.pc + 2;
                    pos = f.a + count;
                    if (count == int64_t(rep.min)) {
                        m_stack.pop_back();
                    } else {
                        f.b = count;
                    }
                    goto resumed;
                }
                case kTakeMore: {
                    const Inst& rep = code[f.pc];
                    int64_t p = f.a + f.b;
                    if (f.b >= int64_t(rep.max) || p >= m_n || !one(code[f.pc + 1], m_s[p])) break;
                    ++f.b;
                    pc = f.pc + 2;
                    pos = p + 1;
                    goto resumed;
                }
            }
            m_stack.pop_back();
        }
    resumed:;
    }
}

template <class C>
bool Vm<C>::attempt(int64_t start) {
    std::fill(m_slots.begin(), m_slots.end(), -1);
    m_lastindex = -1;
    m_stack.clear();
    m_start = start;
    int64_t end;
    if (!exec(0, start, end)) return false;
    m_slots[0] = start;
    m_slots[1] = end;
    return true;
}

template <class C>
bool Vm<C>::search(int64_t pos, Mode mode, bool must_advance, MatchResult& out) {
    m_full = mode == Mode::FullMatch;
    m_must_advance = must_advance;
    bool found = false;
    if (mode != Mode::Search || m_prog.anchored) {
        found = attempt(pos);
    } else {
        const std::vector<uint32_t>& prefix = m_prog.prefix;
        for (int64_t start = pos; start <= m_n; ++start) {
            if (!prefix.empty()) {
                start = find_prefix(start);
                if (start < 0) break;
            } else if (m_prog.has_first) {
                start = skip_to_first(start);
                if (start >= m_n) break;
            }
            if (attempt(start)) {
                found = true;
                break;
            }
            if (m_stopped) break;
            m_must_advance = false;  // only an empty match at `pos` itself is refused
        }
    }
    out.interrupted = m_stopped && !m_stack.failed();
    out.out_of_memory = m_stack.failed();
    if (!found) return false;
    out.slots = m_slots;
    out.lastindex = m_lastindex;
    return true;
}

}  // namespace

bool run(const Program& prog, const uint8_t* s, int64_t n, int64_t pos, Mode mode,
         bool must_advance, MatchResult& out, const Interrupt* interrupt) {
    Vm<uint8_t> vm(prog, s, n, interrupt);
    return vm.search(pos, mode, must_advance, out);
}

bool run(const Program& prog, const uint32_t* s, int64_t n, int64_t pos, Mode mode,
         bool must_advance, MatchResult& out, const Interrupt* interrupt) {
    Vm<uint32_t> vm(prog, s, n, interrupt);
    return vm.search(pos, mode, must_advance, out);
}

}  // namespace gilt::regex
