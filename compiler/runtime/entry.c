/* tsjit entry trampolines: the only native code built at setup.
 *
 * Why this file exists: Deno reaches foreign code at full speed only through symbols obtained
 * from Deno.dlopen (~25 ns a call); Deno.UnsafeFnPointer.call takes ~1.7 us. Code compiled by
 * ORC LLJIT lives at addresses, not in a dlopen'able library, so every compiled entry is reached
 * through one of these fixed trampolines. Each takes the typed arrays as buffers (no copy) and a
 * per-signature scalar block whose first 8 bytes hold the entry's address.
 * Keep MAX_ARRAYS in sync with compiler/runtime/entry.ts.
 */
#define _GNU_SOURCE /* dladdr */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
typedef double (*tsjit_entry0_t)(double*);
double tsjit_call0(double* sc) { return (*(tsjit_entry0_t*)sc)(sc); }
typedef double (*tsjit_entry1_t)(void*, double*);
double tsjit_call1(void* a0, double* sc) { return (*(tsjit_entry1_t*)sc)(a0, sc); }
typedef double (*tsjit_entry2_t)(void*, void*, double*);
double tsjit_call2(void* a0, void* a1, double* sc) { return (*(tsjit_entry2_t*)sc)(a0, a1, sc); }
typedef double (*tsjit_entry3_t)(void*, void*, void*, double*);
double tsjit_call3(void* a0, void* a1, void* a2, double* sc) { return (*(tsjit_entry3_t*)sc)(a0, a1, a2, sc); }
typedef double (*tsjit_entry4_t)(void*, void*, void*, void*, double*);
double tsjit_call4(void* a0, void* a1, void* a2, void* a3, double* sc) { return (*(tsjit_entry4_t*)sc)(a0, a1, a2, a3, sc); }
typedef double (*tsjit_entry5_t)(void*, void*, void*, void*, void*, double*);
double tsjit_call5(void* a0, void* a1, void* a2, void* a3, void* a4, double* sc) { return (*(tsjit_entry5_t*)sc)(a0, a1, a2, a3, a4, sc); }
typedef double (*tsjit_entry6_t)(void*, void*, void*, void*, void*, void*, double*);
double tsjit_call6(void* a0, void* a1, void* a2, void* a3, void* a4, void* a5, double* sc) { return (*(tsjit_entry6_t*)sc)(a0, a1, a2, a3, a4, a5, sc); }
typedef double (*tsjit_entry7_t)(void*, void*, void*, void*, void*, void*, void*, double*);
double tsjit_call7(void* a0, void* a1, void* a2, void* a3, void* a4, void* a5, void* a6, double* sc) { return (*(tsjit_entry7_t*)sc)(a0, a1, a2, a3, a4, a5, a6, sc); }
typedef double (*tsjit_entry8_t)(void*, void*, void*, void*, void*, void*, void*, void*, double*);
double tsjit_call8(void* a0, void* a1, void* a2, void* a3, void* a4, void* a5, void* a6, void* a7, double* sc) { return (*(tsjit_entry8_t*)sc)(a0, a1, a2, a3, a4, a5, a6, a7, sc); }
typedef double (*tsjit_entry9_t)(void*, void*, void*, void*, void*, void*, void*, void*, void*, double*);
double tsjit_call9(void* a0, void* a1, void* a2, void* a3, void* a4, void* a5, void* a6, void* a7, void* a8, double* sc) { return (*(tsjit_entry9_t*)sc)(a0, a1, a2, a3, a4, a5, a6, a7, a8, sc); }
typedef double (*tsjit_entry10_t)(void*, void*, void*, void*, void*, void*, void*, void*, void*, void*, double*);
double tsjit_call10(void* a0, void* a1, void* a2, void* a3, void* a4, void* a5, void* a6, void* a7, void* a8, void* a9, double* sc) { return (*(tsjit_entry10_t*)sc)(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, sc); }
typedef double (*tsjit_entry11_t)(void*, void*, void*, void*, void*, void*, void*, void*, void*, void*, void*, double*);
double tsjit_call11(void* a0, void* a1, void* a2, void* a3, void* a4, void* a5, void* a6, void* a7, void* a8, void* a9, void* a10, double* sc) { return (*(tsjit_entry11_t*)sc)(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, sc); }
typedef double (*tsjit_entry12_t)(void*, void*, void*, void*, void*, void*, void*, void*, void*, void*, void*, void*, double*);
double tsjit_call12(void* a0, void* a1, void* a2, void* a3, void* a4, void* a5, void* a6, void* a7, void* a8, void* a9, void* a10, void* a11, double* sc) { return (*(tsjit_entry12_t*)sc)(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, sc); }

