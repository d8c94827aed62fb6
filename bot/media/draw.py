"""Drawing the figure with Pillow, and encoding: an MP4 (H.264, no sound) loop and a PNG still.

Drawn at twice the size and scaled down, which smooths the edges (Pillow draws without
anti-aliasing).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

from bot.media.figure import Frame, frames, move_path
from bot.media.poses import Clip, Poses, Prop, View

SUPERSAMPLE = 2
BACKGROUND = (250, 248, 243)
FLOOR = (90, 90, 96)
MAT = (203, 226, 222)
PROP = (214, 196, 170)
MATTRESS = (236, 226, 206)
WALL = (222, 218, 210)
BODY = (29, 53, 87)
FAR = (140, 168, 201)
ARROW = (231, 111, 81)
HOLD = (42, 157, 143)
TEXT = (29, 29, 35)
RIM = 2
"""Pixels of background around a segment drawn with a rim (at the output size)."""
TITLE_BAR = 0.16
"""The title bar's share of the height."""


@dataclass(frozen=True)
class Labels:
    """What a frame shows besides the figure: the hold ring's seconds (digits only). A picture
    carries no words — its caption, in the person's language, has the title and the side — so
    one picture serves every language. A title is drawn only where one is given (the contact
    sheets name their exercise)."""

    hold: str
    title: str | None = None


# DejaVu Sans ships with matplotlib (a dependency already): it has the arrows and dashes of the
# exercise titles ("Plank → upward dog", "Cat–cow"), which Pillow's built-in font draws as boxes.
_FONT_FILE = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


@lru_cache(maxsize=32)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if _FONT_FILE.is_file():
        return ImageFont.truetype(str(_FONT_FILE), size)
    return ImageFont.load_default(size=size)


class _Canvas:
    def __init__(self, view: View, size: tuple[int, int], mirror: bool) -> None:
        self.width, self.height = size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE
        self.top = round(self.height * TITLE_BAR)
        x0, y0, x1, y1 = view.box
        self.scale = min(self.width / (x1 - x0), (self.height - self.top) / (y1 - y0))
        self.x0, self.y1 = x0, y1
        self.offset = (self.width - (x1 - x0) * self.scale) / 2
        self.mirror = mirror

    def at(self, point: tuple[float, float]) -> tuple[float, float]:
        x = (point[0] - self.x0) * self.scale + self.offset
        if self.mirror:
            x = self.width - x
        return (x, self.top + (self.y1 - point[1]) * self.scale)

    def size(self, length: float) -> float:
        return length * self.scale


