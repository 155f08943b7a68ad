/* tsjit entry trampolines: the only native code built at setup.
 *
 * Why this file exists: Deno reaches foreign code at full speed only through symbols obtained
 * from Deno.dlopen (~25 ns a call); Deno.UnsafeFnPointer.call takes ~1.7 us. Code compiled by
 * ORC LLJIT lives at addresses, not in a dlopen'able library, so every compiled entry is reached
 * through one of these fixed trampolines. Each takes the typed arrays as buffers (no copy) and a
 * per-signature scalar block whose first 8 bytes hold the entry's address.
 *
 * Every number shared with compiled code and JS (context-block slots, limits) comes from
 * compiler/runtime/abi.ts as -D definitions (abiDefines); this file does not build without them.
 */
#define _GNU_SOURCE /* dladdr */
#if !defined(TSJIT_CTX_STATUS) || !defined(TSJIT_CHUNK_CTX_SLOTS) || !defined(TSJIT_MAX_CHUNKS)
#error "build entry.c with the definitions of compiler/runtime/abi.ts (abiDefines)"
#endif
_Static_assert(TSJIT_MAX_ARRAYS == 12, "one trampoline tsjit_callN per array count 0..MAX_ARRAYS");
_Static_assert(TSJIT_CHUNK_CTX_SLOTS >= TSJIT_CTX_HEADER, "a chunk's block holds the header");
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
 * The fork/join runs here, in native code, so that a region costs well under a microsecond and
 * entries stay on Deno's fast call path (which forbids calling back into JS).
 *
 * One pool per isolate, nothing process-wide: every Deno isolate (the main thread, each user
 * Worker) runs on an OS thread of its own, and compiled code only starts regions on the thread
 * of the isolate that called it. So the pool of the calling isolate is found in a thread-local
 * pointer, set when that isolate starts its pool (compiler/runtime/pool.ts). The pool's threads are
 * plain POSIX threads that run chunks and sleep on a futex between regions; when the isolate's
 * thread ends (a Worker terminated), a thread-specific-data destructor stops and joins them.
 * Pool threads have no pool of their own, so a prange reached from inside a chunk runs serially. */
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

enum { MAX_CHUNKS = TSJIT_MAX_CHUNKS }; /* reduction partials per prange loop */

typedef void (*tsjit_chunk_t)(void* env, int64_t lo, int64_t hi, double* ctx, int64_t k);

typedef struct tsjit_pool {
  _Atomic int32_t gen;           /* bumped once per region (and to stop); workers wait on it */
  _Atomic int32_t remain;        /* chunks not yet claimed (claims decrement it) */
  _Atomic int32_t done;          /* chunks finished */
  _Atomic int32_t sleepers;      /* workers asleep on gen */
  _Atomic int32_t main_sleeping; /* the owner is asleep on done */
  _Atomic int32_t ready;         /* workers that have entered their loop */
  _Atomic int32_t stop;          /* set when the owner's thread ends */
  int32_t nchunks;               /* chunks in the current region */
  int32_t nthreads;              /* threads later regions use (setNumThreads) */
  int32_t in_region;             /* 1 while a region runs: a nested one then runs serially */
  int32_t size;                  /* threads, the owner included */
  int64_t chunk_size;            /* setChunkSize: iterations per chunk; 0: the default schedule */
  int64_t spin_ns; /* how long a waiting thread spins before it sleeps */
  /* the region: chunk function, environment, iteration count */
  tsjit_chunk_t fn;
  void* env;
  int64_t count;
  double (*ctx)[TSJIT_CHUNK_CTX_SLOTS]; /* per-chunk context blocks (one cache line each) */
  pthread_t* threads;
} tsjit_pool;

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
static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}
/* Whether a thread that started waiting at `since` has spun long enough and should sleep: a
 * short spin catches back-to-back regions and the end of a balanced one, but a core spun on while
 * another pool thread waits for one (a loaded machine) is a core the scheduler cannot give it.
 * The clock is read every 64 turns only (s counts them). */
static inline int spun_out(const tsjit_pool* p, int64_t s, int64_t since) {
  return p->spin_ns <= 0 || ((s & 63) == 63 && now_ns() - since > p->spin_ns);
}

