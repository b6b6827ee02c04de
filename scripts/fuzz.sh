#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer and UndefinedBehaviorSanitizer) and
# runs each one, as BENCHMARKS.md records. Usage:
#   scripts/fuzz.sh build                       configure and build build-fuzz/ (with ASan and UBSan)
#   scripts/fuzz.sh build-plain                 configure and build build-fuzz-plain/: libFuzzer
#                                               alone, four to five times faster, finding crashes,
#                                               hangs and memory blow-ups; replay its corpus in
#                                               build-fuzz/ to check what it found under the
#                                               sanitizers (replay below)
#   scripts/fuzz.sh run TARGET RUNS SECONDS     run one target (xmile, equation, units,
#                                               mermaid, vensim) until RUNS executions or
#                                               SECONDS, whichever comes first
#   FUZZ_BUILD=build-fuzz-plain scripts/fuzz.sh run ...   the same with the plain build
#   FUZZ_ARGS="-entropic=0" scripts/fuzz.sh run ...      extra libFuzzer options, e.g. the plain
#                                               power schedule, about twice as many executions
#                                               per second on fuzz_vensim
#   scripts/fuzz.sh replay TARGET               every input in TARGET's corpus once through
#                                               build-fuzz/ (ASan and UBSan)
# Seeds come from the repository's models (files under 8 KB, so that executions stay fast),
# its fuzz regressions and the dictionaries in tests/fuzz/dict/. What the fuzzer adds to the
# corpus stays in $FUZZ_WORK (default /tmp/meadows-fuzz), never in the repository; a crash
# is written there as crash-*, to be fixed and copied into tests/fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${FUZZ_WORK:-/tmp/meadows-fuzz}

build=${FUZZ_BUILD:-build-fuzz}

case "${1:-}" in
build|build-plain)
    # libFuzzer comes with Debian's clang (libclang-rt-dev); only fuzzing needs it, so it is
    # installed here rather than by scripts/deps.sh.
    if ! command -v clang++ >/dev/null; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q clang
    fi
    dir=build-fuzz sanitizers=ON
    [ "$1" = build-plain ] && dir=build-fuzz-plain sanitizers=OFF
    cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DMEADOWS_FUZZ=ON -DMEADOWS_FUZZ_SANITIZERS=$sanitizers \
        -DMEADOWS_BUILD_GUI=OFF -DMEADOWS_BUILD_TESTS=OFF ${CCACHE_DIR:+-DCMAKE_CXX_COMPILER_LAUNCHER=ccache}
    cmake --build "$dir" -j2 --target fuzz_xmile fuzz_equation fuzz_units fuzz_mermaid fuzz_vensim
    ;;
replay)
    # -runs=0 executes each corpus input once and stops; any sanitizer report fails it.
    target=$2
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
        build-fuzz/tests/fuzz/fuzz_"$target" -runs=0 -timeout=30 -rss_limit_mb=2560 "$work/corpus/$target"
    ;;
run)
    target=$2 runs=$3 seconds=$4
    seeds=$work/seeds/$target corpus=$work/corpus/$target
    mkdir -p "$seeds" "$corpus"
    cp tests/fuzz/regressions/"$target"-* "$seeds"/ 2>/dev/null || true
    case $target in
    xmile) find tests/data/test-models -name '*.xmile' -size -8k -exec cp --backup=numbered {} "$seeds"/ \; ;;
    vensim) find tests/data/test-models-vensim -name '*.mdl' -size -8k -exec cp --backup=numbered {} "$seeds"/ \; ;;
    mermaid) cp examples/mermaid/*.mmd tests/data/hostile/*.mmd "$seeds"/ ;;
    equation) cp tests/fuzz/corpus/equation/* "$seeds"/ ;;
    units) for u in 'm/s' 'people/Month' '1/(s*s)' 'widget^2' 'kg*m/s^2' 'dmnl' '(m)^-1'; do
               printf '%s' "$u" >"$seeds/$(printf '%s' "$u" | md5sum | cut -c1-8)"
           done ;;
    esac
    dict=()
    [[ -f tests/fuzz/dict/$target.dict ]] && dict=(-dict=tests/fuzz/dict/$target.dict)
    # A UB finding stops the run like a crash; a leak is reported too.
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
        nice -n "${FUZZ_NICE:-19}" "$build"/tests/fuzz/fuzz_"$target" -runs="$runs" -max_total_time="$seconds" \
        -max_len=8192 -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$work/" \
        "${dict[@]}" ${FUZZ_ARGS:-} "$corpus" "$seeds"
    ;;
*)
    sed -n '2,22p' "$0"
    exit 2
    ;;
esac
