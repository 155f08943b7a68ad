"""The benchmark suite for Numba (same algorithms, inputs and checksums as bench/suite.ts).

Run with Debian's Python (python3-numba): /usr/bin/python3 kernels_numba.py KERNEL [RUNS] [parallel]
Prints {"ms": median, "min", "max", "check": checksum, "firstMs": first call (compile included)}.
Threads: NUMBA_NUM_THREADS. Kernels that use prange in tsjit get parallel=True when asked.
"""
import json
import math
import sys
import time

import numpy as np
from numba import njit, prange

NAME = sys.argv[1]
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
PARALLEL = len(sys.argv) > 3 and sys.argv[3] == "parallel"
N = 10_000_000


@njit
def seq_sum(a):
    """Sums in index order, as the JS and C checksums do (np.sum is pairwise)."""
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def kernel(fn):
    return njit(parallel=PARALLEL)(fn) if PARALLEL else njit(fn)


def addarr(x, y, r):
    for i in range(r.shape[0]):
        r[i] = x[i] + y[i]


def number_pixels(img, ids):
    n = 0
    for p in range(img.shape[0]):
        if img[p] != 0:
            ids[p] = n
            n += 1
        else:
            ids[p] = -1
    return n


def build_graph(img, ids, w, h, indptr, indices, degree):
    e = 0
    for y in range(h):
        for x in range(w):
            p = y * w + x
            if img[p] == 0:
                continue
            node = ids[p]
            indptr[node] = e
            for dy in range(-1, 2):
                for dx in range(-1, 2):
                    yy = y + dy
                    xx = x + dx
                    if (dx != 0 or dy != 0) and yy >= 0 and yy < h and xx >= 0 and xx < w:
                        q = yy * w + xx
                        if img[q] != 0:
                            indices[e] = ids[q]
                            e += 1
            degree[node] = e - indptr[node]
    indptr[indptr.shape[0] - 1] = e
    return e


def rle(data, values, counts):
    if data.shape[0] == 0:
        return 0
    runs = 0
    current = data[0]
    count = 1
    for i in range(1, data.shape[0]):
        v = data[i]
        if v == current:
            count += 1
        else:
            values[runs] = current
            counts[runs] = count
            runs += 1
            current = v
            count = 1
    values[runs] = current
    counts[runs] = count
    return runs + 1


def total_sum(x):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
    return s


def dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


# 2-D kernels take 2-D arrays, as Numba's users write them (same data, row-major).
def blur(img, out):
    h, w = img.shape
    for y in range(1, h - 1):
        for x in range(1, w - 1):
            out[y, x] = (img[y - 1, x - 1] + img[y - 1, x] + img[y - 1, x + 1] + img[y, x - 1]
                         + img[y, x] + img[y, x + 1] + img[y + 1, x - 1] + img[y + 1, x]
                         + img[y + 1, x + 1]) / 9


def matmul(a, b, c):
    n = a.shape[0]
    for i in range(n):
        for j in range(n):
            c[i, j] = 0.0
        for k in range(n):
            aik = a[i, k]
            for j in range(n):
                c[i, j] += aik * b[k, j]


def nbody(px, py, pz, vx, vy, vz, m, dt):
    n = px.shape[0]
    for i in prange(n):
        ax = 0.0
        ay = 0.0
        az = 0.0
        for j in range(n):
            dx = px[j] - px[i]
            dy = py[j] - py[i]
            dz = pz[j] - pz[i]
            d2 = dx * dx + dy * dy + dz * dz + 0.01
            inv = m[j] / (d2 * math.sqrt(d2))
            ax += dx * inv
            ay += dy * inv
            az += dz * inv
        vx[i] += ax * dt
        vy[i] += ay * dt
        vz[i] += az * dt
    for i in prange(n):
        px[i] += vx[i] * dt
        py[i] += vy[i] * dt
        pz[i] += vz[i] * dt