/* Run chunk k: iterations [count*k/n, count*(k+1)/n) with its own context block. */
static void run_chunk(tsjit_pool* p, int32_t k, int32_t thread) {
  int64_t count = p->count, n = p->nchunks;
  double* ctx = p->ctx[k];
  int64_t lo = (int64_t)((__int128)count * k / n), hi = (int64_t)((__int128)count * (k + 1) / n);
  ctx[TSJIT_CTX_STATUS] = 0;
  ctx[TSJIT_CTX_THREAD] = thread;
  p->fn(p->env, lo, hi, ctx, k);
}

/* Claim chunks until none is left. A claim made after the owner reset `remain` belongs to the
 * region whose descriptor was written before that reset: index and descriptor agree. */
static void claim_chunks(tsjit_pool* p, int32_t thread) {
  for (;;) {
    int32_t k = atomic_fetch_sub(&p->remain, 1) - 1;
    if (k < 0) return;
    run_chunk(p, k, thread);
    int32_t done = atomic_fetch_add(&p->done, 1) + 1;
    if (done >= p->nchunks && atomic_load(&p->main_sleeping)) futex_wake(&p->done);
  }
}

/* The owner's side of a region of n chunks (the descriptor is filled). */
static void region(tsjit_pool* p, int32_t n) {
  p->nchunks = n;
  atomic_store(&p->done, 0);
  p->in_region = 1;
  atomic_store(&p->remain, n);
  atomic_fetch_add(&p->gen, 1);
  if (atomic_load(&p->sleepers) > 0) futex_wake(&p->gen);
  claim_chunks(p, 0);
  int64_t since = atomic_load(&p->done) < n ? now_ns() : 0;
  for (int64_t s = 0; atomic_load(&p->done) < n; s++) {
    if (!spun_out(p, s, since)) {
      relax();
      continue;
    }
    atomic_store(&p->main_sleeping, 1);
    int32_t d = atomic_load(&p->done);
    if (d < n) futex_wait(&p->done, d);
    atomic_store(&p->main_sleeping, 0);
  }
  p->in_region = 0;
}

static __thread tsjit_pool* current; /* the calling isolate's pool; NULL: run serially */

struct worker_arg {
  tsjit_pool* pool;
  int32_t id;
};

/* A pool thread's life: wait for a region, claim chunks, repeat until the pool stops. */
static void* worker(void* arg) {
  tsjit_pool* p = ((struct worker_arg*)arg)->pool;
  int32_t id = ((struct worker_arg*)arg)->id;
  free(arg);
  current = p; /* its regions run serially here (in_region); getNumThreads() reads the pool */
  pthread_setname_np(pthread_self(), "tsjit-pool");
  int32_t seen = atomic_load(&p->gen);
  atomic_fetch_add(&p->ready, 1);
  for (;;) {
    claim_chunks(p, id);
    /* stop is set before gen is bumped: a thread that read gen late still sees it */
    int64_t since = now_ns();
    for (int64_t s = 0; atomic_load(&p->gen) == seen && !atomic_load(&p->stop); s++) {
      if (!spun_out(p, s, since)) {
        relax();
        continue;
      }
      atomic_fetch_add(&p->sleepers, 1);
      if (atomic_load(&p->gen) == seen && !atomic_load(&p->stop)) futex_wait(&p->gen, seen);
      atomic_fetch_sub(&p->sleepers, 1);
    }
    if (atomic_load(&p->stop)) return NULL;
    seen = atomic_load(&p->gen);
  }
}

/* Stops a pool's threads, waits for them and frees it. Runs on the owner's thread. */
static void pool_destroy(void* arg) {
  tsjit_pool* p = arg;
  atomic_store(&p->stop, 1);
  atomic_fetch_add(&p->gen, 1);
  futex_wake(&p->gen);
  for (int32_t i = 1; i < p->size; i++) pthread_join(p->threads[i], NULL);
  free(p->threads);
  free(p->ctx);
  free(p);
}

static pthread_key_t pool_key;       /* its destructor ends the pool with the owner's thread */
static pthread_once_t pool_key_once = PTHREAD_ONCE_INIT;
static void make_pool_key(void) { pthread_key_create(&pool_key, pool_destroy); }

/* Keeps this library loaded for good: a pool's threads and destructor run its code. */
static void pin_library(void);

/* Starts a pool of `size` threads (the caller included) for the calling isolate, replacing any
 * it had. Returns how many threads it has: fewer than asked when the system refuses more. */
