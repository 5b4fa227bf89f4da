#include "brief/briefstyle.h"

#include <QPaintDevice>

namespace sightline {

namespace {
QFont font(const QString &family, double points, bool bold = false)
{
    QFont f(family);
    f.setPointSizeF(points);
    f.setBold(bold);
    // Kerning and hinting differ between machines; the layout must not.
    f.setHintingPreference(QFont::PreferNoHinting);
    // No shaping for Latin text: no "ﬁ" ligatures, so the PDF's text searches as it reads.
    f.setStyleStrategy(QFont::StyleStrategy(QFont::PreferOutline | QFont::PreferNoShaping));
    return f;
}
} // namespace

BriefStyle BriefStyle::forDevice(const QPaintDevice &device, double imageryDpi)
{
    BriefStyle s;
    s.unit = device.logicalDpiY() / 72.0;
    s.dpi = imageryDpi;
    const QString sans = QStringLiteral("DejaVu Sans");
    s.title = font(sans, 20, true);
    s.subtitle = font(sans, 12);
    s.heading = font(sans, 12, true);
    s.body = font(sans, 9.5);
    s.bodyBold = font(sans, 9.5, true);
    s.caption = font(sans, 8);
    s.captionBold = font(sans, 8, true);
    s.table = font(sans, 7);
    s.tableBold = font(sans, 7, true);
    s.mono = font(QStringLiteral("DejaVu Sans Mono"), 6);
    s.furniture = font(sans, 7);
    s.marking = font(sans, 9, true);
    s.footer = font(sans, 7.5);
    return s;
}

} // namespace sightline
