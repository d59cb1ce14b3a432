"""What the page's script says around every form: the engine's states, failures, links, timer.

Written once here; `present.forms.form_html` writes them into each form's data attributes and
templates, and the script (docs/javascripts/forms/) reads them from there. Only the build reads
this module: the engine renders no whole form.
"""

from __future__ import annotations

# {mb} is the size of the first download in megabytes, {done} what has arrived so far.
ENGINE_TEXT = {
    "loading-button": "Calculator loading…",
    "loading": "Loading the calculator…",
    "loading-size": (
        "Loading the calculator. The first time, this downloads up to {mb} MB; after that it "
        "is saved on this device."
    ),
    "progress": "{done} of {mb} MB",
    "ready": "The calculator is ready.",
    "failed": "The calculator could not start.",
}
# The loading bar's name for screen readers (the script shows the bar while the engine loads).
PROGRESS_LABEL = "Loading the calculator"
FAILURE_TITLE = "The calculator could not run"
FAILURE_REASONS = {
    "unsupported": "This browser cannot run the calculator (no Web Workers or WebAssembly).",
    "slow": (
        "The download stopped: nothing arrived for a while. The connection may be slow or offline."
    ),
    "start": (
        "The calculator could not be downloaded or started. The connection may have dropped."
    ),
    "crash": "The calculator stopped unexpectedly.",
    "late": "The calculator did not answer in time.",
}
RETRY = "Try again"
LINK_TITLE = "Some values in this link were left out"
LINK_INTRO = "The link you opened had values this page cannot use, so they were ignored:"
LINK_REASONS = {
    "unknown": "not a question on this page",
    "long": "too long",
    "choice": "an unknown choice",
    "flag": "not yes or no",
    "option": "not one of the choices",
}
TIMER_TEXT = {
    "start": "Start the timer",
    "stop": "Stop the timer",
    "again": "Start the timer again",
    "unit": "s",
}