int32_t tsjit_pool_start(int32_t size, int64_t spin_ns) {
  pin_library();
  pthread_once(&pool_key_once, make_pool_key);
  if (current) {
    pthread_setspecific(pool_key, NULL);
    pool_destroy(current);
    current = NULL;
  }
  tsjit_pool* p = calloc(1, sizeof *p);
  int32_t chunks = MAX_CHUNKS; /* a region may have more chunks than threads (schedule) */
  if (!p || posix_memalign((void**)&p->ctx, 64, (size_t)chunks * sizeof *p->ctx) ||
      !(p->threads = calloc((size_t)size, sizeof(pthread_t)))) {
    if (p) free(p->ctx), free(p);
    return 0;
  }
  p->size = 1;
  p->nthreads = size;
  p->spin_ns = spin_ns;
  for (int32_t id = 1; id < size; id++) {
    struct worker_arg* a = malloc(sizeof *a);
    if (!a) break;
    a->pool = p;
    a->id = id;
    if (pthread_create(&p->threads[id], NULL, worker, a)) {
      free(a);
      break;
    }
    p->size++;
  }
  if (p->nthreads > p->size) p->nthreads = p->size;
  /* Wait (a bounded time) for the threads to enter their loop, so that the first regions run on
   * every thread; a region is correct without them (chunks go to whoever claims them). */
  for (int i = 0; i < 20000 && atomic_load(&p->ready) < p->size - 1; i++) {
    struct timespec t = {0, 100000};
    nanosleep(&t, NULL);
  }
  current = p;
  pthread_setspecific(pool_key, p);
  return p->size;
}

/* How many threads the calling isolate's later regions use (1..size). */
void tsjit_pool_set_threads(int32_t k) {
  if (current) current->nthreads = k < 1 ? 1 : k > current->size ? current->size : k;
}

/* getNumThreads() (k = 0) and setNumThreads(k) in compiled code: the thread count, or k once
 * set; -1 when k is not from 1 to the pool size, -2 when called inside a parallel region. */
int64_t tsjit_num_threads(int64_t k) {
  tsjit_pool* p = current;
  if (k == 0) return p ? p->nthreads : 1;
  if (k < 1 || k > (p ? p->size : 1)) return -1;
  if (p && p->in_region) return -2;
  if (p) p->nthreads = (int32_t)k;
  return k;
}

/* ---- What compiled code calls: one symbol, resolved by name (ORC finds it once this library
 * is made global; cached libraries resolve it when they are loaded). ---- */

/* setChunkSize(n) for the calling isolate's later regions (0: the default schedule). */
void tsjit_pool_set_chunk_size(int64_t n) {
  if (current) current->chunk_size = n < 0 ? 0 : n;
}

/* Runs chunk(env, lo, hi, ctx, k) over [0, count) on the calling isolate's pool, or serially
 * (one thread set, a tiny loop, a region already running, no pool). The chunks: chunk_size
 * iterations each when set, else four per thread, so that threads done early (an irregular
 * loop, a core taken by another process) take the remaining chunks. `copy_elems` > 0: the loop
 * has array reductions, and every chunk after the first fills and folds private copies of that
 * many elements: there are no more chunks than keep those copies under a sixteenth of the
 * iterations, and fewer than one per thread only where a chunk would have less than four
 * iterations per element of its copies (a short loop over a large array runs serially, as
 * copying would cost more than the loop). A chunk's error goes to the caller's
 * context block, first chunk first. Returns the number of chunks, whose reduction partials the
 * caller combines in chunk order (a given thread count, chunk size and array size give the same
 * result: the chunks depend on nothing else). */
int64_t tsjit_parallel_chunks(tsjit_chunk_t fn, void* env, int64_t count, double* ctx,
                              int64_t copy_elems) {
  tsjit_pool* p = current;
  int64_t threads = p && !p->in_region ? p->nthreads : 1, n = threads;
  if (threads > 1) {
    n = p->chunk_size > 0 ? count / p->chunk_size + (count % p->chunk_size != 0) : 4 * threads;
    if (copy_elems > 0) {
      int64_t cheap = 1 + count / 16 / copy_elems, worth = 1 + count / 4 / copy_elems;
      if (n > cheap) n = cheap;
      if (n < threads) n = threads < worth ? threads : worth;
    }
  }
  if (n > count) n = count;
  if (n > MAX_CHUNKS) n = MAX_CHUNKS;
  if (threads <= 1 || n <= 1) {
    fn(env, 0, count, ctx, 0);
    return 1;
  }
  p->fn = fn;
  p->env = env;
  p->count = count;
  region(p, (int32_t)n);
  for (int64_t k = 0; k < n; k++) {
    double* kc = p->ctx[k];
    if (kc[TSJIT_CTX_STATUS] != 0) {
      ctx[TSJIT_CTX_STATUS] = kc[TSJIT_CTX_STATUS];
      ctx[TSJIT_CTX_INDEX] = kc[TSJIT_CTX_INDEX];
      ctx[TSJIT_CTX_SITE] = kc[TSJIT_CTX_SITE];
      ctx[TSJIT_CTX_LENGTH] = kc[TSJIT_CTX_LENGTH];
      break;
    }
  }
  return n;
}

