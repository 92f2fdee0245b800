#!/usr/bin/env python3
"""Runs a command and prints its wall time (s) and peak resident memory (KiB).

usage: measure.py COMMAND... > stdout goes to /dev/null
"""
import resource
import subprocess
import sys
import time

t = time.monotonic()
with open("/dev/null", "wb") as null:
    rc = subprocess.run(sys.argv[1:], stdout=null).returncode
elapsed = time.monotonic() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("%.3f %d %d" % (elapsed, rss, rc))
