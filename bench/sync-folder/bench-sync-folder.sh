#!/usr/bin/env bash
# bench/sync-folder: ten devices share one folder (issue 13)
#
#   bench/sync-folder/bench-sync-folder.sh [--people N] [--devices D] [--work DIR] [--cli PATH]
#
# Ten copies of one generated database (each copy takes a device id of its own)
# sync once through one folder; then one person is edited on the first device,
# and the next pass of every device is timed: the editing device's own pass
# (it writes a change file), then each colleague's (it reads that file), and what
# the change files in the folder add up to. The set-up is kept in --work (default
# /tmp/kw-bench-sync-folder) and reused while its databases are there.
set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cli=${KWARTIER_CLI:-$srcdir/build/src/cli/kwartier-cli}
people=10000
devices=10
work=/tmp/kw-bench-sync-folder

while [[ $# -gt 0 ]]; do
  case $1 in
    --people) people=$2; shift 2 ;;
    --devices) devices=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    *) echo "usage: $0 [--people N] [--devices D] [--work DIR] [--cli PATH]" >&2; exit 2 ;;
  esac
done

dir=$work/$people-$devices
folder=$dir/folder
now_ms () { date +%s%3N; }
pass () {  # device, then the seconds it took on stdout
  local t0 t1 rc=0
  t0=$(now_ms)
  "$cli" --db "$dir/device-$1.db" sync "$folder" > "$dir/pass-$1.log" 2>&1 || rc=$?
  t1=$(now_ms)
  if [[ $rc -ne 0 ]]; then
    echo "device $1: sync exited $rc" >&2
    cat "$dir/pass-$1.log" >&2
    exit 1
  fi
  echo $(( t1 - t0 ))
}

if [[ ! -f $dir/ready ]]; then
  rm -rf "$dir"
  mkdir -p "$folder"
  t0=$(now_ms)
  "$cli" --db "$dir/base.db" generate --people "$people" > /dev/null
  # Quickest set-up of "copies of one database that have synced once": each
  # copy (a device id of its own) writes its full export alone, then every
  # device notes every other's file as imported (they hold the same records),
  # as a pass would have.
  for ((d = 0; d < devices; d++)); do
    cp "$dir/base.db" "$dir/device-$d.db"
    mkdir -p "$dir/alone-$d"
    "$cli" --db "$dir/device-$d.db" sync "$dir/alone-$d" > /dev/null
    mv "$dir/alone-$d"/*.kwartier.jsonl "$folder/"
    rmdir "$dir/alone-$d"
  done
  version=$("$cli" --version | awk '{ print $2 }')
  python3 - "$dir" "$folder" "$devices" "$version" <<'PY'
import hashlib, os, sqlite3, sys
work, folder, devices, version = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
notes = []
for name in sorted(os.listdir(folder)):
    path = os.path.join(folder, name)
    st = os.stat(path)
    with open(path, 'rb') as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    identity = '%d:%d:%d:%s' % (st.st_size, st.st_mtime_ns, st.st_ino, version)
    notes.append((path, '\t'.join(['2', identity, 'imported', digest, ''])))
for d in range(devices):
    db = sqlite3.connect(os.path.join(work, 'device-%d.db' % d))
    db.executemany('INSERT OR REPLACE INTO sync_files (path, sha256) VALUES (?, ?)', notes)
    db.commit()
    db.close()
PY
  # one quiet pass each: nothing to read, nothing to write
  for ((d = 0; d < devices; d++)); do
    pass "$d" > /dev/null
  done
  touch "$dir/ready"
  echo "set-up: $people people, $devices devices, $(( ($(now_ms) - t0) / 1000 )) s"
fi

full=$(stat -c %s "$folder"/*.kwartier.jsonl | sed -n 1p)
# a person who may leave the device (a private one's phone stays home)
id=$("$cli" --db "$dir/device-0.db" list person --json | grep -v '"consent":"private"' |
     sed -n '1s/.*"id":"\([^"]*\)".*/\1/p')
"$cli" --db "$dir/device-0.db" put person "$id" "phone=020 $(date +%H%M%S%N | cut -c1-7)" > /dev/null

echo "full export: $full bytes"
t=$(pass 0)
change=$(ls -t "$folder" | sed -n 1p)
echo "editing device's pass: $t ms (wrote $change, $(stat -c %s "$folder/$change") bytes)"
max=0
for ((d = 1; d < devices; d++)); do
  t=$(pass "$d")
  grep -q "updated 1" "$dir/pass-$d.log" || { echo "device $d did not take the edit" >&2; cat "$dir/pass-$d.log" >&2; exit 1; }
  (( t > max )) && max=$t
  echo "device $d's pass: $t ms"
done
echo "slowest colleague's pass: $max ms"
changes=0
for f in "$folder"/*.*.kwartier.jsonl; do
  [[ -e $f ]] && changes=$(( changes + $(stat -c %s "$f") ))
done
echo "change files in the folder: $changes bytes ($(( changes * 1000 / full )) per mille of one full export)"
