# Seed document 003, program 3: "Real-World Example: Image Processing
# Pipeline". Downloads come from the local httpbin (HTTPBIN_URL, or one
# started in this process) instead of picsum.photos, and PIL's
# open/resize/save is replaced by a pure-script stand-in of similar cost:
# decode the PNG's pixels, box-filter them down to 300x300, re-encode.
import os
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
import requests
import time

BASE = os.environ.get("HTTPBIN_URL")
if BASE is None:
    import httpbin
    _server, BASE = httpbin.serve_in_thread()

SIZE = int(os.environ.get("IMAGE_SIZE", "600"))

def download_image(url):
    """Download an image (I/O-bound — use threads)."""
    response = requests.get(url, timeout=10)
    return response.content

def png_pixels(data):
    """(width, height, rows of RGB bytes) of an unfiltered 8-bit RGB PNG."""
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + 3 * width
    return width, height, [raw[y * stride + 1:(y + 1) * stride] for y in range(height)]

def resize_image(image_bytes):
    """Resize an image to 300x300 (CPU-bound — use processes)."""
    width, height, rows = png_pixels(image_bytes)
    out = bytearray()
    for ty in range(300):
        y0, y1 = ty * height // 300, max((ty + 1) * height // 300, ty * height // 300 + 1)
        for tx in range(300):
            x0, x1 = tx * width // 300, max((tx + 1) * width // 300, tx * width // 300 + 1)
            r = g = b = 0
            for y in range(y0, y1):
                row = rows[y]
                for x in range(x0, x1):
                    r += row[3 * x]
                    g += row[3 * x + 1]
                    b += row[3 * x + 2]
            n = (y1 - y0) * (x1 - x0)
            out += bytes((r // n, g // n, b // n))
    return zlib.compress(bytes(out), 6)

# Sample image URLs
image_urls = [
    f"{BASE}/image/png?width={SIZE}&height={SIZE}",  # generated SIZExSIZE images
] * 20  # 20 images

if __name__ == "__main__":
    # Step 1: Download all images using THREADS (I/O-bound)
    start = time.time()
    with ThreadPoolExecutor(max_workers=10) as executor:
        raw_images = list(executor.map(download_image, image_urls))
    print(f"Downloaded {len(raw_images)} images in {time.time() - start:.1f}s")

    # Step 2: Resize all images using PROCESSES (CPU-bound)
    start = time.time()
    with ProcessPoolExecutor(max_workers=4) as executor:
        resized = list(executor.map(resize_image, raw_images))
    print(f"Resized {len(resized)} images in {time.time() - start:.1f}s")

# The RIGHT tool for each job:
# - Threads for downloading (waiting for network)
# - Processes for resizing (CPU-intensive pixel manipulation)