def draw_frame(
    poses: Poses, clip: Clip, frame: Frame, labels: Labels, mirror: bool = False
) -> Image.Image:
    """One frame as an RGB image of the content's size."""
    view = poses.views[clip.view]
    canvas = _Canvas(view, poses.size, mirror)
    image = Image.new("RGB", (canvas.width, canvas.height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    _scene(draw, canvas, view, clip)
    arrow = frame.moving or (clip.arrow_in_hold and frame.hold is not None)
    if arrow and not clip.arrow_on_top:
        _arrow(draw, canvas, move_path(view, clip, frame.step))
    _figure(draw, canvas, view, frame)
    if arrow and clip.arrow_on_top:
        _arrow(draw, canvas, move_path(view, clip, frame.step))
    _title(draw, canvas, labels)
    if frame.hold is not None and clip.hold_ring:
        _hold_badge(draw, canvas, frame.hold, labels.hold)
    return image.resize(poses.size, Image.Resampling.LANCZOS)


def _scene(draw: ImageDraw.ImageDraw, canvas: _Canvas, view: View, clip: Clip) -> None:
    if view.mat is not None:
        x, y, w, h = view.mat
        a, b = canvas.at((x, y + h)), canvas.at((x + w, y))
        draw.rounded_rectangle(
            (min(a[0], b[0]), a[1], max(a[0], b[0]), b[1]), radius=canvas.size(0.02), fill=MAT
        )
    for prop in clip.props:
        if prop.kind in ("box", "pillow"):
            radius = prop.height / 2 if prop.kind == "pillow" else 0.01
            _block(draw, canvas, (prop.x, prop.y, prop.width, prop.height), radius)
        else:
            _furniture(draw, canvas, view, prop)
    left, floor = canvas.at((view.box[0], view.floor))
    right, _ = canvas.at((view.box[2], view.floor))
    draw.line((left, floor, right, floor), fill=FLOOR, width=3 * SUPERSAMPLE)


BED_TOP = 0.3
"""How far up the picture a bed's top reaches when seen from its foot end (figure units)."""
Rect = tuple[float, float, float, float]
"""x, y (bottom left), width, height, in figure units."""


def _block(
    draw: ImageDraw.ImageDraw,
    canvas: _Canvas,
    rect: Rect,
    radius: float = 0.01,
    fill: tuple[int, int, int] = PROP,
) -> None:
    x, y, w, h = rect
    a, b = canvas.at((x, y + h)), canvas.at((x + w, y))
    box = (min(a[0], b[0]), a[1], max(a[0], b[0]), b[1])
    r = min(canvas.size(radius), (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)
    draw.rounded_rectangle(box, radius=r, fill=fill, outline=FLOOR, width=SUPERSAMPLE)


def _furniture(draw: ImageDraw.ImageDraw, canvas: _Canvas, view: View, prop: Prop) -> None:
    """A chair, a bed or a wall, in flat shapes that read at phone size (docs/media.md)."""
    x, y, w, h = prop.x, prop.y, prop.width, prop.height
    if prop.kind == "wall":
        _block(draw, canvas, (x, view.floor, w, y + h - view.floor), 0.0, WALL)
    elif prop.kind == "chair":
        seat, leg, back = 0.05, 0.035, 0.04
        for leg_x in (x + 0.01, x + w - 0.01 - leg):
            _block(draw, canvas, (leg_x, view.floor, leg, y - seat - view.floor), 0.006)
        back_x = x if prop.back == "left" else x + w - back
        _block(draw, canvas, (back_x, y - seat, back, h + seat), 0.015)
        _block(draw, canvas, (x, y - seat, w, seat), 0.015)
    elif prop.kind in ("bed", "bed_end"):
        leg, board = 0.025, 0.03
        for leg_x in (x + 0.03, x + w - 0.03 - leg):
            _block(draw, canvas, (leg_x, view.floor, leg, y - h - view.floor), 0.004)
        if prop.kind == "bed":
            board_x = x if prop.back == "left" else x + w - board
            _block(draw, canvas, (board_x, view.floor, board, y + 0.14 - view.floor), 0.01)
            _block(draw, canvas, (x, y - h, w, h), 0.03, MATTRESS)
        else:
            _block(draw, canvas, (x, y, w, BED_TOP), 0.03, MATTRESS)
            _block(draw, canvas, (x, y - h, w, h), 0.02)


def _figure(draw: ImageDraw.ImageDraw, canvas: _Canvas, view: View, frame: Frame) -> None:
    for layer, colour in (("far", FAR), ("body", BODY), ("near", BODY)):
        for name, segment in view.segments.items():
            if segment.layer != layer:
                continue
            placed = frame.figure.placed[name]
            fill = ARROW if segment.accent else colour
            start, end = canvas.at(placed.start), canvas.at(placed.end)
            rim = RIM * SUPERSAMPLE if segment.rim else 0
            for grow, paint in ((rim, BACKGROUND), (0, fill)) if rim else ((0, fill),):
                width = max(1, round(canvas.size(segment.width))) + 2 * grow
                if segment.width > 0 and segment.length > 0:
                    draw.line((*start, *end), fill=paint, width=width)
                    for x, y in (start, end):
                        r = width / 2
                        draw.ellipse((x - r, y - r, x + r, y + r), fill=paint)
                if segment.head > 0:
                    r = canvas.size(segment.head) + grow
                    draw.ellipse((end[0] - r, end[1] - r, end[0] + r, end[1] + r), fill=paint)


def _arrow(draw: ImageDraw.ImageDraw, canvas: _Canvas, path: list[tuple[float, float]]) -> None:
    points = [canvas.at(p) for p in path]
    if math.dist(points[0], points[-1]) < canvas.size(0.02):
        return
    width = round(canvas.size(0.014))
    draw.line(points, fill=ARROW, width=width, joint="curve")
    (x1, y1), (x2, y2) = points[-3], points[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    size = canvas.size(0.045)
    head = [
        (x2 + size * 0.6 * math.cos(angle), y2 + size * 0.6 * math.sin(angle)),
        (x2 + size * math.cos(angle + 2.4), y2 + size * math.sin(angle + 2.4)),
        (x2 + size * math.cos(angle - 2.4), y2 + size * math.sin(angle - 2.4)),
    ]
    draw.polygon(head, fill=ARROW)


def _title(draw: ImageDraw.ImageDraw, canvas: _Canvas, labels: Labels) -> None:
    draw.rectangle((0, 0, canvas.width, canvas.top), fill=BODY)
    if not labels.title:
        return
    size = round(canvas.top * 0.5)
    text = labels.title
    font = _font(size)
    while draw.textlength(text, font=font) > canvas.width * 0.94 and size > 10:
        size -= 2
        font = _font(size)
    draw.text((canvas.width * 0.03, canvas.top / 2), text, fill=BACKGROUND, font=font, anchor="lm")


def _hold_badge(draw: ImageDraw.ImageDraw, canvas: _Canvas, progress: float, word: str) -> None:
    r = canvas.top * 0.9
    cx, cy = r * 1.3, canvas.top + r * 1.3
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255, 255, 255), outline=FAR, width=8)
    draw.arc((cx - r, cy - r, cx + r, cy + r), -90, -90 + 360 * progress, fill=HOLD, width=10)
    draw.text((cx, cy), word, fill=HOLD, font=_font(round(r * 0.55)), anchor="mm")


def render_frames(poses: Poses, clip: Clip, labels: Labels, mirror: bool) -> list[Image.Image]:
    view = poses.views[clip.view]
    return [draw_frame(poses, clip, f, labels, mirror) for f in frames(view, clip, poses.fps)]


def still_index(clip: Clip, fps: int) -> int:
    """The frame for the still: the middle of the first hold."""
    elapsed = 0.0
    for step in clip.timeline:
        elapsed += step.move
        if step.hold:
            return round((elapsed + step.stay / 2) * fps)
        elapsed += step.stay
    return 0


def encode_mp4(images: list[Image.Image], fps: int, path: Path, crf: int = 30) -> None:
    """A silent H.264 MP4 (yuv420p, fast start), as Telegram's sendAnimation wants."""
    import av

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.mp4")
    with av.open(str(partial), mode="w", format="mp4", options={"movflags": "+faststart"}) as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height = images[0].size
        stream.pix_fmt = "yuv420p"
        stream.codec_context.time_base = Fraction(1, fps)
        stream.options = {"crf": str(crf), "preset": "slow", "tune": "animation"}
        for image in images:
            frame = av.VideoFrame.from_image(image)  # type: ignore[no-untyped-call]
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    partial.replace(path)


def encode_png(image: Image.Image, path: Path) -> None:
    buffer = io.BytesIO()
    image.quantize(64).save(buffer, format="PNG", optimize=True)
    _write(path, buffer.getvalue())


def contact_sheet(rows: list[tuple[str, list[Image.Image]]], columns: int = 6) -> Image.Image:
    """Frames side by side, one row (or more) per variant and side, each labelled."""
    tile_w, tile_h = rows[0][1][0].size
    tile_w, tile_h = tile_w // 2, tile_h // 2
    label_h = 22
    lines = sum(-(-len(images) // columns) for _, images in rows)
    sheet = Image.new(
        "RGB", (tile_w * columns, lines * tile_h + len(rows) * label_h), (255, 255, 255)
    )
    draw = ImageDraw.Draw(sheet)
    y = 0
    for label, images in rows:
        draw.text((4, y + 3), label, fill=TEXT, font=_font(15))
        y += label_h
        for index, image in enumerate(images):
            x = (index % columns) * tile_w
            if index and index % columns == 0:
                y += tile_h
            sheet.paste(image.resize((tile_w, tile_h), Image.Resampling.LANCZOS), (x, y))
        y += tile_h
    return sheet


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".partial")
    partial.write_bytes(data)
    partial.replace(path)
