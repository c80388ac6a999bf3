#!/usr/bin/env python3
# read-ical.py FILE: reads an iCalendar file with python3-vobject (a parser
# that is not Kwartier's) and prints one line per event:
#   UID<TAB>DTSTART (ISO, with its UTC offset)<TAB>TZID<TAB>DTEND<TAB>STATUS<TAB>SUMMARY
# Exit status 0 when the calendar parsed; 1 otherwise.
import sys

import vobject

with open(sys.argv[1], encoding="utf-8", newline="") as f:
    text = f.read()
cal = vobject.readOne(text)
assert cal.version.value == "2.0"
assert cal.prodid.value
for ev in cal.contents.get("vevent", []):
    start = ev.dtstart
    end = ev.dtend.value.isoformat() if "dtend" in ev.contents else ""
    # vobject turns TZID into the value's tzinfo, made from the VTIMEZONE
    tzid = vobject.icalendar.TimezoneComponent.pickTzid(start.value.tzinfo) or ""
    print("\t".join([ev.uid.value, start.value.isoformat(), tzid, end, ev.status.value,
                     ev.summary.value]))
