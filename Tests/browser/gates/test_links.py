"""No broken links, and every link works from disk: relative, naming a file, inside the site."""
import re
import subprocess
from urllib.parse import unquote, urlsplit

from site_gates import html_pages

LINK = re.compile(r'\s(?:href|src)="([^"]*)"')


def test_linkchecker_finds_no_broken_links(readable_site):
    starts = [readable_site / "index.html", readable_site / "404.html", readable_site / "search.html"]
    result = subprocess.run(
        ["linkchecker", "--no-status", "--no-warnings", *map(str, starts)],
        capture_output=True, text=True,
    )
    summary = [line for line in result.stdout.splitlines() if "error" in line.lower()]
    assert result.returncode == 0, "\n".join(summary) + "\n" + result.stdout[-4000:]


def test_every_link_names_a_file_inside_the_site(site):
    problems = []
    for page in html_pages(site):
        if page.name == "404.html":
            continue  # served at any depth; its links follow the base URL when one is set
        for target in LINK.findall(page.read_text("utf-8")):
            parts = urlsplit(target)
            if parts.scheme or target.startswith("/"):
                problems.append(f"{page.relative_to(site)}: not relative: {target}")
                continue
            if not parts.path:
                continue  # same-page fragment
            resolved = (page.parent / unquote(parts.path)).resolve()
            if target.endswith("/") or resolved.is_dir():
                problems.append(f"{page.relative_to(site)}: names a folder: {target}")
            elif not resolved.is_file():
                problems.append(f"{page.relative_to(site)}: missing: {target}")
            elif site.resolve() not in resolved.parents:
                problems.append(f"{page.relative_to(site)}: leaves the site: {target}")
    assert not problems, f"{len(problems)} problems\n" + "\n".join(problems[:50])
