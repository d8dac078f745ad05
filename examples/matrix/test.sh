#!/bin/sh
# The example's test suite. It prints "PB> step/total text" progress frames and one PASS/FAIL/XFAIL line per suite
# (grammar in docs/matrix.md), and behaves per distro: manjaro has an expected failure, cachyos fails its first
# attempt (a marker in its own cache folder) and passes on the retry.
. /etc/os-release
distro=${COX_TARGET:-$ID}
suites=${SUITES:-unit integration packaging}
total=$(echo $suites | wc -w)
[ "${TEST_LOG:-}" = debug ] && echo "debug: distro=$distro verbose=${VERBOSE:-} filter=${TEST_FILTER:-}" >&2
step=0
for suite in $suites; do
  step=$((step + 1))
  if [ -n "${TEST_FILTER:-}" ] && [ "$TEST_FILTER" != "$suite" ]; then
    continue
  fi
  echo "PB> $step/$total $suite"
  echo "running $suite on $distro"
  sleep 1
  case "$distro/$suite" in
    manjaro/packaging)
      echo "packaging: pacman hook missing on manjaro (known, expected to fail)" >&2
      echo "XFAIL $suite"
      ;;
    cachyos/integration)
      marker=/cache/flaky/failed-once
      if [ ! -e "$marker" ]; then
        touch "$marker"
        echo "integration: mirror timed out (flaky: fails the first attempt)" >&2
        echo "FAIL $suite"
        exit 1
      fi
      rm -f "$marker"
      echo "PASS $suite"
      ;;
    *)
      echo "PASS $suite"
      ;;
  esac
done
echo "PB> $total/$total done"
