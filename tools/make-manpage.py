#!/usr/bin/env python3
"""Writes sightline(1) from the program's own --help texts.

The man page is made from what `sightline --help`, `sightline COMMAND --help` and
`sightline COMMAND SUBCOMMAND --help` print, so it cannot drift from the program.
Usage: make-manpage.py SIGHTLINE_EXECUTABLE VERSION OUT.1
"""

import os
import re
import subprocess
import sys

ENTRY = re.compile(r"^  (\S.*?)(?: {2,}(\S.*))?$")  # "  term      text" in a listing
HEADING = re.compile(r"^(\S[^:]*):$")  # "Options:", "Subcommands:", "Analyses:"


def run_help(exe, words):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    result = subprocess.run([exe, *words, "--help"], capture_output=True, text=True, env=env, timeout=60)
    if result.returncode != 0:
        sys.exit(f"make-manpage: 'sightline {' '.join(words)} --help' exited {result.returncode}: {result.stderr}")
    return result.stdout


def escape(text):
    """Text for roff: backslashes kept, no line read as a request."""
    text = text.replace("\\", "\\e")
    return "\\&" + text if text.startswith((".", "'")) else text


def option_text(text):
    """Options and commands: hyphens as roff's minus so that they can be searched and copied."""
    return escape(text).replace("-", "\\-")


def parse(help_text):
    """(usage lines, description paragraphs, [(heading, [(term, text)], [trailing paragraphs])])."""
    lines = help_text.rstrip("\n").split("\n")
    usage, i = [], 0
    while i < len(lines) and lines[i].strip():
        usage.append(lines[i].removeprefix("Usage: ").strip())
        i += 1
    description, sections = [], []
    paragraph = []

    def flush(target):
        if paragraph:
            target.append(" ".join(paragraph))
            paragraph.clear()

    current = None
    for line in lines[i:]:
        heading = HEADING.match(line)
        if heading:
            flush(description if current is None else current[2])
            current = (heading.group(1), [], [])
            sections.append(current)
        elif not line.strip():
            flush(description if current is None else current[2])
        elif current is not None and line.startswith("   ") and current[1] and not current[2] and not paragraph:
            term, text = current[1][-1]
            current[1][-1] = (term, (text + " " + line.strip()).strip())
        elif current is not None and ENTRY.match(line) and not current[2] and not paragraph:
            m = ENTRY.match(line)
            current[1].append((m.group(1).strip(), (m.group(2) or "").strip()))
        else:
            paragraph.append(line.strip())
    flush(description if current is None else current[2])
    return usage, description, sections


def listing_names(sections):
    """The words a listing names ("Commands:", "Subcommands:", "Analyses:"), not options."""
    for heading, entries, _ in sections:
        if heading not in ("Options", "Arguments"):
            return [term for term, _ in entries]
    return []


def roff_body(help_text, out, heading_macro):
    usage, description, sections = parse(help_text)
    out.append(".nf")
    out.extend(".B " + option_text(u) if n == 0 else option_text(u) for n, u in enumerate(usage))
    out.append(".fi")
    for p in description:
        out += [".PP", escape(p)]
    for heading, entries, trailing in sections:
        out.append(f"{heading_macro} {heading}" if heading_macro == ".SH" else f".PP\n.I {heading}")
        for term, text in entries:
            out += [".TP", ".B " + option_text(term), escape(text)]
        for p in trailing:
            out += [".PP", escape(p)]


def main():
    exe, version, target = sys.argv[1:4]
    top = run_help(exe, [])
    usage, description, sections = parse(top)
    page = [
        '.TH SIGHTLINE 1 "" "Sightline %s" "User Commands"' % version,
        ".SH NAME",
        "sightline \\- geospatial workbench for imagery and AIS analysts",
        ".SH SYNOPSIS",
        ".nf",
        *(".B sightline " + option_text(u.removeprefix("sightline ")) for u in usage),
        ".fi",
        ".SH DESCRIPTION",
    ]
    for p in description:
        page += [".PP", escape(p)]
    for heading, entries, trailing in sections:
        if heading in ("Options", "Arguments"):
            page.append(f".SH {heading.upper()}")
            for term, text in entries:
                page += [".TP", ".B " + option_text(term), escape(text)]
    page.append(".SH COMMANDS")
    for command in listing_names(sections):
        text = run_help(exe, [command])
        page += [f'.SS "sightline {option_text(command)}"']
        roff_body(text, page, ".PP")
        for sub in listing_names(parse(text)[2]):
            page += [f'.SS "sightline {option_text(command)} {option_text(sub)}"']
            roff_body(run_help(exe, [command, sub]), page, ".PP")
    page += [
        ".SH EXIT STATUS",
        "0 when everything asked for was done; 1 when it was done in part (a layer, a row or a file",
        "was left out and said so on standard error, or nothing was kept); 2 when nothing could be done",
        "(a usage mistake, a file that cannot be opened or written).",
        ".SH ENVIRONMENT",
        ".TP",
        ".B SOURCE_DATE_EPOCH",
        "Dates a brief's PDF, so that the same inputs give the same bytes.",
        ".TP",
        ".B QT_QPA_PLATFORM",
        "Commands that draw run on Qt's offscreen platform unless this is set.",
        ".SH SECURITY",
        "Projects, layers and logs from elsewhere are untrusted. A project may open files in its own folder",
        "tree and those the user allowed; network sources only with",
        ".BR \\-\\-allow\\-network .",
        "Secrets are kept in the desktop keyring, never in a project, and are redacted from what is printed.",
        ".SH SEE ALSO",
        ".BR gpsdecode (1),",
        ".BR ogr2ogr (1),",
        ".BR qgis (1)",
    ]
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
