#!/usr/bin/env python3
"""Mixes real messages of every AIS type into a generated log, for the decode benchmark.

gen_aivdm.py writes only the common types (1, 2, 3, 5, 18, 24). Real feeds also carry
base stations, binary messages, safety text, acknowledgements and the rest; their
decoders must be timed too. This takes every checksummed AIVDM/AIVDO message (single
sentences and whole multi-sentence groups) from the given captures, keeps those of the
other types, and inserts them round-robin by type, one every EVERY lines of the base log.

usage: mix_ais_types.py BASE.nmea OUT.nmea EVERY CAPTURE...
"""
import re
import sys
from collections import defaultdict

SENTENCE = re.compile(r"(![A-Z]{2}VD[MO],(\d),(\d),(\d?),[AB12]?,([0-9:;<=>?@A-W`a-w]*),[0-5]\*([0-9A-Fa-f]{2}))")
COMMON = {1, 2, 3, 5, 18, 24}


def checksum_ok(sentence):
    body, given = sentence[1:].rsplit("*", 1)
    x = 0
    for c in body:
        x ^= ord(c)
    return f"{x:02X}" == given.upper()


def message_type(payload):
    v = ord(payload[0]) - 48
    return v - 8 if v > 40 else v


def pool_of(captures):
    pool = defaultdict(list)
    for path in captures:
        pending = []
        with open(path, errors="replace") as f:
            for line in f:
                m = SENTENCE.search(line)
                if not m or not checksum_ok(m.group(1)):
                    pending = []
                    continue
                count, number = int(m.group(2)), int(m.group(3))
                if number == 1:
                    pending = []
                if number != len(pending) + 1:
                    pending = []
                    continue
                pending.append(m.group(1))
                if number == count:
                    t = message_type(pending[0].split(",")[5])
                    if pending[0].split(",")[5] and t not in COMMON and 1 <= t <= 27:
                        pool[t].append(pending)
                    pending = []
    return pool


def main():
    base, out, every, captures = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    pool = pool_of(captures)
    types = sorted(pool)
    if not types:
        sys.exit("no messages of the other types in the captures")
    cursor = defaultdict(int)
    turn = 0
    added = defaultdict(int)
    with open(base) as f, open(out, "w") as o:
        due = False
        for i, line in enumerate(f, 1):
            o.write(line)
            due = due or i % every == 0
            # Only between whole messages: gpsdecode drops a message whose fragments are
            # interleaved with another's, which would leave it less to do than Sightline.
            m = SENTENCE.search(line)
            if due and (not m or m.group(2) == m.group(3)):
                due = False
                t = types[turn % len(types)]
                turn += 1
                group = pool[t][cursor[t] % len(pool[t])]
                cursor[t] += 1
                o.write("\n".join(group) + "\n")
                added[t] += 1
    print("inserted by type:", dict(sorted(added.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
