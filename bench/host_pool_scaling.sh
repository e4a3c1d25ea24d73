#!/usr/bin/env bash
# Parallel interpreters against parallel processes: N CPU-bound jobs on N
# Hosts of one process (samples/embed/worker_pool.cpp --bench) and the same
# job in N `gilt` processes started together, for N = 1, 2, 4.
#
#     bash bench/host_pool_scaling.sh [build dir, default build/release] [steps]
set -euo pipefail
build=${1:-build/release}
steps=${2:-5000000}
job="x = 0
for i in range($steps):
    x = (x * 31 + i) % 1000003
"
printf '| N | N Hosts, one process (s) | N gilt processes (s) |\n| --- | --- | --- |\n'
for n in 1 2 4; do
    hosts=$("$build/embed_worker_pool" --bench "$n" "$steps" | awk '{print $(NF-1)}')
    start=$(date +%s.%N)
    for _ in $(seq "$n"); do "$build/gilt" -c "$job" & done
    wait
    end=$(date +%s.%N)
    procs=$(echo "$end - $start" | bc)
    printf '| %d | %.2f | %.2f |\n' "$n" "$hosts" "$procs"
done
