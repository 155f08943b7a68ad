/* The benchmark suite in C (same algorithms, inputs and checksums as bench/suite.ts).
 * Build: cc -O3 -march=native [-fopenmp] kernels.c -lm. Run: ./kernels KERNEL [RUNS]
 * Prints {"ms": median, "min", "max", "check": checksum}. OpenMP threads: OMP_NUM_THREADS. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}
static int cmp(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
}
static double* f64(long n) { return calloc(n, sizeof(double)); }
static double total(const double* a, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += a[i];
  return s;
}
#define N 10000000L

/* ---- kernels ---- */
static void addarr(const double* x, const double* y, double* r, long n) {
  for (long i = 0; i < n; i++) r[i] = x[i] + y[i];
}
static void addarr_u8(const uint8_t* x, const uint8_t* y, uint8_t* r, long n) {
  for (long i = 0; i < n; i++) r[i] = (uint8_t)(x[i] + y[i]);
}
static long number_pixels(const uint8_t* img, int32_t* ids, long n) {
  long k = 0;
  for (long p = 0; p < n; p++) ids[p] = img[p] ? (int32_t)k++ : -1;
  return k;
}
static long build_graph(const uint8_t* img, const int32_t* ids, long w, long h, int32_t* indptr,
                        long nodes, int32_t* indices, uint8_t* degree) {
  long e = 0;
  for (long y = 0; y < h; y++)
    for (long x = 0; x < w; x++) {
      long p = y * w + x;
      if (!img[p]) continue;
      int32_t node = ids[p];
      indptr[node] = (int32_t)e;
      for (long dy = -1; dy <= 1; dy++)
        for (long dx = -1; dx <= 1; dx++) {
          long yy = y + dy, xx = x + dx;
          if ((dx || dy) && yy >= 0 && yy < h && xx >= 0 && xx < w) {
            long q = yy * w + xx;
            if (img[q]) indices[e++] = ids[q];
          }
        }
      degree[node] = (uint8_t)(e - indptr[node]);
    }
  indptr[nodes] = (int32_t)e;
  return e;
}
static long rle(const uint8_t* data, long n, uint8_t* values, int32_t* counts) {
  if (n == 0) return 0;
  long runs = 0, count = 1;
  uint8_t current = data[0];
  for (long i = 1; i < n; i++) {
    uint8_t v = data[i];
    if (v == current) count++;
    else {
      values[runs] = current;
      counts[runs] = (int32_t)count;
      runs++;
      current = v;
      count = 1;
    }
  }
  values[runs] = current;
  counts[runs] = (int32_t)count;
  return runs + 1;
}
static double sum(const double* x, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += x[i];
  return s;
}
static double dot(const double* x, const double* y, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += x[i] * y[i];
  return s;
}
/* 2-D kernels take 2-D arrays (C99 variably modified types), as C programmers write them */
static void blur(long h, long w, const double img[h][w], double out[h][w]) {
  for (long y = 1; y < h - 1; y++)
    for (long x = 1; x < w - 1; x++)
      out[y][x] = (img[y - 1][x - 1] + img[y - 1][x] + img[y - 1][x + 1] + img[y][x - 1] +
                   img[y][x] + img[y][x + 1] + img[y + 1][x - 1] + img[y + 1][x] +
                   img[y + 1][x + 1]) / 9;
}
static void matmul(long n, const double a[n][n], const double b[n][n], double c[n][n]) {
  for (long i = 0; i < n; i++) {
    for (long j = 0; j < n; j++) c[i][j] = 0;
    for (long k = 0; k < n; k++) {
      double aik = a[i][k];
      for (long j = 0; j < n; j++) c[i][j] += aik * b[k][j];
    }
  }
}
static void nbody(double* px, double* py, double* pz, double* vx, double* vy, double* vz,
                  const double* m, long n, double dt) {
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; i++) {
    double ax = 0, ay = 0, az = 0;
    for (long j = 0; j < n; j++) {
      double dx = px[j] - px[i], dy = py[j] - py[i], dz = pz[j] - pz[i];
      double d2 = dx * dx + dy * dy + dz * dz + 0.01;
      double inv = m[j] / (d2 * sqrt(d2));
      ax += dx * inv;
      ay += dy * inv;
      az += dz * inv;
    }
    vx[i] += ax * dt;
    vy[i] += ay * dt;
    vz[i] += az * dt;
  }
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; i++) {
    px[i] += vx[i] * dt;
    py[i] += vy[i] * dt;
    pz[i] += vz[i] * dt;
  }
}
static void mandelbrot(uint8_t* out, long w, long h, int max_iter) {
#pragma omp parallel for schedule(static)
  for (long y = 0; y < h; y++) {
    double ci = ((double)y / h) * 2.4 - 1.2;
    for (long x = 0; x < w; x++) {
      double cr = ((double)x / w) * 3.2 - 2.2, zr = 0, zi = 0;
      int k = 0;
      while (k < max_iter && zr * zr + zi * zi <= 4) {
        double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        k++;
      }
      out[y * w + x] = (uint8_t)k;
    }
  }
}
static double montecarlo(long n, uint32_t seed) {
  long inside = 0;
#pragma omp parallel for reduction(+ : inside) schedule(static)
  for (long i = 0; i < n; i++) {
    uint32_t h = ((uint32_t)i ^ seed) * 0x9E3779B1u;
    h ^= h >> 15;
    h *= 0x85EBCA77u;
    h ^= h >> 13;
    double x = h / 4294967296.0;
    h *= 0xC2B2AE3Du;
    h ^= h >> 16;
    double y = h / 4294967296.0;
    if (x * x + y * y <= 1) inside++;
  }
  return 4.0 * inside / n;
}
static void histogram(const double* data, long n, int32_t* bins, long nb, double lo, double hi) {
  for (long i = 0; i < nb; i++) bins[i] = 0;
  double scale = nb / (hi - lo);
  for (long i = 0; i < n; i++) {
    double v = data[i];
    if (v >= lo && v < hi) bins[(long)floor((v - lo) * scale)]++;
  }
}
static double cnd(double d) {
  double k = 1 / (1 + 0.2316419 * fabs(d));
  double poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
  double c = 1 - 0.3989422804014327 * exp(-0.5 * d * d) * poly;
  return d < 0 ? 1 - c : c;
}
static void blackscholes(const double* s, const double* k, const double* t, double r, double v,
                         double* call, double* put, long n) {
#pragma omp parallel for schedule(static)
  for (long i = 0; i < n; i++) {
    double sq = v * sqrt(t[i]);
    double d1 = (log(s[i] / k[i]) + (r + 0.5 * v * v) * t[i]) / sq;
    double d2 = d1 - sq;
    double disc = k[i] * exp(-r * t[i]);
    call[i] = s[i] * cnd(d1) - disc * cnd(d2);
    put[i] = disc * cnd(-d2) - s[i] * cnd(-d1);
  }
}

