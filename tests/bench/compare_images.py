#!/usr/bin/python3
"""Mean absolute RGB difference (0-255) between two images of the same size, over
pixels both cover: how closely Sightline's render matches gdalwarp's for the same window."""
import sys
from osgeo import gdal
import numpy as np

a = gdal.Open(sys.argv[1]).ReadAsArray()[:3].astype(np.int16)
b = gdal.Open(sys.argv[2]).ReadAsArray()[:3].astype(np.int16)
if a.shape != b.shape:
    print(f"shapes differ: {a.shape} vs {b.shape}")
    sys.exit(1)
both = (b.sum(axis=0) > 0)  # gdalwarp writes 0 where there is no data
d = np.abs(a - b)[:, both]
print(f"mean_abs_diff={d.mean():.2f} same_pixels={(d.max(axis=0) <= 2).mean() * 100:.1f}%")