/* ---- Parallel regions ----------------------------------------------------------------------
 * The fork/join runs here, in native code, so that a region costs a few microseconds and
 * entries stay on Deno's fast call path (which forbids calling back into JS). The control block
 * is a SharedArrayBuffer laid out in parallel/_layout.ts; pool workers are Deno workers that
 * enter tsjit_worker once and stay in it, spinning briefly and then sleeping on a futex.
 * The region descriptor, as int64 slots: [0] chunk function, [1] environment, [2] iteration
 * count, [3] number of chunks, [4] first chunk context block, [5] bytes between context blocks. */
#include <limits.h>
#include <linux/futex.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { MAX_CHUNKS = 64 }; /* reduction partials per prange loop (parallel/_layout.ts) */
enum { GEN = 0, REMAIN = 1, DONE = 2, NCHUNKS = 3, NTHREADS = 4, SLEEPERS = 5, IN_REGION = 6, MAIN_SLEEPING = 7, READY = 8 };

typedef void (*tsjit_chunk_t)(void* env, int64_t lo, int64_t hi, double* ctx, int64_t k);

static void futex_wait(_Atomic int32_t* a, int32_t v) {
  syscall(SYS_futex, (int32_t*)a, FUTEX_WAIT_PRIVATE, v, NULL, NULL, 0);
}
static void futex_wake(_Atomic int32_t* a) {
  syscall(SYS_futex, (int32_t*)a, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}
static inline void relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

/* Run chunk k: iterations [count*k/n, count*(k+1)/n) with its own context block. */
static void run_chunk(int64_t* desc, int32_t k, int32_t thread) {
  tsjit_chunk_t fn = (tsjit_chunk_t)desc[0];
  int64_t count = desc[2], n = desc[3];
  double* ctx = (double*)(desc[4] + (int64_t)k * desc[5]);
  int64_t lo = (int64_t)((__int128)count * k / n), hi = (int64_t)((__int128)count * (k + 1) / n);
  ctx[1] = 0;
  ctx[5] = thread;
  fn((void*)desc[1], lo, hi, ctx, k);
}

/* Claim chunks until none is left. A claim made after the main thread reset REMAIN belongs to
 * the region whose descriptor was written before that reset: index and descriptor agree. */
static void claim_chunks(_Atomic int32_t* c, int64_t* desc, int32_t thread) {
  for (;;) {
    int32_t k = atomic_fetch_sub(&c[REMAIN], 1) - 1;
    if (k < 0) return;
    run_chunk(desc, k, thread);
    int32_t done = atomic_fetch_add(&c[DONE], 1) + 1;
    if (done >= atomic_load(&c[NCHUNKS]) && atomic_load(&c[MAIN_SLEEPING])) futex_wake(&c[DONE]);
  }
}

/* The main thread's side of a region of n chunks (the descriptor is filled). */
void tsjit_region(_Atomic int32_t* c, int64_t* desc, int32_t n, int64_t spin) {
  atomic_store(&c[NCHUNKS], n);
  atomic_store(&c[DONE], 0);
  atomic_store(&c[IN_REGION], 1);
  atomic_store(&c[REMAIN], n);
  atomic_fetch_add(&c[GEN], 1);
  if (atomic_load(&c[SLEEPERS]) > 0) futex_wake(&c[GEN]);
  claim_chunks(c, desc, 0);
  for (int64_t s = 0; atomic_load(&c[DONE]) < n; s++) {
    if (s < spin) {
      relax();
      continue;
    }
    atomic_store(&c[MAIN_SLEEPING], 1);
    int32_t d = atomic_load(&c[DONE]);
    if (d < n) futex_wait(&c[DONE], d);
    atomic_store(&c[MAIN_SLEEPING], 0);
  }
  atomic_store(&c[IN_REGION], 0);
}

/* ---- What compiled code calls: one symbol, resolved by name (ORC finds it once this library
 * is made global; shared libraries built from compiled code link against it). ---- */
static _Atomic int32_t* control; /* the pool's control block; NULL: no pool, run serially */
static int64_t pool_spin;

/* The pool registers its control block once (parallel/pool.ts). */
void tsjit_set_control(_Atomic int32_t* c, int64_t spin) {
  control = c;
  pool_spin = spin;
}

/* Runs chunk(env, lo, hi, ctx, k) over [0, count) on the pool, or serially (one thread set, a
 * tiny loop, a region already running, no pool). A chunk's error goes to the caller's context
 * block, first chunk first. Returns the number of chunks, whose reduction partials the caller
 * combines in chunk order. */
int64_t tsjit_parallel(tsjit_chunk_t fn, void* env, int64_t count, double* ctx) {
  _Atomic int32_t* c = control;
  int64_t n = c ? atomic_load(&c[NTHREADS]) : 1;
  if (n > count) n = count;
  if (n > MAX_CHUNKS) n = MAX_CHUNKS;
  if (n <= 1 || atomic_load(&c[IN_REGION])) {
    fn(env, 0, count, ctx, 0);
    return 1;
  }
  int64_t* desc = (int64_t*)((char*)c + 64);
  desc[0] = (int64_t)fn;
  desc[1] = (int64_t)env;
  desc[2] = count;
  desc[3] = n;
  desc[4] = (int64_t)((char*)c + 128);
  desc[5] = 64;
  tsjit_region(c, desc, (int32_t)n, pool_spin);
  for (int64_t k = 0; k < n; k++) {
    double* kc = (double*)((char*)c + 128 + 64 * k);
    if (kc[1] != 0) {
      for (int s = 1; s <= 4; s++) ctx[s] = kc[s];
      break;
    }
  }
  return n;
}

/* Makes this library's symbols visible process-wide (Deno opens libraries RTLD_LOCAL), so that
 * the JIT's process-symbol search resolves tsjit_parallel. */
#include <dlfcn.h>
int32_t tsjit_make_global(void) {
  Dl_info info;
  if (!dladdr((void*)tsjit_make_global, &info)) return 0;
  return dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD) != NULL;
}

