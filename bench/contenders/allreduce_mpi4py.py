# The mpi4py side of bench/mpi.ts (python3-mpi4py from Debian): allreduce (sum, in place) of
# 8 bytes and of 8 MB of doubles, timed as bench/_mpi_allreduce.ts times it.
import array
import json
from mpi4py import MPI

comm = MPI.COMM_WORLD


def time(n, iters, reps):
    buf = array.array("d", [1.0]) * n
    msg = [buf, MPI.DOUBLE]
    per = []
    slowest = array.array("d", [0.0])
    for _ in range(10):
        comm.Allreduce(MPI.IN_PLACE, msg, op=MPI.SUM)
    for _ in range(reps):
        comm.Barrier()
        t = MPI.Wtime()
        for _ in range(iters):
            comm.Allreduce(MPI.IN_PLACE, msg, op=MPI.SUM)
        slowest[0] = (MPI.Wtime() - t) * 1e6 / iters
        comm.Allreduce(MPI.IN_PLACE, [slowest, MPI.DOUBLE], op=MPI.MAX)
        per.append(slowest[0])
    per.sort()
    return per[len(per) // 2]


small = time(1, 2000, 7)
big_us = time(1 << 20, 10, 7)
if comm.Get_rank() == 0:
    print(json.dumps({"latencyUs": small, "bandwidthGBs": 8 * (1 << 20) / (big_us * 1000)}))
