#pragma once

#include <QColor>
#include <QFont>

class QPaintDevice;

namespace sightline {

/// The brief's typography and colours, in the units of the device it is laid out on.
/// One family (DejaVu Sans, which Debian installs with fonts-dejavu-core) in two weights
/// and its monospace for checksums: every font the PDF embeds is one the reader's
/// machine can be assumed to lack, so few is better.
struct BriefStyle
{
    double unit = 1;  ///< device units per typographic point
    double dpi = 150; ///< resolution of embedded imagery
    QFont title;      ///< 20 pt bold
    QFont subtitle;   ///< 12 pt
    QFont heading;    ///< 12 pt bold
    QFont body;       ///< 9.5 pt
    QFont bodyBold;
    QFont caption; ///< 8 pt
    QFont captionBold;
    QFont table; ///< 7 pt
    QFont tableBold;
    QFont mono;      ///< 6 pt monospace (checksums)
    QFont furniture; ///< 7 pt: graticule labels, legend
    QFont marking;   ///< 9 pt bold
    QFont footer;    ///< 7.5 pt
    QColor ink{0x1d, 0x23, 0x29};
    QColor muted{0x5a, 0x64, 0x6e};
    QColor accent{0x1f, 0x3b, 0x57};
    QColor rule{0xb8, 0xc0, 0xc8};
    QColor tableHeader{0xe3, 0xe8, 0xee};
    QColor zebra{0xf5, 0xf7, 0xf9};
    QColor judgmentsFill{0xee, 0xf3, 0xf8};
    QColor markingInk{0x9b, 0x12, 0x12};
    QColor mapBackground{0xf4, 0xf1, 0xea};

    /// The style for `device` (its logical DPI gives the unit), embedding imagery at `imageryDpi`.
    static BriefStyle forDevice(const QPaintDevice &device, double imageryDpi);
    double pt(double points) const { return points * unit; }
};

} // namespace sightline
