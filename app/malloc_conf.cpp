// app/malloc_conf.cpp — settings for jemalloc, the program's allocator (linked into textatlas and
// the benchmarks by the top-level CMakeLists.txt; not into sanitizer or fuzz builds, whose runtimes
// bring their own).
// Why: a frame, a gazetteer or a DEM texture touches some 300 MB of fresh memory, and on a virtual
// machine every 4 KiB page fault is expensive; with transparent huge pages (2 MiB) a render of
// the bundled article takes about 80,000 page faults fewer and half the time (docs/benchmarks.md,
// "Memory pages"). Linux's default THP mode, "madvise", gives huge pages only to memory that asks
// for them, which glibc's malloc does not and jemalloc does with thp:always. Where THP is off, the
// setting does nothing. Mesa's llvmpipe allocates its framebuffers and textures with malloc too,
// so they benefit as well.
extern "C" {
// jemalloc reads this symbol once, at its first allocation; $MALLOC_CONF can still override it.
const char* malloc_conf = "thp:always,metadata_thp:always";
}
