#!/usr/bin/env bash
# Regenerates the outputs and pictures docs/teaching.md shows: for each lesson
# in samples/teaching/, its stdout and terminal timeline (NAME.txt) and its SVG
# timeline (NAME.svg). Run from the repository root after building:
#
#     bash docs/teaching/make_pictures.sh [build/release/gilt]
set -euo pipefail
gilt=${1:-build/release/gilt}
out=docs/teaching
run() {  # run NAME OUTPUT-STEM [gilt options...]
    local lesson=$1 stem=$2
    shift 2
    {
        echo "\$ gilt $* -X giltimeline samples/teaching/$lesson"
        "$gilt" "$@" -X giltimeline "samples/teaching/$lesson" 2>&1
    } >"$out/$stem.txt"
    "$gilt" "$@" -X "giltimeline=$out/$stem.svg" "samples/teaching/$lesson" >/dev/null
}
run 01_cpu_threads.py 01_cpu_threads -X gilstats
run 02_io_threads.py 02_io_threads
run 03_lost_update.py 03_lost_update_instruction -X switch=instruction
run 03_lost_update.py 03_lost_update_sched -X sched=42
run 04_convoy.py 04_convoy
run 04_convoy.py 04_convoy_io_priority -X gilpolicy=io-priority
run 05_threads_processes_interpreters.py 05_threads_processes_interpreters
echo "wrote $out/*.txt and $out/*.svg"
