"""The frame every pose is drawn in, on its own: the view layer needs it with no model loaded.

The plan answer (in the browser's engine) writes each drawing's viewBox from FRAME; importing the
whole figure model there cost its first answer the model's compile time.
"""

from __future__ import annotations

# x, y, width, height; y grows downwards, the floor is at FLOOR_Y. Tall enough for arms overhead,
# wide enough for a figure lying down beside nothing.
FRAME: tuple[float, float, float, float] = (0.0, 0.0, 140.0, 136.0)
FLOOR_Y = 131.0