/* ---- inputs and runs: one run of the kernel, returning its checksum ---- */
static double *X, *Y, *Z, *A[7];
static uint8_t *U8[3];
static int32_t *I32[3];
static long SZ[4];

static void setup(const char* name) {
  if (!strcmp(name, "addarr_f64")) {
    X = f64(N), Y = f64(N), Z = f64(N);
    for (long i = 0; i < N; i++) X[i] = (i % 1000) * 0.5, Y[i] = (i % 7) * 0.25;
  } else if (!strcmp(name, "addarr_u8")) {
    for (int k = 0; k < 3; k++) U8[k] = calloc(N, 1);
    for (long i = 0; i < N; i++) U8[0][i] = i % 251, U8[1][i] = (i * 7) % 256;
  } else if (!strcmp(name, "skeleton_graph")) {
    long w = 2048, h = 2048, n = 0;
    U8[0] = calloc(w * h, 1);
    for (long y = 0; y < h; y += 37) for (long x = 0; x < w; x++) U8[0][y * w + x] = 1;
    for (long x = 0; x < w; x += 53) for (long y = 0; y < h; y++) U8[0][y * w + x] = 1;
    for (long d = 0; d < w; d++) U8[0][d * w + d] = 1;
    for (long p = 0; p < w * h; p++) n += U8[0][p];
    SZ[0] = n;
    I32[0] = calloc(w * h, 4), I32[1] = calloc(n + 1, 4), I32[2] = calloc(8 * n, 4);
    U8[1] = calloc(n, 1);
  } else if (!strcmp(name, "run_length")) {
    long n = 2 * N;
    U8[0] = calloc(n, 1), U8[1] = calloc(n, 1), I32[0] = calloc(n, 4);
    uint32_t seed = 12345;
    for (long i = 0; i < n;) {
      seed = seed * 1103515245u + 12345u;
      long len = 1 + (seed >> 16) % 40;
      uint8_t value = (seed >> 8) & 3;
      for (long j = i; j < i + len && j < n; j++) U8[0][j] = value;
      i += len;
    }
  } else if (!strcmp(name, "sum")) {
    X = f64(2 * N);
    for (long i = 0; i < 2 * N; i++) X[i] = (i % 1000) * 0.25;
  } else if (!strcmp(name, "dot")) {
    X = f64(N), Y = f64(N);
    for (long i = 0; i < N; i++) X[i] = i % 7, Y[i] = (i % 5) * 0.5;
  } else if (!strcmp(name, "blur")) {
    long n = 2048 * 2048;
    X = f64(n), Y = f64(n);
    for (long i = 0; i < n; i++) X[i] = (i * 7919) % 255;
  } else if (!strcmp(name, "matmul")) {
    long n = 256 * 256;
    X = f64(n), Y = f64(n), Z = f64(n);
    for (long i = 0; i < n; i++) X[i] = i % 17, Y[i] = (i % 13) * 0.5;
  } else if (!strcmp(name, "nbody")) {
    long n = 3000;
    for (int k = 0; k < 7; k++) A[k] = f64(n);
    for (long i = 0; i < n; i++) {
      A[0][i] = (i % 37) * 0.1, A[1][i] = (i % 41) * 0.1 - 1, A[2][i] = (i % 43) * 0.05;
      A[6][i] = 1 + (i % 5) * 0.1;
    }
  } else if (!strcmp(name, "mandelbrot")) {
    U8[0] = calloc(1024 * 1024, 1);
  } else if (!strcmp(name, "histogram")) {
    X = f64(N), I32[0] = calloc(256, 4);
    for (long i = 0; i < N; i++) X[i] = (uint32_t)((uint32_t)i * 0x9E3779B1u) / 4294967296.0;
  } else if (!strcmp(name, "blackscholes")) {
    long n = 2000000;
    for (int k = 0; k < 5; k++) A[k] = f64(n);
    for (long i = 0; i < n; i++) A[0][i] = 50 + (i % 100), A[1][i] = 40 + (i % 80), A[2][i] = 0.25 + (i % 8) * 0.25;
  }
}