/* A pool worker's whole life: wait for a region, claim chunks, repeat. Never returns. */
void tsjit_worker(_Atomic int32_t* c, int64_t* desc, int32_t id, int32_t spin) {
  int32_t seen = atomic_load(&c[GEN]);
  atomic_fetch_add(&c[READY], 1);
  for (;;) {
    claim_chunks(c, desc, id);
    for (int32_t s = 0; atomic_load(&c[GEN]) == seen;) {
      if (s < spin) {
        s++;
        relax();
        continue;
      }
      atomic_fetch_add(&c[SLEEPERS], 1);
      if (atomic_load(&c[GEN]) == seen) futex_wait(&c[GEN], seen);
      atomic_fetch_sub(&c[SLEEPERS], 1);
    }
    seen = atomic_load(&c[GEN]);
  }
}

/* ---- The host CPU, identified without LLVM (the compile cache's key must not load it). ---- */
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
void tsjit_cpu_id(char* buf, int32_t len) {
  unsigned a = 0, b = 0, c = 0, d = 0, max = __get_cpuid_max(0, NULL);
  char vendor[13] = {0};
  __cpuid(0, a, b, c, d);
  memcpy(vendor, &b, 4), memcpy(vendor + 4, &d, 4), memcpy(vendor + 8, &c, 4);
  unsigned s1[4] = {0}, s7[4] = {0};
  __cpuid(1, s1[0], s1[1], s1[2], s1[3]);
  if (max >= 7) __cpuid_count(7, 0, s7[0], s7[1], s7[2], s7[3]);
  snprintf(buf, len, "%s-%x-%x-%x-%x-%x-%x", vendor, s1[0], s1[2], s1[3], s7[1], s7[2], s7[3]);
}
#else
void tsjit_cpu_id(char* buf, int32_t len) { snprintf(buf, len, "%s", "generic"); }
#endif
