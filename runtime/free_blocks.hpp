// Freed memory blocks of one size, kept for the next allocation of that size.
//
// Some blocks are made and dropped by the million: the smallest dict tables
// (instance __dict__s, keyword arguments) and small tuples (argument packs,
// multiple return values). Popping a block from a list is far cheaper than
// the allocator's malloc and free. The list runs through each block's first
// word, so it costs no memory of its own, and it is bounded, so a burst of
// frees does not pin memory for long. Each interpreter has its own lists
// (no global state); the holder closes them at tear-down, after which every
// block goes straight back to the allocator.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace gilt {

class FreeBlocks {
public:
    explicit constexpr FreeBlocks(uint32_t max) noexcept : m_max(max) {}
    FreeBlocks(const FreeBlocks&) = delete;
    FreeBlocks& operator=(const FreeBlocks&) = delete;

    // A kept block, or nullptr when there is none. Its contents are stale.
    void* pop() noexcept {
        void* block = m_head;
        if (block != nullptr) {
            m_head = *static_cast<void**>(block);
            --m_len;
        }
        return block;
    }

    // Keeps `block` for a later pop(); false when the list is full (or
    // closed), and the caller then frees the block itself.
    bool push(void* block) noexcept {
        if (m_len >= m_max) return false;
        *static_cast<void**>(block) = m_head;
        m_head = block;
        ++m_len;
        return true;
    }

    // Hands every kept block to `free_block` and refuses later pushes.
    void close(void (*free_block)(void*) noexcept) noexcept {
        while (void* block = pop()) free_block(block);
        m_max = 0;
    }

    uint32_t size() const noexcept { return m_len; }
    uint32_t capacity() const noexcept { return m_max; }

private:
    void* m_head = nullptr;
    uint32_t m_len = 0;
    uint32_t m_max;
};

// N lists with the same bound (one per block size).
template <std::size_t N>
std::array<FreeBlocks, N> free_blocks_array(uint32_t max) noexcept {
    return [max]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<FreeBlocks, N>{FreeBlocks((static_cast<void>(I), max))...};
    }
    (std::make_index_sequence<N>{});
}

}  // namespace gilt
