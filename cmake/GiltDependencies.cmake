# Third-party libraries, all from Debian packages (tools/setup.sh installs them).
# Each becomes an imported target so the rest of the build links by name.

find_package(fmt REQUIRED)                              # fmt::fmt
find_package(Boost REQUIRED COMPONENTS context)         # Boost::context
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)                          # Threads::Threads
find_package(GMP REQUIRED)                              # GMP::gmp, GMP::gmpxx
find_package(Readline REQUIRED)                         # Readline::Readline
# Start-up cost: the dynamic loader looks up one symbol per relocation of
# every shared library, in every process (each spawned worker too), and
# libcrypto, libssl and libsqlite3 hold about 5,600 of the 7,800 lookups a
# `gilt -c pass` makes, half of its instructions. Linked from their static
# archives (Debian ships them in the same -dev packages) the lookups are
# done once, by the linker. The installed package config finds its own
# copies, so a host application links whichever it prefers.
option(GILT_STATIC_HEAVY_LIBS "Link OpenSSL and SQLite statically (faster process start-up)" ON)
if(GILT_STATIC_HEAVY_LIBS)
  find_library(GILT_CRYPTO_ARCHIVE libcrypto.a)
  find_library(GILT_SSL_ARCHIVE libssl.a)
  find_library(GILT_SQLITE3_ARCHIVE libsqlite3.a)
  if(GILT_CRYPTO_ARCHIVE AND GILT_SSL_ARCHIVE AND GILT_SQLITE3_ARCHIVE)
    # Normal variables shadow what the find modules may have cached earlier.
    set(OPENSSL_USE_STATIC_LIBS TRUE)
    set(OPENSSL_CRYPTO_LIBRARY ${GILT_CRYPTO_ARCHIVE})
    set(OPENSSL_SSL_LIBRARY ${GILT_SSL_ARCHIVE})
    set(SQLite3_LIBRARY ${GILT_SQLITE3_ARCHIVE})
  endif()
endif()
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