def mandelbrot(out, w, h, max_iter):
    for y in prange(h):
        ci = (y / h) * 2.4 - 1.2
        for x in range(w):
            cr = (x / w) * 3.2 - 2.2
            zr = 0.0
            zi = 0.0
            k = 0
            while k < max_iter and zr * zr + zi * zi <= 4:
                t = zr * zr - zi * zi + cr
                zi = 2 * zr * zi + ci
                zr = t
                k += 1
            out[y * w + x] = k


def montecarlo(n, seed):
    inside = 0
    for i in prange(n):
        h = ((i ^ seed) * 0x9E3779B1) & 0xFFFFFFFF
        h ^= h >> 15
        h = (h * 0x85EBCA77) & 0xFFFFFFFF
        h ^= h >> 13
        x = h / 4294967296.0
        h = (h * 0xC2B2AE3D) & 0xFFFFFFFF
        h ^= h >> 16
        y = h / 4294967296.0
        if x * x + y * y <= 1:
            inside += 1
    return 4 * inside / n


def histogram(data, bins, lo, hi):
    nb = bins.shape[0]
    for i in range(nb):
        bins[i] = 0
    scale = nb / (hi - lo)
    for i in range(data.shape[0]):
        v = data[i]
        if v >= lo and v < hi:
            bins[int(math.floor((v - lo) * scale))] += 1


def cnd(d):
    k = 1 / (1 + 0.2316419 * abs(d))
    poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))))
    c = 1 - 0.3989422804014327 * math.exp(-0.5 * d * d) * poly
    return 1 - c if d < 0 else c


def blackscholes(s, k, t, r, v, call, put):
    for i in prange(s.shape[0]):
        sq = v * math.sqrt(t[i])
        d1 = (math.log(s[i] / k[i]) + (r + 0.5 * v * v) * t[i]) / sq
        d2 = d1 - sq
        disc = k[i] * math.exp(-r * t[i])
        call[i] = s[i] * cnd_jit(d1) - disc * cnd_jit(d2)
        put[i] = disc * cnd_jit(-d2) - s[i] * cnd_jit(-d1)


cnd_jit = njit(cnd)


def skeleton(w, h):
    img = np.zeros(w * h, np.uint8)
    for y in range(0, h, 37):
        img[y * w:(y + 1) * w] = 1
    for x in range(0, w, 53):
        img[x::w] = 1
    for d in range(min(w, h)):
        img[d * w + d] = 1
    return img


def rle_data(n):
    data = np.zeros(n, np.uint8)
    seed = 12345
    i = 0
    while i < n:
        seed = (seed * 1103515245 + 12345) & 0xFFFFFFFF
        length = 1 + (seed >> 16) % 40
        data[i:min(n, i + length)] = (seed >> 8) & 3
        i += length
    return data


