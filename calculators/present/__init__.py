"""Presentation: every answer's words, numbers and layout, written once.

`numbers` formats numbers and ranges; `plan`, `protein`, `self_check` and `errors` build the
views (`view`); `html`, `text`, `calendar` and `charts` turn them into HTML fragments, plain
text, iCalendar files and SVG; `field_words` words every field error, by the key a field's
declaration names. Standard library only, like the calculators.
"""
