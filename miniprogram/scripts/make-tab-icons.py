"""Draws the four tab-bar icons (81x81 RGBA PNG, grey and green) with no dependencies.

Run once: python3 scripts/make-tab-icons.py. The PNGs in src/assets/tabbar/ are committed.
"""
import math
import os
import struct
import zlib

SIZE = 81
SS = 4  # supersampling per axis
GREY = (0x5C, 0x6B, 0x64)
GREEN = (0x0B, 0x7A, 0x4B)
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'assets', 'tabbar')


def rect(x0, y0, x1, y1):
    return lambda x, y: x0 <= x <= x1 and y0 <= y <= y1


def rounded(x0, y0, x1, y1, r):
    def inside(x, y):
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    return inside


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def ellipse(cx, cy, rx, ry):
    return lambda x, y: ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1


def polygon(points):
    def inside(x, y):
        result = False
        j = len(points) - 1
        for i in range(len(points)):
            xi, yi = points[i]
            xj, yj = points[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                result = not result
            j = i
        return result
    return inside


def union(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


def minus(shape, *holes):
    return lambda x, y: shape(x, y) and not any(h(x, y) for h in holes)


ICONS = {
    'home': minus(
        union(polygon([(40.5, 10), (72, 38), (64, 38), (64, 70), (17, 70), (17, 38), (9, 38)])),
        rounded(34, 48, 47, 70.5, 2),
    ),
    'training': union(
        polygon([(10, 20), (38, 26), (38, 68), (10, 62)]),
        polygon([(43, 26), (71, 20), (71, 62), (43, 68)]),
    ),
    'report': minus(
        union(rounded(8, 24, 73, 68, 8), rounded(28, 14, 53, 28, 4)),
        minus(circle(40.5, 46, 15), circle(40.5, 46, 9)),
        circle(63, 33, 3),
    ),
    'mine': union(circle(40.5, 26, 14), minus(ellipse(40.5, 74, 28, 28), rect(0, 72, 81, 81))),
}


def png(pixels):
    raw = b''.join(b'\x00' + bytes(row) for row in pixels)

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


def draw(shape, colour):
    rows = []
    for py in range(SIZE):
        row = []
        for px in range(SIZE):
            hits = sum(
                shape(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS) for sx in range(SS) for sy in range(SS)
            )
            alpha = math.floor(255 * hits / (SS * SS) + 0.5)
            row.extend([*colour, alpha])
        rows.append(row)
    return png(rows)


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    for name, shape in ICONS.items():
        for suffix, colour in (('', GREY), ('-active', GREEN)):
            with open(os.path.join(OUT, f'{name}{suffix}.png'), 'wb') as f:
                f.write(draw(shape, colour))