/* One call of the kernel (what is timed); returns its scalar result, if any. */
static double call(const char* name) {
  if (!strcmp(name, "addarr_f64")) return addarr(X, Y, Z, N), 0;
  if (!strcmp(name, "addarr_u8")) return addarr_u8(U8[0], U8[1], U8[2], N), 0;
  if (!strcmp(name, "skeleton_graph")) {
    long nodes = number_pixels(U8[0], I32[0], 2048 * 2048);
    return build_graph(U8[0], I32[0], 2048, 2048, I32[1], nodes, I32[2], U8[1]);
  }
  if (!strcmp(name, "run_length")) return rle(U8[0], 2 * N, U8[1], I32[0]);
  if (!strcmp(name, "sum")) return sum(X, 2 * N);
  if (!strcmp(name, "dot")) return dot(X, Y, N);
  if (!strcmp(name, "blur")) return blur(2048, 2048, (void*)X, (void*)Y), 0;
  if (!strcmp(name, "matmul")) return matmul(256, (void*)X, (void*)Y, (void*)Z), 0;
  if (!strcmp(name, "nbody")) return nbody(A[0], A[1], A[2], A[3], A[4], A[5], A[6], 3000, 0.01), 0;
  if (!strcmp(name, "mandelbrot")) return mandelbrot(U8[0], 1024, 1024, 200), 0;
  if (!strcmp(name, "montecarlo")) return montecarlo(2 * N, 42);
  if (!strcmp(name, "histogram")) return histogram(X, N, I32[0], 256, 0, 1), 0;
  if (!strcmp(name, "blackscholes")) {
    return blackscholes(A[0], A[1], A[2], 0.02, 0.3, A[3], A[4], 2000000), 0;
  }
  fprintf(stderr, "unknown kernel %s\n", name);
  exit(2);
}

/* The checksum of a call's result and of what it wrote (as bench/suite.ts computes it). */
static double check(const char* name, double r) {
  if (!strcmp(name, "addarr_f64")) return total(Z, N);
  if (!strcmp(name, "addarr_u8")) {
    double s = 0;
    for (long i = 0; i < N; i++) s += U8[2][i];
    return s;
  }
  if (!strcmp(name, "skeleton_graph")) {
    long e = (long)r;
    double t = 0, d = 0;
    for (long i = 0; i < e; i++) t += I32[2][i];
    for (long i = 0; i < SZ[0]; i++) d += U8[1][i];
    return r + t + d;
  }
  if (!strcmp(name, "run_length")) {
    double c = r;
    for (long k = 0; k < (long)r; k++) c += (double)I32[0][k] * U8[1][k];
    return c;
  }
  if (!strcmp(name, "blur")) return total(Y, 2048 * 2048);
  if (!strcmp(name, "matmul")) return total(Z, 256 * 256);
  if (!strcmp(name, "nbody")) {
    double s = 0;
    for (int k = 0; k < 6; k++) s += total(A[k], 3000);
    return s;
  }
  if (!strcmp(name, "mandelbrot")) {
    double s = 0;
    for (long i = 0; i < 1024 * 1024; i++) s += U8[0][i];
    return s;
  }
  if (!strcmp(name, "histogram")) {
    double c = 0;
    for (long k = 0; k < 256; k++) c += (double)I32[0][k] * k;
    return c;
  }
  if (!strcmp(name, "blackscholes")) return total(A[3], 2000000) + total(A[4], 2000000);
  return r; /* sum, dot, montecarlo */
}

int main(int argc, char** argv) {
  if (argc < 2) return fprintf(stderr, "usage: kernels KERNEL [RUNS]\n"), 2;
  const char* name = argv[1];
  int runs = argc > 2 ? atoi(argv[2]) : 7;
  setup(name);
  double t0 = now_ms();
  double result = call(name);
  double first = now_ms() - t0;
  double sum_check = check(name, result);
  double* t = malloc(sizeof(double) * runs);
  for (int r = 0; r < runs; r++) {
    t0 = now_ms();
    call(name);
    t[r] = now_ms() - t0;
  }
  qsort(t, runs, sizeof(double), cmp);
  double med = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
  printf("{\"ms\": %.6f, \"min\": %.6f, \"max\": %.6f, \"check\": %.17g, \"firstMs\": %.6f}\n",
         med, t[0], t[runs - 1], sum_check, first);
  return 0;
}
