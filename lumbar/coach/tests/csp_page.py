"""Playwright under the app's Content-Security-Policy (no inline script, no eval).

Two Playwright helpers run inline code in the page and so are refused by the policy like any other inline
code: `wait_for_function("an expression")` polls by eval-ing the string, and `add_script_tag(path=...)` adds an
inline <script>. `under_csp(page)` makes both work the way a policy allows: expressions are polled as
functions (`() => (expression)`, which Playwright sends through the DevTools protocol, outside the page's
policy), and a script file is run through `page.evaluate`. The policy itself stays on, so a violation by the
app's own pages still shows up as a console error and fails the test.
"""
from __future__ import annotations

from pathlib import Path


def _is_function(expression: str) -> bool:
    return expression.lstrip().startswith(("(", "async", "function"))


def under_csp(page):
    wait = page.wait_for_function
    add_script_tag = page.add_script_tag

    def wait_for_function(expression, *args, **kwargs):
        if isinstance(expression, str) and not _is_function(expression):
            expression = f"() => ({expression})"
        return wait(expression, *args, **kwargs)

    def add_script(*, path=None, **kwargs):
        if path is not None and not kwargs:
            page.evaluate(Path(path).read_text() + "\n;0")
            return None
        return add_script_tag(path=path, **kwargs)

    page.wait_for_function = wait_for_function
    page.add_script_tag = add_script
    return page
