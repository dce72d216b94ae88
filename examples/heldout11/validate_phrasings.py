#!/usr/bin/env python3
"""Validate phrasings.jsonl against the rules in CHECKS.md and the brief."""
import json, os, re, sys
from collections import Counter
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "phrasings.jsonl")
MEASURES = {"brightness", "saturation", "warmth", "contrast", "sharpness", "noise", "grain", "hue_shift",
            "grayscale", "sepia", "inverted", "negative", "colour_count", "vignette", "changed", "unchanged",
            "orientation", "aspect", "size"}
REGIONS = {"whole", "left_half", "right_half", "top_half", "bottom_half", "top_third", "middle_third",
           "bottom_third", "center", "corners", "sky", "subject", "background", "border", "top_left_corner",
           "top_right_corner", "bottom_left_corner", "bottom_right_corner", "outside_region"}
TONE = {"up", "down", "same"}
DIRS = {m: TONE for m in ["brightness", "saturation", "warmth", "contrast", "sharpness", "noise", "grain", "colour_count", "vignette"]}
DIRS.update({m: {"yes", "no"} for m in ["hue_shift", "grayscale", "sepia", "inverted", "negative", "changed", "unchanged"]})
DIRS["orientation"] = {"cw90", "180", "ccw90", "mirror_h", "mirror_v"}
DIRS["aspect"] = {"up", "down", "same"}
SIZE = {"larger", "smaller", "half", "half_width", "square", "aspect_16_9", "up", "down", "same"}
IMAGES = {"astronaut.png", "camera.png", "chelsea.png", "coffee.png", "rocket.jpg"}
FAMILIES = [("tone", 45), ("colour filters", 25), ("styles", 45), ("local adjustments", 30), ("colour change", 20),
            ("removal", 15), ("background", 15), ("text", 15), ("geometry", 25), ("concepts/moods", 35), ("must-decline", 30)]
errs = []
lines = open(path, encoding="utf-8").read().splitlines()
if len(lines) != 300: errs.append(f"{len(lines)} lines, want 300")
objs = []
for n, l in enumerate(lines, 1):
    try: o = json.loads(l)
    except Exception as e: errs.append(f"line {n}: bad JSON {e}"); continue
    objs.append(o)
    if list(o.keys()) != ["id", "image", "instruction", "expect", "checks"]: errs.append(f"line {n}: keys {list(o)}")
    if o.get("id") != "b%03d" % n: errs.append(f"line {n}: id {o.get('id')}")
    if o.get("image") not in IMAGES: errs.append(f"{o.get('id')}: image {o.get('image')}")
    if not isinstance(o.get("instruction"), str) or not o["instruction"].strip(): errs.append(f"{o.get('id')}: empty instruction")
    if o.get("expect") not in ("done", "declined"): errs.append(f"{o.get('id')}: expect {o.get('expect')}")
    ch = o.get("checks")
    if not isinstance(ch, list): errs.append(f"{o.get('id')}: checks not a list"); continue
    if o.get("expect") == "declined" and ch: errs.append(f"{o['id']}: declined with checks")
    if o.get("expect") == "done" and not ch: errs.append(f"{o['id']}: done without checks")
    for c in ch:
        if set(c) != {"measure", "region", "direction"}: errs.append(f"{o['id']}: check keys {c}"); continue
        m, r, d = c["measure"], c["region"], c["direction"]
        if m not in MEASURES: errs.append(f"{o['id']}: measure {m}")
        if r not in REGIONS: errs.append(f"{o['id']}: region {r}")
        if m == "size":
            if d not in SIZE and not re.fullmatch(r"\d+x\d+", d): errs.append(f"{o['id']}: size direction {d}")
        elif m in DIRS and d not in DIRS[m]: errs.append(f"{o['id']}: direction {d} for {m}")
    if o.get("image") == "camera.png" and any(c["measure"] in ("saturation", "warmth", "sepia", "hue_shift") for c in ch):
        errs.append(f"{o['id']}: colour measure on greyscale camera.png")
ids = [o.get("id") for o in objs]
if len(set(ids)) != len(ids): errs.append("duplicate ids")
i = 0
for fam, cnt in FAMILIES:
    block = objs[i:i + cnt]
    if fam == "must-decline" and any(o["expect"] != "declined" or o["checks"] for o in block):
        errs.append("must-decline family has a done line or checks")
    print(f"{fam:18s} a{i+1:03d}-a{i+cnt:03d} {cnt:3d}  expect={dict(Counter(o['expect'] for o in block))}")
    i += cnt
if i != 300: errs.append(f"family counts sum to {i}")
print("images:", dict(Counter(o["image"] for o in objs)))
print("expect:", dict(Counter(o["expect"] for o in objs)))
print("non-ASCII-letter lines:", [o["id"] for o in objs if re.search(r"[^\x00-\x7f]", o["instruction"])])
if errs:
    print("ERRORS:"); [print(" ", e) for e in errs]; sys.exit(1)
print("OK")