def make():
    i = np.arange(N, dtype=np.int64)
    if NAME == "addarr_f64":
        f = kernel(addarr)
        x, y, r = (i % 1000) * 0.5, (i % 7) * 0.25, np.zeros(N)
        return lambda: f(x, y, r), lambda _: seq_sum(r)
    if NAME == "addarr_u8":
        f = kernel(addarr)
        x, y, r = (i % 251).astype(np.uint8), ((i * 7) % 256).astype(np.uint8), np.zeros(N, np.uint8)
        return lambda: f(x, y, r), lambda _: float(r.sum(dtype=np.int64))
    if NAME == "skeleton_graph":
        number, build = kernel(number_pixels), kernel(build_graph)
        img = skeleton(2048, 2048)
        n = int(img.sum(dtype=np.int64))
        ids, indptr, indices, degree = (np.zeros(img.size, np.int32), np.zeros(n + 1, np.int32),
                                        np.zeros(8 * n, np.int32), np.zeros(n, np.uint8))

        def call():
            number(img, ids)
            return build(img, ids, 2048, 2048, indptr, indices, degree)
        return call, lambda e: float(e + indices[:e].sum(dtype=np.int64) + degree.sum(dtype=np.int64))
    if NAME == "run_length":
        f = kernel(rle)
        data = rle_data(2 * N)
        values, counts = np.zeros(2 * N, np.uint8), np.zeros(2 * N, np.int32)

        return (lambda: f(data, values, counts),
                lambda runs: float(runs + (counts[:runs].astype(np.int64) * values[:runs]).sum()))
    if NAME == "sum":
        f = kernel(total_sum)
        x = (np.arange(2 * N) % 1000) * 0.25
        return lambda: f(x), float
    if NAME == "dot":
        f = kernel(dot)
        x, y = (i % 7).astype(np.float64), (i % 5) * 0.5
        return lambda: f(x, y), float
    if NAME == "blur":
        f = kernel(blur)
        j = np.arange(2048 * 2048, dtype=np.int64)
        img = ((j * 7919) % 255).astype(np.float64).reshape(2048, 2048)
        out = np.zeros((2048, 2048))
        return lambda: f(img, out), lambda _: seq_sum(out.ravel())
    if NAME == "matmul":
        f = kernel(matmul)
        j = np.arange(256 * 256)
        a = (j % 17).astype(np.float64).reshape(256, 256)
        b, c = ((j % 13) * 0.5).reshape(256, 256), np.zeros((256, 256))
        return lambda: f(a, b, c), lambda _: seq_sum(c.ravel())
    if NAME == "nbody":
        f = kernel(nbody)
        j = np.arange(3000)
        arrs = [(j % 37) * 0.1, (j % 41) * 0.1 - 1, (j % 43) * 0.05, np.zeros(3000), np.zeros(3000),
                np.zeros(3000), 1 + (j % 5) * 0.1]

        return lambda: f(*arrs, 0.01), lambda _: float(sum(seq_sum(a) for a in arrs[:6]))
    if NAME == "mandelbrot":
        f = kernel(mandelbrot)
        out = np.zeros(1024 * 1024, np.uint8)
        return lambda: f(out, 1024, 1024, 200), lambda _: float(out.sum(dtype=np.int64))
    if NAME == "montecarlo":
        f = kernel(montecarlo)
        return lambda: f(2 * N, 42), float
    if NAME == "histogram":
        f = kernel(histogram)
        data = ((i * 0x9E3779B1) & 0xFFFFFFFF) / 4294967296.0
        bins = np.zeros(256, np.int32)
        return lambda: f(data, bins, 0.0, 1.0), lambda _: float((bins.astype(np.int64) * np.arange(256)).sum())
    if NAME == "blackscholes":
        f = kernel(blackscholes)
        j = np.arange(2_000_000)
        s, k, t = 50.0 + (j % 100), 40.0 + (j % 80), 0.25 + (j % 8) * 0.25
        call, put = np.zeros(j.size), np.zeros(j.size)
        return lambda: f(s, k, t, 0.02, 0.3, call, put), lambda _: seq_sum(call) + seq_sum(put)
    if NAME == "call":
        f = njit(lambda x, n: x[0] + n)
        x = np.ones(4)
        f(x, 4)
        t0 = time.perf_counter()
        for _ in range(200_000):
            f(x, 4)
        ns = (time.perf_counter() - t0) / 200_000 * 1e9
        print(json.dumps({"ns": ns}))
        sys.exit(0)
    raise SystemExit(f"unknown kernel {NAME}")


run, checksum = make()
t0 = time.perf_counter()
result = run()
first = (time.perf_counter() - t0) * 1e3
check = checksum(result)
times = []
for _ in range(RUNS):
    t0 = time.perf_counter()
    run()
    times.append((time.perf_counter() - t0) * 1e3)
times.sort()
print(json.dumps({"ms": times[len(times) // 2] if RUNS % 2 else sum(times[RUNS // 2 - 1:RUNS // 2 + 1]) / 2,
                  "min": times[0], "max": times[-1], "check": float(check), "firstMs": first}))
