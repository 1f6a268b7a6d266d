// tests/fuzz/fuzz_check.hpp — what a fuzz target does when a property fails: print it and abort,
// so libFuzzer saves the input as a crash. Used only by the fuzz targets in this folder.
#pragma once
#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                             \
    do {                                                                                  \
        if (!(condition)) {                                                               \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                 \
        }                                                                                 \
    } while (0)
