# Third-party libraries, all from Debian packages (tools/setup.sh installs them).
# Each becomes an imported target so the rest of the build links by name.

find_package(fmt REQUIRED)                              # fmt::fmt
find_package(Boost REQUIRED COMPONENTS context)         # Boost::context
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)                          # Threads::Threads
find_package(GMP REQUIRED)                              # GMP::gmp, GMP::gmpxx
find_package(Readline REQUIRED)                         # Readline::Readline
find_package(OpenSSL REQUIRED COMPONENTS Crypto SSL)    # OpenSSL::Crypto (hashlib), OpenSSL::SSL (ssl)
find_package(ZLIB REQUIRED)                             # ZLIB::ZLIB (zlib, binascii.crc32)
find_package(SQLite3 REQUIRED)                          # SQLite::SQLite3 (_sqlite3)
find_package(EXPAT REQUIRED)                            # EXPAT::EXPAT (pyexpat)

# Object memory comes from mimalloc, which is much faster than glibc's
# malloc for the many small, short-lived objects an interpreter makes.
# Sanitizer builds keep the system allocator, which the sanitizers watch.
if(GILT_SANITIZER STREQUAL "")
  find_package(mimalloc REQUIRED)                       # mimalloc
endif()