/* Code compiled before tsjit_parallel_chunks existed (chunk functions take any chunk count). */
int64_t tsjit_parallel(tsjit_chunk_t fn, void* env, int64_t count, double* ctx) {
  return tsjit_parallel_chunks(fn, env, count, ctx, 1);
}

/* The lowest stack address compiled code may reach on the calling thread: the end of the
 * thread's stack plus a margin for the frames below a check (the function's own, non-recursive
 * callees, the C library). Recursive compiled functions compare their frame address with it
 * (compiler/lower/_stack.ts). Found once per thread: for the main thread glibc reads
 * /proc/self/maps. Without an answer the limit is 0 (no check). */
#include <pthread.h>
enum { STACK_MARGIN = TSJIT_STACK_MARGIN };
static __thread uintptr_t stack_limit, stack_known;
uint64_t tsjit_stack_limit(void) {
  if (!stack_known) {
    pthread_attr_t a;
    void* base;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
      if (pthread_attr_getstack(&a, &base, &size) == 0 && size > 2 * STACK_MARGIN) {
        stack_limit = (uintptr_t)base + STACK_MARGIN;
      }
      pthread_attr_destroy(&a);
    }
    stack_known = 1;
  }
  return stack_limit;
}

/* Makes this library's symbols visible process-wide (Deno opens libraries RTLD_LOCAL), so that
 * the JIT's process-symbol search and cached libraries resolve tsjit_parallel. */
#include <dlfcn.h>
int32_t tsjit_make_global(void) {
  Dl_info info;
  if (!dladdr((void*)tsjit_make_global, &info)) return 0;
  return dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD) != NULL;
}

static void pin_library(void) {
  static int pinned;
  Dl_info info;
  if (!pinned && dladdr((void*)pin_library, &info)) {
    pinned = dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE) != NULL;
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

/* ---- Math.min / Math.max as MPI reduction operators (distributed/, MPI_Op_create). ----------
 * MPI's built-in MPI_MIN/MPI_MAX compare with C's `<`, so a NaN or a signed zero gives an answer
 * that depends on the order of the operands; these follow JS: NaN wins, -0 is below +0. The
 * signature is MPI_User_function's (the datatype argument is unused: one operator per type). */
#define TSJIT_JS_OP(T, NAME, PICK)                                      \
  void NAME(void* in, void* inout, int32_t* len, void* type) {         \
    (void)type;                                                        \
    const T* a = in;                                                   \
    T* b = inout;                                                      \
    for (int32_t i = 0; i < *len; i++) b[i] = PICK(a[i], b[i]);        \
  }
/* Math.min(x, y): NaN if either is; -0 if both are zeros and one is -0. */
#define TSJIT_JS_MIN(x, y) \
  ((x) != (x) || (y) != (y) ? (x) + (y) : (x) == (y) ? (__builtin_signbit(x) ? (x) : (y)) : (x) < (y) ? (x) : (y))
/* Math.max(x, y): NaN if either is; +0 if both are zeros and one is +0. */
#define TSJIT_JS_MAX(x, y) \
  ((x) != (x) || (y) != (y) ? (x) + (y) : (x) == (y) ? (__builtin_signbit(x) ? (y) : (x)) : (x) > (y) ? (x) : (y))
TSJIT_JS_OP(double, tsjit_mpi_min_f64, TSJIT_JS_MIN)
TSJIT_JS_OP(double, tsjit_mpi_max_f64, TSJIT_JS_MAX)
TSJIT_JS_OP(float, tsjit_mpi_min_f32, TSJIT_JS_MIN)
TSJIT_JS_OP(float, tsjit_mpi_max_f32, TSJIT_JS_MAX)
