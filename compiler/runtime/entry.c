/* tsjit entry trampolines: the only native code built at setup.
 *
 * Why this file exists: Deno reaches foreign code at full speed only through symbols obtained
 * from Deno.dlopen (~25 ns a call); Deno.UnsafeFnPointer.call takes ~1.7 us. Code compiled by
 * ORC LLJIT lives at addresses, not in a dlopen'able library, so every compiled entry is reached
 * through one of these fixed trampolines. Each takes the typed arrays as buffers (no copy) and a
 * per-signature scalar block whose first 8 bytes hold the entry's address.
 * Keep MAX_ARRAYS in sync with compiler/runtime/entry.ts.
 */
#include <stdint.h>
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

/* Parallel regions: run chunk k of the region described in `desc` (see parallel/_layout.ts).
 * Called by the main thread and by each pool worker through their own dlopen'd symbol.
 * desc, as int64 slots: [0] chunk function, [1] environment, [2] iteration count,
 * [3] number of chunks, [4] first chunk context block, [5] bytes between context blocks. */
typedef void (*tsjit_chunk_t)(void* env, int64_t lo, int64_t hi, double* ctx, int64_t k);
void tsjit_chunk(int64_t* desc, int32_t k, int32_t thread) {
  tsjit_chunk_t fn = (tsjit_chunk_t)desc[0];
  int64_t count = desc[2], n = desc[3];
  double* ctx = (double*)(desc[4] + (int64_t)k * desc[5]);
  int64_t lo = (int64_t)((__int128)count * k / n), hi = (int64_t)((__int128)count * (k + 1) / n);
  ctx[1] = 0;
  ctx[5] = thread;
  fn((void*)desc[1], lo, hi, ctx, k);
}
